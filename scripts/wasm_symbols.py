#!/usr/bin/env python3
"""Function names of the release WASM, kept on the server instead of sent to the browser.

A release build's panic is a bare `RuntimeError: unreachable` whose stack names WASM functions
by index only (`vectora.<hash>.wasm:wasm-function[1234]:0x5678`); the server turns those indexes
back into names (src/wasm_symbols.rs) from the maps this script writes.

    wasm_symbols.py name BEFORE.wasm BINARYEN_MAP SYMBOLS
        BINARYEN_MAP is what `wasm-opt --symbolmap` wrote for the module it made from BEFORE.wasm:
        one `index:name` a line, where a function's name is binaryen's own when the input's names
        were not read (no -g): `fimport$<k>` for the k-th imported function and `<i>` for the i-th
        defined one. Writes SYMBOLS, the same map with the names of BEFORE.wasm's `name` section.

    wasm_symbols.py rename PKG_DIR SYMBOLS_DIR
        after cargo-leptos has put content hashes in the names of PKG_DIR's files: gives each map
        the name of its WASM as served (`chunk_7.wasm.symbols` -> `chunk_7.<hash>.wasm.symbols`).

scripts/build_release.sh runs `name` for each WASM that wasm-opt optimizes
(scripts/wasm-opt-shim/wasm-opt), and `rename` after the build. wasm-opt itself runs as before:
the served WASM is the same, byte for byte, as without the maps.
"""

import argparse
import os
import re
import sys
from pathlib import Path

MAGIC = b"\0asm\x01\0\0\0"
CUSTOM = 0
IMPORT = 2
IMPORTED_FUNCTION = 0
FUNCTION_NAMES = 1
IMPORTED = re.compile(r"fimport\$(?P<k>[0-9]+)")
DEFINED = re.compile(r"[0-9]+")
# cargo-leptos' hash: 16 bytes of MD5 in URL-safe base64 without padding.
HASHED = re.compile(r"(?P<stem>.+)\.[A-Za-z0-9_-]{22}\.wasm")


class WasmError(Exception):
    pass


def leb_u32(data: bytes, pos: int) -> tuple[int, int]:
    """The unsigned LEB128 number at `pos`, and the position after it."""
    value = shift = 0
    while True:
        if pos >= len(data):
            raise WasmError("a number runs past the end")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
        if shift > 28:
            raise WasmError("a number longer than 32 bits")


def sections(module: bytes):
    """(id, custom section name or None, payload, bytes of the whole section) for each section."""
    if not module.startswith(MAGIC):
        raise WasmError("not a WebAssembly 1 module")
    pos = len(MAGIC)
    while pos < len(module):
        start = pos
        section_id = module[pos]
        size, payload_start = leb_u32(module, pos + 1)
        end = payload_start + size
        if end > len(module):
            raise WasmError(f"section {section_id} runs past the end")
        payload = module[payload_start:end]
        name = None
        if section_id == CUSTOM:
            length, name_start = leb_u32(payload, 0)
            name = payload[name_start : name_start + length].decode("utf-8", "replace")
            payload = payload[name_start + length :]
        yield section_id, name, payload, module[start:end]
        pos = end


def function_names(name_section: bytes) -> list[tuple[int, str]]:
    """The (index, name) pairs of the name section's function names subsection."""
    pos = 0
    while pos < len(name_section):
        subsection = name_section[pos]
        size, start = leb_u32(name_section, pos + 1)
        pos = start + size
        if subsection != FUNCTION_NAMES:
            continue
        content = name_section[start:pos]
        count, at = leb_u32(content, 0)
        names = []
        for _ in range(count):
            index, at = leb_u32(content, at)
            length, at = leb_u32(content, at)
            names.append((index, content[at : at + length].decode("utf-8", "replace")))
            at += length
        return names
    return []


def imported_functions(module: bytes) -> int:
    """How many of the module's functions are imported (they come first in the index space)."""
    for section_id, _, payload, _ in sections(module):
        if section_id != IMPORT:
            continue
        count, at = leb_u32(payload, 0)
        functions = 0
        for _ in range(count):
            for _field in ("module", "name"):
                length, at = leb_u32(payload, at)
                at += length
            kind = payload[at]
            at += 1
            if kind == IMPORTED_FUNCTION:
                functions += 1
                _, at = leb_u32(payload, at)
            elif kind == 1:  # table: reference type, limits
                at = skip_limits(payload, at + 1)
            elif kind == 2:  # memory: limits
                at = skip_limits(payload, at)
            elif kind == 3:  # global: value type, mutability
                at += 2
            else:  # tag: attribute, type index
                _, at = leb_u32(payload, at + 1)
        return functions
    return 0


def skip_limits(payload: bytes, at: int) -> int:
    flags = payload[at]
    _, at = leb_u32(payload, at + 1)
    if flags & 1:
        _, at = leb_u32(payload, at)
    return at


def name(before: Path, binaryen_map: Path, symbols: Path) -> int:
    """Writes `symbols` from binaryen's map; returns how many functions got their Rust name."""
    module = before.read_bytes()
    names = {}
    for _, section, payload, _ in sections(module):
        if section == "name":
            names = dict(function_names(payload))
    if not names:
        raise WasmError(f"{before.name} has no function names to keep")
    imports = imported_functions(module)
    lines = []
    named = 0
    for line in binaryen_map.read_text(encoding="utf-8").splitlines():
        index, _, own = line.partition(":")
        imported, defined = IMPORTED.fullmatch(own), DEFINED.fullmatch(own)
        original = int(imported["k"]) if imported else imports + int(own) if defined else None
        found = names.get(original)
        named += found is not None
        lines.append(f"{index}:{' '.join((found or own).splitlines())}\n")
    symbols.parent.mkdir(parents=True, exist_ok=True)
    symbols.write_text("".join(lines), encoding="utf-8")
    return named


def rename(pkg_dir: Path, symbols_dir: Path) -> None:
    """Names each map after its WASM's hashed name in `pkg_dir`."""
    missing = []
    for wasm in sorted(pkg_dir.glob("*.wasm")):
        served = symbols_dir / f"{wasm.name}.symbols"
        hashed = HASHED.fullmatch(wasm.name)
        built = symbols_dir / f"{hashed['stem']}.wasm.symbols" if hashed else served
        if built.is_file():
            os.replace(built, served)
        elif not served.is_file():
            missing.append(wasm.name)
    if missing:
        raise WasmError(f"no map for {', '.join(missing)} in {symbols_dir}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    name_args = commands.add_parser("name", help="give binaryen's map the module's own names")
    name_args.add_argument("before", type=Path)
    name_args.add_argument("binaryen_map", type=Path)
    name_args.add_argument("symbols", type=Path)
    rename_args = commands.add_parser("rename", help="name the maps as the served WASM files")
    rename_args.add_argument("pkg_dir", type=Path)
    rename_args.add_argument("symbols_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "name":
            count = name(args.before, args.binaryen_map, args.symbols)
            print(f"wasm_symbols: {count} function names for {args.symbols.name}")
        else:
            rename(args.pkg_dir, args.symbols_dir)
    except (OSError, ValueError, WasmError) as error:
        print(f"wasm_symbols: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
