"""scripts/wasm-opt-shim/wasm-opt on a real module (rustc's WASM of a few lines, optimized by the
real wasm-opt when one is on PATH, checked with node) and scripts/wasm_symbols.py.

    python3 -m unittest discover -s scripts -p 'test_*.py'
"""

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


def leb(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def export_index(module: bytes, name: str) -> int:
    """The function index of the export `name`, read from the module's export section."""
    at = 8
    while at < len(module):
        section, (size, at) = module[at], leb(module, at + 1)
        if section == EXPORT:
            count, pos = leb(module, at)
            for _ in range(count):
                length, pos = leb(module, pos)
                export, kind = module[pos : pos + length].decode(), module[pos + length]
                index, pos = leb(module, pos + length + 1)
                if export == name and kind == 0:
                    return index
        at += size
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
        self.assertNotIn(b"\x04name", optimized, "no name section")
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

    def test_a_wasm_without_a_map_or_a_map_without_names_fails(self):
        (self.pkg / f"chunk_8.{HASH}.wasm").write_bytes(b"")
        with self.assertRaisesRegex(wasm_symbols.WasmError, f"no map for chunk_8.{HASH}.wasm"):
            wasm_symbols.rename(self.pkg, self.symbols)
        (self.symbols / "chunk_8.wasm.symbols").write_text("0:0\n1:1\n")
        self.assertEqual(wasm_symbols.main(["rename", str(self.pkg), str(self.symbols)]), 1)


if __name__ == "__main__":
    unittest.main()
