//! Opening from Telegram goes straight to the tasks. Telegram keeps initData in the URL fragment,
//! which never reaches the server, so the page it opens is rendered signed out. The page's first
//! script (`telegram_boot.js`, inline on signed-out pages, so without comments) finds initData in
//! the fragment (or in Telegram's copy of it, kept for reloads), hides the welcome behind a
//! neutral frame (`html.tg-boot`), and asks for the frame and the task list with it at once,
//! while the WASM is still on its way; its `fetch` then hands each answer to the first request
//! of the app with the same path, form fields and Authorization. The WASM builds the app in place
//! of the welcome instead of hydrating it, so the welcome's chunk is never fetched.

/// The script, run before anything else on a signed-out page.
pub const SCRIPT: &str = include_str!("telegram_boot.js");

#[cfg(feature = "hydrate")]
const BOOTING: &str = "tg-boot";

/// Builds the app in place of the server's signed-out page when the page's first script found
/// Telegram's initData; whether it did.
#[cfg(feature = "hydrate")]
pub fn mount_in_telegram() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let booting = document
        .document_element()
        .is_some_and(|root| root.class_list().contains(BOOTING));
    let Some(body) = document.body().filter(|_| booting) else {
        return false;
    };
    let children = body.children();
    for index in (0..children.length()).rev() {
        if let Some(child) = children.item(index).filter(|c| c.tag_name() != "SCRIPT") {
            child.remove();
        }
    }
    leptos::mount::mount_to_body(super::App);
    true
}

/// The neutral frame has done its job once a screen is shown.
#[cfg(feature = "hydrate")]
pub fn booted(root: &web_sys::Element) {
    let _ = root.class_list().remove_1(BOOTING);
}
