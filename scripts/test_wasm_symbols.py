"""scripts/wasm_symbols.py and scripts/wasm-opt-shim/wasm-opt on a real module: rustc's WASM of a
few lines, optimized by the real wasm-opt when one is on PATH, checked with node.

    python3 -m unittest discover -s scripts -p 'test_*.py'
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import wasm_symbols

SOURCE = """
unsafe extern "C" { fn host_log(x: i32); }
#[unsafe(no_mangle)]
pub extern "C" fn add_twice(a: i32, b: i32) -> i32 {
    unsafe { host_log(a) };
    helper(a, b) + helper(b, a)
}
#[inline(never)]
fn helper(a: i32, b: i32) -> i32 { if a > 1000 { panic!("too big") } a.wrapping_mul(31) ^ b }
"""
EXPORT = 7
HASH = "2k7X9XjQxvlmVxQAMHKghw"
SHIM = Path(__file__).parent / "wasm-opt-shim" / "wasm-opt"
WASM_OPT = shutil.which("wasm-opt")
# cargo-leptos' call, with the flags of Cargo.toml's wasm-opt-features.
FLAGS = ["-Os", "--converge", "--low-memory-unused", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"]


def build(directory: Path) -> bytes:
    source = directory / "lib.rs"
    source.write_text(SOURCE)
    wasm = directory / "built.wasm"
    subprocess.run(
        ["rustc", "--edition", "2024", "--target", "wasm32-unknown-unknown", "--crate-type",
         "cdylib", "-O", "-C", "strip=debuginfo", str(source), "-o", str(wasm)],
        check=True,
    )
    return wasm.read_bytes()


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


def read_map(path: Path) -> dict[int, str]:
    lines = path.read_text().splitlines()
    return {int(index): name for index, name in (line.split(":", 1) for line in lines)}


class WasmTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.built_dir = Path(tempfile.mkdtemp())
        cls.built = build(cls.built_dir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.built_dir)

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        self.wasm = self.dir / "vectora.wasm"
        self.wasm.write_bytes(self.built)

    def tearDown(self):
        shutil.rmtree(self.dir)


class Name(WasmTest):
    def test_binaryen_s_names_become_the_module_s_own(self):
        imports = wasm_symbols.imported_functions(self.built)
        self.assertEqual(imports, 1, "host_log")
        add_twice = export_index(self.built, "add_twice")
        binaryen_map = self.dir / "binaryen.map"
        binaryen_map.write_text(f"0:{add_twice - imports}\n1:fimport$0\n2:byn$added\n3:99999\n")
        symbols = self.dir / "out" / "vectora.wasm.symbols"
        self.assertEqual(wasm_symbols.name(self.wasm, binaryen_map, symbols), 2)
        self.assertEqual(
            read_map(symbols), {0: "add_twice", 1: "host_log", 2: "byn$added", 3: "99999"}
        )

    def test_a_module_without_names_fails_the_command(self):
        (self.dir / "empty.map").write_text("")
        self.wasm.write_bytes(wasm_symbols.MAGIC)
        args = ["name", str(self.wasm), str(self.dir / "empty.map"), str(self.dir / "x.symbols")]
        self.assertEqual(wasm_symbols.main(args), 1)
        (self.dir / "text.wasm").write_text("<html>")
        args[1] = str(self.dir / "text.wasm")
        self.assertEqual(wasm_symbols.main(args), 1)
        self.assertFalse((self.dir / "x.symbols").exists())


@unittest.skipUnless(WASM_OPT, "no wasm-opt on PATH (scripts/setup.sh installs it)")
class Shim(WasmTest):
    def optimize(self, wasm_opt: str, wasm: Path) -> None:
        env = dict(os.environ, VECTORA_WASM_OPT=WASM_OPT, VECTORA_WASM_SYMBOLS_DIR=str(self.dir / "symbols"))
        subprocess.run([wasm_opt, *FLAGS, str(wasm), "-o", str(wasm)], check=True, env=env)

    def test_the_module_is_what_wasm_opt_makes_and_the_map_names_its_functions(self):
        self.optimize(str(SHIM), self.wasm)
        alone = self.dir / "alone.wasm"
        alone.write_bytes(self.built)
        self.optimize(WASM_OPT, alone)
        optimized = self.wasm.read_bytes()
        self.assertEqual(optimized, alone.read_bytes(), "byte for byte what wasm-opt makes alone")
        self.assertNotIn("name", [name for _, name, _, _ in wasm_symbols.sections(optimized)])
        names = read_map(self.dir / "symbols" / "vectora.wasm.symbols")
        self.assertEqual(names[export_index(optimized, "add_twice")], "add_twice")
        self.assertEqual(names[0], "host_log")
        self.assertTrue(all(not name.isdigit() for name in names.values()), names)
        valid = subprocess.run(
            ["node", "-e", "console.log(WebAssembly.validate(require('fs').readFileSync(process.argv[1])))",
             str(self.wasm)],
            check=True, capture_output=True, text=True,
        )
        self.assertEqual(valid.stdout.strip(), "true")

    def test_another_call_is_refused(self):
        env = dict(os.environ, VECTORA_WASM_OPT=WASM_OPT, VECTORA_WASM_SYMBOLS_DIR=str(self.dir))
        run = subprocess.run([str(SHIM), "-Os", str(self.wasm)], env=env, capture_output=True, text=True)
        self.assertEqual(run.returncode, 1)
        self.assertIn("expected <flags> FILE -o FILE", run.stderr)
        self.assertEqual(self.wasm.read_bytes(), self.built)


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
