#!/usr/bin/env python3
"""Names each map of the release WASM's functions after the WASM file as served.

A release build's panic is a bare `RuntimeError: unreachable` whose stack names WASM functions
by index only (`vectora.<hash>.wasm:wasm-function[1234]:0x5678`); the server turns those indexes
back into names (src/wasm_symbols.rs) from maps that binaryen writes as wasm-opt optimizes each
WASM (`--symbolmap`, through scripts/wasm-opt-shim/wasm-opt): `index:name` a line, in
SYMBOLS_DIR/<file>.wasm.symbols. cargo-leptos then puts content hashes in the files' names.

    wasm_symbols.py rename PKG_DIR SYMBOLS_DIR
        gives each map the name of its WASM in PKG_DIR (`chunk_7.wasm.symbols` ->
        `chunk_7.<hash>.wasm.symbols`), and fails when a WASM has no map or a map no names (its
        module had no name section: binaryen then numbers the functions).
"""

import argparse
import os
import re
import sys
from pathlib import Path

# cargo-leptos' hash: 16 bytes of MD5 in URL-safe base64 without padding.
HASHED = re.compile(r"(?P<stem>.+)\.[A-Za-z0-9_-]{22}\.wasm")


class WasmError(Exception):
    pass


def rename(pkg_dir: Path, symbols_dir: Path) -> None:
    """Names each map after its WASM's hashed name in `pkg_dir`."""
    missing = []
    for wasm in sorted(pkg_dir.glob("*.wasm")):
        served = symbols_dir / f"{wasm.name}.symbols"
        hashed = HASHED.fullmatch(wasm.name)
        built = symbols_dir / f"{hashed['stem']}.wasm.symbols" if hashed else served
        if built.is_file():
            os.replace(built, served)
        if not served.is_file():
            missing.append(wasm.name)
        elif not has_names(served):
            raise WasmError(f"{served} numbers the functions: the WASM had no names")
    if missing:
        raise WasmError(f"no map for {', '.join(missing)} in {symbols_dir}")


def has_names(symbols: Path) -> bool:
    names = (line.partition(":")[2] for line in symbols.read_text(encoding="utf-8").splitlines())
    return any(not name.isdigit() for name in names)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    rename_args = commands.add_parser("rename", help="name the maps as the served WASM files")
    rename_args.add_argument("pkg_dir", type=Path)
    rename_args.add_argument("symbols_dir", type=Path)
    args = parser.parse_args(argv)
    try:
        rename(args.pkg_dir, args.symbols_dir)
    except (OSError, WasmError) as error:
        print(f"wasm_symbols: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
