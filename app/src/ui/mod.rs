mod home;
mod lang;
mod tasks;
mod texts;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::SsrMode;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::Lang;

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = lang::request_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = lang::document_lang();
    provide_context(lang);
    view! {
        <Stylesheet id="leptos" href="/pkg/vectora.css"/>
        <Title text="Vectora"/>
        <Router>
            <main>
                <Routes fallback=move || view! { <NotFound/> }>
                    <Route path=path!("") view=home::HomePage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let t = texts::texts(use_context::<Lang>().unwrap_or_default());
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card">
            <h1>{t.not_found}</h1>
            <a href="/">{t.go_home}</a>
        </section>
    }
}
