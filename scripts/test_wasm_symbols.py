"""scripts/wasm_symbols.py on a real module: rustc's WASM of a few lines, checked with node.

    python3 -m unittest discover -s scripts -p 'test_*.py'
"""

import json
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import wasm_symbols

SOURCE = """
#[unsafe(no_mangle)]
pub extern "C" fn add_twice(a: i32, b: i32) -> i32 { helper(a, b) + helper(b, a) }
#[inline(never)]
fn helper(a: i32, b: i32) -> i32 { if a > 1000 { panic!("too big") } a.wrapping_mul(31) ^ b }
"""
EXPORT = 7
HASH = "2k7X9XjQxvlmVxQAMHKghw"


def build(directory: Path, name: str, *flags: str) -> Path:
    source = directory / "lib.rs"
    source.write_text(SOURCE)
    wasm = directory / name
    subprocess.run(
        ["rustc", "--edition", "2024", "--target", "wasm32-unknown-unknown",
         "--crate-type", "cdylib", "-O", *flags, str(source), "-o", str(wasm)],
        check=True,
    )
    return wasm


def node(script: str, *args: str) -> object:
    """What `script` prints as JSON, run by node with `args` in `process.argv.slice(1)`."""
    run = subprocess.run(["node", "-e", script, *args], check=True, capture_output=True, text=True)
    return json.loads(run.stdout)


def export_index(module: bytes, name: str) -> int:
    for section_id, _, payload, _ in wasm_symbols.sections(module):
        if section_id != EXPORT:
            continue
        count, at = wasm_symbols.leb_u32(payload, 0)
        for _ in range(count):
            length, at = wasm_symbols.leb_u32(payload, at)
            export, kind = payload[at : at + length].decode(), payload[at + length]
            index, at = wasm_symbols.leb_u32(payload, at + length + 1)
            if export == name and kind == 0:
                return index
    raise AssertionError(f"no function exported as {name}")


class Strip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = Path(tempfile.mkdtemp())
        cls.original = build(cls.dir, "original.wasm", "-C", "strip=debuginfo").read_bytes()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def setUp(self):
        self.wasm = self.dir / "vectora.wasm"
        self.wasm.write_bytes(self.original)
        self.symbols = self.dir / "symbols"

    def symbols_map(self) -> dict[int, str]:
        text = (self.symbols / "vectora.wasm.symbols").read_text()
        return {int(index): name for index, name in (line.split(":", 1) for line in text.splitlines())}

    def test_the_names_go_to_the_map_by_function_index(self):
        count = wasm_symbols.strip(self.wasm, self.symbols)
        names = self.symbols_map()
        self.assertEqual(len(names), count)
        self.assertEqual(names[export_index(self.original, "add_twice")], "add_twice")
        helpers = [name for name in names.values() if "6helper" in name]
        self.assertEqual(len(helpers), 1, "the mangled name of lib::helper")
        self.assertRegex(helpers[0], r"^_ZN3lib6helper17h[0-9a-f]{16}E$")

    def test_the_stripped_module_is_valid_has_no_names_and_runs_the_same(self):
        wasm_symbols.strip(self.wasm, self.symbols)
        stripped = self.wasm.read_bytes()
        result = node(
            """
            const fs = require("fs");
            const [original, stripped] = process.argv.slice(1).map((f) => fs.readFileSync(f));
            const run = (bytes) => new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.add_twice(3, 4);
            console.log(JSON.stringify({
              valid: WebAssembly.validate(stripped),
              names: WebAssembly.Module.customSections(new WebAssembly.Module(stripped), "name").length,
              namesBefore: WebAssembly.Module.customSections(new WebAssembly.Module(original), "name").length,
              same: run(original) === run(stripped),
            }));
            """,
            str(self.dir / "original.wasm"),
            str(self.wasm),
        )
        self.assertEqual(result, {"valid": True, "names": 0, "namesBefore": 1, "same": True})
        kept = [whole for _, name, _, whole in wasm_symbols.sections(self.original) if name != "name"]
        self.assertEqual(stripped, wasm_symbols.MAGIC + b"".join(kept), "the other sections untouched")

    def test_a_module_without_names_or_with_dwarf_is_refused_and_left_alone(self):
        wasm_symbols.strip(self.wasm, self.symbols)
        stripped = self.wasm.read_bytes()
        with self.assertRaisesRegex(wasm_symbols.WasmError, "no function names"):
            wasm_symbols.strip(self.wasm, self.symbols)
        self.assertEqual(self.wasm.read_bytes(), stripped)
        with_dwarf = build(self.dir, "dwarf.wasm")
        before = with_dwarf.read_bytes()
        with self.assertRaisesRegex(wasm_symbols.WasmError, r"DWARF \(\.debug_"):
            wasm_symbols.strip(with_dwarf, self.symbols)
        self.assertEqual(with_dwarf.read_bytes(), before)

    def test_what_is_not_a_module_fails_the_command(self):
        (self.dir / "text.wasm").write_text("<html>")
        self.assertEqual(wasm_symbols.main(["strip", str(self.dir / "text.wasm"), str(self.symbols)]), 1)
        self.wasm.write_bytes(self.original[:-10])
        with self.assertRaises(wasm_symbols.WasmError):
            wasm_symbols.strip(self.wasm, self.symbols)


class Rename(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        self.pkg = self.dir / "pkg"
        self.symbols = self.dir / "symbols"
        self.pkg.mkdir()
        self.symbols.mkdir()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_each_map_takes_its_wasm_s_hashed_name(self):
        for name in [f"vectora.{HASH}.wasm", f"chunk_7.{HASH}.wasm", "unhashed.wasm"]:
            (self.pkg / name).write_bytes(b"")
        for stem in ["vectora", "chunk_7", "unhashed"]:
            (self.symbols / f"{stem}.wasm.symbols").write_text(f"0:{stem}\n")
        wasm_symbols.rename(self.pkg, self.symbols)
        self.assertEqual(
            sorted(path.name for path in self.symbols.iterdir()),
            [f"chunk_7.{HASH}.wasm.symbols", "unhashed.wasm.symbols", f"vectora.{HASH}.wasm.symbols"],
        )
        self.assertEqual((self.symbols / f"chunk_7.{HASH}.wasm.symbols").read_text(), "0:chunk_7\n")
        wasm_symbols.rename(self.pkg, self.symbols)

    def test_a_wasm_without_a_map_fails(self):
        (self.pkg / f"chunk_8.{HASH}.wasm").write_bytes(b"")
        with self.assertRaisesRegex(wasm_symbols.WasmError, f"no map for chunk_8.{HASH}.wasm"):
            wasm_symbols.rename(self.pkg, self.symbols)


if __name__ == "__main__":
    unittest.main()
