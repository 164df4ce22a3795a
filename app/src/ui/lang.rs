//! Which language a page is shown in. The server decides from the request; the browser reads
//! the decision back from `<html lang>` so that hydration renders the same text.

use crate::i18n::Lang;

/// The language the request asks for (`Accept-Language`), on the server.
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get(http::header::ACCEPT_LANGUAGE).cloned())
            .and_then(|value| value.to_str().ok().map(Lang::from_tag))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document_lang()
    }
}

/// The language the page was rendered in.
pub fn document_lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        request_lang()
    }
}
