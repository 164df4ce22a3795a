//! The WASM entry point: hydrates the server-rendered page, once the lazy chunks it shows are loaded.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    app::report_panics();
    wasm_bindgen_futures::spawn_local(async {
        app::prepare_hydration().await;
        leptos::mount::hydrate_lazy(app::App);
    });
}
