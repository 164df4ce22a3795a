//! Telegram's Login Widget. Its script puts an iframe beside itself, so it must not be part of what
//! the server renders (hydration would find a node it did not render and stop): the container is
//! rendered empty and, once the WASM runs, gets the script. The widget needs JavaScript anyway.

use leptos::html::Div;
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
const WIDGET_SCRIPT: &str = "https://telegram.org/js/telegram-widget.js?22";

/// The widget for `bot`, sending the signed-in fields to `auth_url`.
#[component]
pub fn TelegramLoginWidget(
    bot: String,
    auth_url: String,
    size: &'static str,
    testid: &'static str,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(container) = container.get() {
            insert_script(&container, &bot, &auth_url, size);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (bot, auth_url, size);
    view! { <div class="telegram-login" data-testid=testid node_ref=container></div> }
}

#[cfg(feature = "hydrate")]
fn insert_script(container: &web_sys::HtmlDivElement, bot: &str, auth_url: &str, size: &str) {
    if container.child_element_count() > 0 {
        return;
    }
    let Some(script) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("script").ok())
    else {
        return;
    };
    let attributes = [
        ("async", ""),
        ("src", WIDGET_SCRIPT),
        ("data-telegram-login", bot),
        ("data-size", size),
        ("data-auth-url", auth_url),
        ("data-request-access", "write"),
    ];
    if attributes
        .iter()
        .all(|(name, value)| script.set_attribute(name, value).is_ok())
    {
        let _ = container.append_with_node_1(&script);
    }
}
