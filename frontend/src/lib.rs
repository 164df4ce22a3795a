//! The WASM entry point: hydrates the server-rendered page, once the lazy chunks it shows are loaded.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Release builds compile panics to a bare trap (scripts/build_release.sh), which the page's
    // reporter sends as an uncaught error; a hook would never run there.
    #[cfg(debug_assertions)]
    app::report_panics();
    wasm_bindgen_futures::spawn_local(async {
        app::prepare_hydration().await;
        leptos::mount::hydrate_lazy(app::App);
    });
}
