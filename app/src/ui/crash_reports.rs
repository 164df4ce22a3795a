//! Crashes in the browser reach the server's log: the page's first script
//! (`crash_reports.js`, inline in the shell) reports uncaught errors, and the WASM's panic hook
//! hands it each panic's message.

/// The reporter, run before anything else on the page.
pub const SCRIPT: &str = include_str!("crash_reports.js");

/// Sends every panic of the WASM, with its message, through the page's reporter.
#[cfg(feature = "hydrate")]
pub fn report_panics() {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = window, js_name = __vectoraCrash, catch)]
        fn report_crash(message: &str) -> Result<(), wasm_bindgen::JsValue>;
    }

    std::panic::set_hook(Box::new(|info| {
        let _ = report_crash(&info.to_string());
    }));
}
