mod account;
mod api_tokens;
mod calendar;
mod crash_reports;
mod day_quick_add;
mod dom;
mod filter_bar;
mod form_action;
mod format;
mod i18n;
mod labels;
mod lang;
mod layout;
mod list_params;
mod login_widget;
mod quick_add;
mod reorder;
mod routes;
mod session;
mod settings;
mod sign_in;
mod stats;
mod submission_key;
mod tag_input;
mod task_edit;
mod task_list;
mod task_row;
mod task_screen;
mod telegram_boot;
mod undo_delete;
mod welcome;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::i18n::Lang;

#[cfg(feature = "hydrate")]
pub use crash_reports::report_panics;
#[cfg(feature = "hydrate")]
pub use layout::prepare_hydration;

/// Telegram's bridge; inside Telegram it brings initData, theme and buttons, elsewhere it idles.
const TELEGRAM_SCRIPT: &str = "https://telegram.org/js/telegram-web-app.js?59";

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = lang::request_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                {script_policy()}
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <script nonce=use_nonce() inner_html=crash_reports::SCRIPT></script>
                <script nonce=use_nonce() inner_html=quick_add::CHIPS_LOADER></script>
                <AutoReload options=options.clone()/>
                // The site's file names carry content hashes (cargo-leptos' `hash-files`): these
                // two read them from hash.txt beside the server binary (src/assets.rs).
                <HashedStylesheet options=options.clone() id="leptos"/>
                {page_loads(options)}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Telegram's script and the WASM; held back on a signed-out page until its first script knows
/// whether Telegram opened it (`telegram_boot.rs`).
fn page_loads(options: LeptosOptions) -> impl IntoView {
    let loads = view! {
        <script src=TELEGRAM_SCRIPT defer nonce=use_nonce()></script>
        <script nonce=use_nonce() inner_html=telegram_boot::READY></script>
        <HydrationScripts options/>
    };
    if !signed_out() {
        return loads.into_any();
    }
    view! {
        <script nonce=use_nonce() inner_html=telegram_boot::SCRIPT></script>
        <template id=telegram_boot::LOADS>{loads}</template>
        <script nonce=use_nonce() inner_html=telegram_boot::LOADER></script>
    }
    .into_any()
}

/// Whether the page is rendered for nobody signed in (inside Telegram, always at first).
fn signed_out() -> bool {
    #[cfg(feature = "ssr")]
    return matches!(
        crate::server_fns::rendered_frame().profile,
        Err(crate::server_fns::AppError::Unauthorized)
    );
    #[cfg(not(feature = "ssr"))]
    false
}

/// What the page may load and run: scripts only with this response's nonce ('strict-dynamic'
/// lets them load the WASM and its chunks; 'self' and telegram.org are for browsers without it).
/// `frame-ancestors` and the rest come in the response's header (src/perimeter.rs): a `<meta>`
/// policy cannot set them.
fn script_policy() -> impl IntoView {
    use_nonce().map(|nonce| {
        let policy = format!(
            "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval' \
             'self' https://telegram.org; style-src 'self'; style-src-attr 'unsafe-inline'; \
             img-src 'self' data:; connect-src 'self'; frame-src https://oauth.telegram.org; \
             object-src 'none'; base-uri 'self'"
        );
        view! { <meta http-equiv="Content-Security-Policy" content=policy/> }
    })
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(lang::document_lang());
    let (routing, set_routing) = signal(false);
    provide_context(layout::Routing(routing));
    view! {
        <Title text="Vectora"/>
        <Router set_is_routing=set_routing>
            <Routes fallback=move || view! { <NotFound/> }>
                <ParentRoute path=path!("") view=layout::Layout ssr=SsrMode::Async>
                    <Route path=path!("") view=task_list::TaskListPage ssr=SsrMode::Async/>
                    <Route path=path!("tasks/new") view={Lazy::<routes::NewTaskRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("tasks/:id") view={Lazy::<routes::EditTaskRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("calendar") view={Lazy::<routes::CalendarRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("stats") view={Lazy::<routes::StatsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("settings") view={Lazy::<routes::SettingsRoute>::new()} ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let t = i18n::texts(use_context::<Lang>().unwrap_or_default());
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="page">
            <section class="card">
                <h1>{t.common.not_found}</h1>
                <a href="/">{t.common.go_home}</a>
            </section>
        </main>
    }
}
