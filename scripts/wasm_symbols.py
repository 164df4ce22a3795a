#!/usr/bin/env python3
"""Function names of the release WASM, kept on the server instead of sent to the browser.

A release build's panic is a bare `RuntimeError: unreachable` whose stack names WASM functions
by index only (`vectora.<hash>.wasm:wasm-function[1234]:0x5678`); the server turns those indexes
back into names (src/wasm_symbols.rs) from the maps this script writes.

    wasm_symbols.py strip WASM SYMBOLS_DIR
        writes SYMBOLS_DIR/<WASM's file name>.symbols (one `index:name` a line, binaryen's
        --symbolmap format) from the module's `name` section, and rewrites WASM without that
        section. Every other section stays as it was, byte for byte.

    wasm_symbols.py rename PKG_DIR SYMBOLS_DIR
        after cargo-leptos has put content hashes in the names of PKG_DIR's files: gives each map
        the name of its WASM as served (`chunk_7.wasm.symbols` -> `chunk_7.<hash>.wasm.symbols`).

scripts/build_release.sh runs `strip` on each WASM right after wasm-opt (scripts/wasm-opt-shim/wasm-opt),
before cargo-leptos hashes and compresses it, and `rename` after the build.
"""

import argparse
import os
import re
import sys
from pathlib import Path

MAGIC = b"\0asm\x01\0\0\0"
CUSTOM = 0
FUNCTION_NAMES = 1
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


def strip(wasm: Path, symbols_dir: Path) -> int:
    """Moves `wasm`'s function names to its map; returns how many there were."""
    module = wasm.read_bytes()
    kept = [MAGIC]
    names = None
    for section_id, name, payload, whole in sections(module):
        if name == "name":
            names = function_names(payload)
            continue
        if name is not None and name.startswith(".debug_"):
            raise WasmError(
                f"{wasm.name} has DWARF ({name}): with -g wasm-opt keeps it and leaves out the "
                "passes that would break it, so the code would grow; build without debuginfo"
            )
        kept.append(whole)
    if not names:
        raise WasmError(f"{wasm.name} has no function names: was wasm-opt run with -g?")
    symbols_dir.mkdir(parents=True, exist_ok=True)
    lines = (f"{index}:{' '.join(name.splitlines())}\n" for index, name in names)
    (symbols_dir / f"{wasm.name}.symbols").write_text("".join(lines), encoding="utf-8")
    stripped = wasm.with_name(wasm.name + ".stripped")
    stripped.write_bytes(b"".join(kept))
    os.replace(stripped, wasm)
    return len(names)


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
    strip_args = commands.add_parser("strip", help="move a WASM's function names to its map")
    strip_args.add_argument("wasm", type=Path)
    strip_args.add_argument("symbols_dir", type=Path)
    rename_args = commands.add_parser("rename", help="name the maps as the served WASM files")
    rename_args.add_argument("pkg_dir", type=Path)
    rename_args.add_argument("symbols_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "strip":
            count = strip(args.wasm, args.symbols_dir)
            print(f"wasm_symbols: {count} function names of {args.wasm.name} kept on the server")
        else:
            rename(args.pkg_dir, args.symbols_dir)
    except (OSError, WasmError) as error:
        print(f"wasm_symbols: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
