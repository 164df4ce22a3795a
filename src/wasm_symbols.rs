//! The names of the release WASM's functions, which the browser never gets: a crash report's stack
//! says only `vectora.<hash>.wasm:wasm-function[1234]:0x5678`, and this turns it back into
//! `vectora.<hash>.wasm:app::ui::task_edit::save`. The release build writes one map per WASM file
//! of the site, `<file name>.symbols` with a line `index:name` per function, into a directory
//! beside the site (`scripts/wasm_symbols.py`); the server reads them once, at start.
//!
//! A stack is whatever the sender wrote: only bare file names are looked up among the maps
//! loaded, no path from a report is ever opened, and what comes out is capped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Frames named per report: a browser's stacks hold 10 (Chrome) to a few dozen.
const MAX_FRAMES: usize = 20;
/// The most characters shown of a file or function name.
const MAX_NAME: usize = 200;
const MAP_SUFFIX: &str = ".symbols";

#[derive(Debug, Default)]
pub struct WasmSymbols {
    /// By the WASM's file name as served: each function's name, sorted by index.
    maps: HashMap<String, Vec<(u32, Box<str>)>>,
}

impl WasmSymbols {
    /// The maps in `dir`; none when it does not exist (a debug build's WASM keeps its names).
    pub fn load(dir: &Path) -> WasmSymbols {
        let mut symbols = WasmSymbols::default();
        let Ok(entries) = std::fs::read_dir(dir) else {
            tracing::debug!(dir = %dir.display(), "no WASM symbols: crash reports keep bare function indexes");
            return symbols;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            let Some(wasm) = path
                .file_name()
                .and_then(|name| name.to_str())
                .and_then(|name| name.strip_suffix(MAP_SUFFIX))
            else {
                continue;
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => symbols.add(wasm, &text),
                Err(error) => {
                    tracing::warn!(file = %path.display(), %error, "cannot read a WASM symbol map")
                }
            }
        }
        tracing::info!(dir = %dir.display(), files = symbols.maps.len(), "WASM symbols loaded");
        symbols
    }

    /// The directory the maps are in unless `WASM_SYMBOLS_DIR` says otherwise: beside the site,
    /// `target/site-symbols` for `target/site`.
    pub fn default_dir(site_root: &Path) -> PathBuf {
        match site_root.file_name() {
            Some(name) => site_root.with_file_name(format!("{}-symbols", name.to_string_lossy())),
            None => site_root.join("symbols"),
        }
    }

    /// Adds the map of the WASM file `wasm` from its text.
    pub fn add(&mut self, wasm: &str, map: &str) {
        let mut names: Vec<(u32, Box<str>)> = map
            .lines()
            .filter_map(|line| {
                let (index, name) = line.split_once(':')?;
                Some((index.parse().ok()?, name.into()))
            })
            .collect();
        names.sort_by_key(|(index, _)| *index);
        self.maps.insert(wasm.to_owned(), names);
    }

    /// The WASM frames of `stack`, innermost first, each as `file:function` (demangled), or as
    /// the browser wrote it when its file or index is not in the maps; empty without maps.
    pub fn symbolize(&self, stack: &str) -> String {
        if self.maps.is_empty() {
            return String::new();
        }
        stack
            .lines()
            .filter_map(wasm_frame)
            .take(MAX_FRAMES)
            .map(|(file, index)| {
                let file = cut(file);
                match self.name(file, index) {
                    Some(name) => format!("{file}:{}", cut(&demangled(name))),
                    None => format!("{file}:wasm-function[{index}]"),
                }
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn name(&self, file: &str, index: u32) -> Option<&str> {
        let names = self.maps.get(file)?;
        let at = names.binary_search_by_key(&index, |(i, _)| *i).ok()?;
        Some(&names[at].1)
    }
}

/// The bare file name and function index of a stack line naming a WASM function: Chrome's
/// `at …/pkg/x.wasm:wasm-function[12]:0x9a` or `at $func12 (…/x.wasm:wasm-function[12]:0x9a)`,
/// Firefox's `…@…/x.wasm:wasm-function[12]:0x9a`.
fn wasm_frame(line: &str) -> Option<(&str, u32)> {
    const MARK: &str = ":wasm-function[";
    let at = line.rfind(MARK)?;
    let (before, after) = line.split_at(at);
    let digits = &after[MARK.len()..];
    let index = digits[..digits.find(']')?].parse().ok()?;
    let file = before.rsplit(['/', '\\', ' ', '(', '@']).next()?;
    file.ends_with(".wasm").then_some((file, index))
}

/// A Rust symbol without its hash (`app::ui::save`), or the name as it is.
fn demangled(name: &str) -> String {
    match rustc_demangle::try_demangle(name) {
        Ok(symbol) => format!("{symbol:#}"),
        Err(_) => name.to_owned(),
    }
}

fn cut(name: &str) -> &str {
    match name.char_indices().nth(MAX_NAME) {
        Some((end, _)) => &name[..end],
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WASM: &str = "vectora.2k7X9XjQxvlmVxQAMHKghw.wasm";
    const CHUNK: &str = "chunk_7.Xm2cTf0lEbr7vQpp4KdZ9g.wasm";

    fn symbols() -> WasmSymbols {
        let mut symbols = WasmSymbols::default();
        symbols.add(
            WASM,
            "0:__wbg_call_672a4d21634d4a24\n\
             12:_ZN3app2ui9task_edit4save17h0123456789abcdefE\n\
             7:_RNvNtCs1234_3app2ui6render\n\
             not a line\n\
             99999999999:too_big\n",
        );
        symbols.add(CHUNK, "3:_ZN3app8calendar5month17hfedcba9876543210E\n");
        symbols
    }

    #[test]
    fn chrome_frames_are_named_innermost_first() {
        let stack = format!(
            "RuntimeError: unreachable\n    at http://127.0.0.1:3000/pkg/{WASM}:wasm-function[12]:0x1a2b\n    \
             at $func7 (http://127.0.0.1:3000/pkg/{WASM}:wasm-function[7]:0x99)\n    \
             at http://127.0.0.1:3000/pkg/{CHUNK}:wasm-function[3]:0x10\n    \
             at __vectoraCrash (http://127.0.0.1:3000/:3:1)"
        );
        assert_eq!(
            symbols().symbolize(&stack),
            format!(
                "{WASM}:app::ui::task_edit::save | {WASM}:app::ui::render | {CHUNK}:app::calendar::month"
            )
        );
    }

    #[test]
    fn firefox_frames_are_named() {
        let stack = format!(
            "@https://tasks.example.com/pkg/{WASM}:wasm-function[0]:0x5\n\
             {CHUNK}.wasm-function[3]@https://tasks.example.com/pkg/{CHUNK}:wasm-function[3]:0x10\n"
        );
        assert_eq!(
            symbols().symbolize(&stack),
            format!("{WASM}:__wbg_call_672a4d21634d4a24 | {CHUNK}:app::calendar::month")
        );
    }

    #[test]
    fn unknown_files_and_indexes_stay_as_the_browser_wrote_them() {
        let stack = format!(
            "at http://x/pkg/{WASM}:wasm-function[13]:0x1\n\
             at http://x/pkg/old.abc.wasm:wasm-function[12]:0x1\n\
             at http://x/pkg/../../etc/passwd.wasm:wasm-function[12]:0x1\n\
             at http://x/pkg/..%2F..%2Fsymbols%2Fvectora.wasm:wasm-function[12]:0x1"
        );
        assert_eq!(
            symbols().symbolize(&stack),
            format!(
                "{WASM}:wasm-function[13] | old.abc.wasm:wasm-function[12] | \
                 passwd.wasm:wasm-function[12] | ..%2F..%2Fsymbols%2Fvectora.wasm:wasm-function[12]"
            )
        );
    }

    #[test]
    fn hostile_stacks_are_harmless_and_capped() {
        let symbols = symbols();
        for stack in [
            format!("at {WASM}:wasm-function[99999999999999999999]:0x1"),
            format!("at {WASM}:wasm-function[-1]:0x1"),
            format!("at {WASM}:wasm-function[12"),
            format!("at {WASM}:wasm-function["),
            "at x.js:wasm-function[12]:0x1".to_owned(),
            ":wasm-function[]".to_owned(),
            "é:wasm-function[é]".to_owned(),
            String::new(),
        ] {
            assert_eq!(symbols.symbolize(&stack), "", "{stack:?}");
        }
        let deep = format!("at /pkg/{WASM}:wasm-function[12]:0x1\n").repeat(1000);
        assert_eq!(
            symbols.symbolize(&deep).matches(" | ").count(),
            MAX_FRAMES - 1
        );
        let long = format!("at /pkg/{}.wasm:wasm-function[1]:0x1", "é".repeat(5000));
        assert_eq!(
            symbols.symbolize(&long).chars().count(),
            MAX_NAME + ":wasm-function[1]".len()
        );
    }

    #[test]
    fn without_maps_nothing_is_added() {
        let stack = format!("at /pkg/{WASM}:wasm-function[12]:0x1");
        assert_eq!(WasmSymbols::default().symbolize(&stack), "");
        let missing = WasmSymbols::load(Path::new("/nonexistent/vectora-symbols"));
        assert_eq!(missing.symbolize(&stack), "");
    }

    #[test]
    fn maps_are_read_from_their_directory_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(format!("{WASM}.symbols")),
            "4:_ZN3app4main17h0011223344556677E\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "4:other\n").unwrap();
        let symbols = WasmSymbols::load(dir.path());
        assert_eq!(
            symbols.symbolize(&format!("at /pkg/{WASM}:wasm-function[4]:0x1")),
            format!("{WASM}:app::main")
        );
        assert_eq!(symbols.maps.len(), 1);
    }

    #[test]
    fn the_default_directory_is_beside_the_site() {
        assert_eq!(
            WasmSymbols::default_dir(Path::new("target/site")),
            Path::new("target/site-symbols")
        );
        assert_eq!(
            WasmSymbols::default_dir(Path::new("/app/site/")),
            Path::new("/app/site-symbols")
        );
    }
}
