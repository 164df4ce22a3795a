//! The WASM entry point: hydrates the server-rendered page.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
}
