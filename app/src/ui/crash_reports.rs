//! Crashes in the browser reach the server's log (`POST /crash-reports`, src/crash_reports.rs): the
//! page's first script (`crash_reports.js`, inline in the shell, so without comments) reports
//! uncaught errors (a release build's bare "unreachable" trap among them) and rejected promises,
//! and in debug builds the WASM's panic hook hands it each panic's message. A few reports per page
//! at most; only the path is sent, never the query or the fragment, which may hold what the user
//! typed or Telegram's initData.

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
