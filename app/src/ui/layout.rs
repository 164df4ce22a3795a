//! The frame of every screen: shows the signed-in app (header, screen, tab bar) or the welcome
//! card. The server renders a page with its frame already loaded (`server_fns::frame`), and the
//! browser takes that one as it hydrates. Inside Telegram the page is rendered with initData
//! (`telegram_boot.rs`); a page rendered without it (by a browser session's cookie, or signed out
//! when Telegram's fragment was lost) loads its frame again with it once hydrated.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};

use super::dom;
use super::i18n::texts;
use super::session::Session;
use super::welcome::Welcome;
use crate::i18n::Lang;
use crate::mini_app;
use crate::model::{Profile, Theme};
use crate::server_fns::{AppError, Frame, SignInOptions, get_frame, set_time_zone};

#[component]
pub fn Layout() -> impl IntoView {
    let reload = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<String>);
    let notice_action = RwSignal::new(None::<ViewFn>);
    let with_init_data = RwSignal::new(false);
    let frame = RwSignal::new(SharedValue::new(rendered_frame).into_inner());
    // A page rendered signed in without a cookie was rendered for Telegram's initData already.
    let for_init_data = frame.with_untracked(|f| f.profile.is_ok() && !f.options.by_cookie);
    Effect::new(move |_| {
        mini_app::start();
        if mini_app::inside() && !for_init_data {
            with_init_data.set(true);
        }
    });
    // Loaded again after a change of the settings, and inside Telegram with its initData.
    Effect::new(move |ran: Option<()>| {
        reload.track();
        if ran.is_some() || with_init_data.get() {
            leptos::task::spawn_local(async move {
                frame.set(get_frame().await.unwrap_or_else(Frame::failed));
            });
        }
    });
    move || {
        let Frame { options, profile } = frame.get();
        match profile {
            Ok(profile) => {
                let by_cookie = options.by_cookie;
                view! { <SignedIn profile reload notice notice_action by_cookie/> }.into_any()
            }
            Err(AppError::Unauthorized) => view! {
                <Suspense fallback=|| ()>{move || Suspend::new(welcome_unlisted(options.clone()))}</Suspense>
            }
            .into_any(),
            Err(_) => view! { <LoadFailed reload/> }.into_any(),
        }
    }
}

fn rendered_frame() -> Frame {
    #[cfg(feature = "ssr")]
    return crate::server_fns::rendered_frame();
    // The layout is hydrated, so the server's frame is read instead; never called.
    #[cfg(not(feature = "ssr"))]
    Frame::failed(AppError::Internal)
}

/// The signed-out screen (what Vectora is, the ways in), in a WASM chunk of its own: a signed-in
/// user's pages never load it. The server renders it like any view, and names its chunk in the
/// page, so the browser fetches it with the main WASM.
#[lazy]
async fn welcome(options: SignInOptions) -> AnyView {
    view! { <Welcome options/> }.into_any()
}

/// The welcome screen, without the server asking the browser to preload its chunk: the page
/// holds back what it loads until its first script knows whether Telegram opened it
/// (`telegram_boot.rs`), and would otherwise fetch the chunk of a screen Telegram never shows. A
/// browser fetches it before hydrating instead.
async fn welcome_unlisted(options: SignInOptions) -> AnyView {
    let view = welcome(options).await;
    #[cfg(feature = "ssr")]
    if let Some(mut preloads) =
        use_context::<leptos::PrefetchLazyFn>().and_then(|p| p.0.try_write_value())
    {
        preloads.retain(|id| !id.starts_with("welcome_"));
    }
    view
}

/// Run before hydration. On a signed-out page the frame's `Suspend` awaits the welcome screen from
/// its chunk, and a `Suspend` hydrates only what is ready at once (otherwise it expects its
/// fallback, finds the server's welcome card instead and stops): so the chunk is loaded first.
#[cfg(feature = "hydrate")]
pub async fn prepare_hydration() {
    let signed_out = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("sign-in"))
        .is_some();
    if signed_out {
        __preload_welcome().await;
    }
}

#[component]
fn LoadFailed(reload: RwSignal<u32>) -> impl IntoView {
    let t = texts(use_context::<Lang>().unwrap_or_default());
    Effect::new(move |_| dom::mark_hydrated(""));
    view! {
        <main class="page">
            <section class="card" role="alert">
                <p>{t.common.load_failed}</p>
                <button type="button" on:click=move |_| reload.update(|n| *n += 1)>{t.common.retry}</button>
            </section>
        </main>
    }
}

/// Whether the router is on its way to another screen (loading its chunk or its data).
#[derive(Clone, Copy)]
pub struct Routing(pub ReadSignal<bool>);

#[component]
fn SignedIn(
    profile: Profile,
    reload: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
    notice_action: RwSignal<Option<ViewFn>>,
    by_cookie: bool,
) -> impl IntoView {
    let theme = profile.theme;
    let zone = profile.time_zone.clone();
    let session = Session::new(profile, reload, notice, notice_action);
    provide_context(session);
    let t = session.texts();
    let navigate = use_navigate();
    let here = use_location().pathname;
    let routing = use_context::<Routing>().map(|Routing(routing)| routing);
    let routing = move || routing.is_some_and(|routing| routing.get());
    Effect::new(move |_| {
        // Telegram's own frame matches a theme chosen here (the palettes in style/main.css).
        mini_app::frame_color(match theme {
            Theme::Auto => "bg_color",
            Theme::Light => "#ffffff",
            Theme::Dark => "#17212b",
        });
        adopt_browser_time_zone(&zone, reload);
        // Opened from Telegram, the page is already the start's (`telegram_boot.rs`).
        if let Some(path) = start_path().filter(|path| *path != here.get_untracked()) {
            navigate(&path, Default::default());
        }
    });

    view! {
        <div class="app" data-theme=theme.code()>
            <header class="topbar">
                <a href="/" class="brand">"Vectora"</a>
                <Show when=move || by_cookie>
                    <form method="post" action="/auth/logout">
                        <button type="submit" class="link" data-testid="sign-out">{t.common.sign_out}</button>
                    </form>
                </Show>
            </header>
            <div class="route-progress" class:active=routing aria-hidden="true"></div>
            <main class="page" aria-busy=move || routing().to_string()>
                <Outlet/>
            </main>
            <p class="notice" role="status" aria-live="polite" data-testid="notice">
                {move || notice.get()}
                {move || notice_action.get().map(|action| action.run())}
            </p>
            <TabBar/>
        </div>
    }
}

#[component]
fn TabBar() -> impl IntoView {
    let t = super::session::use_session().texts();
    let path = use_location().pathname;
    let current = move |prefix: &'static str| {
        move || {
            let path = path.get();
            let here = match prefix {
                "/" => path == "/" || path.starts_with("/tasks"),
                _ => path.starts_with(prefix),
            };
            here.then_some("page")
        }
    };
    view! {
        <nav class="tabbar" aria-label=t.common.nav_label>
            <a href="/" aria-current=current("/")><span aria-hidden="true">"☑"</span>{t.common.tasks}</a>
            <a href="/calendar" aria-current=current("/calendar")><span aria-hidden="true">"▦"</span>{t.common.calendar}</a>
            <a href="/stats" aria-current=current("/stats")><span aria-hidden="true">"◔"</span>{t.common.stats}</a>
            <a href="/settings" aria-current=current("/settings")><span aria-hidden="true">"⚙"</span>{t.common.settings}</a>
        </nav>
    }
}

const DETECTED_KEY: &str = "vectora.time-zone-detected";

/// A profile still on the default UTC takes the device's zone, once per device: a user who then
/// picks UTC by hand keeps it.
fn adopt_browser_time_zone(profile_zone: &str, reload: RwSignal<u32>) {
    let Some(zone) = mini_app::browser_time_zone() else {
        return;
    };
    if profile_zone != "UTC" || zone == "UTC" || dom::remembered(DETECTED_KEY).is_some() {
        return;
    }
    dom::remember(DETECTED_KEY, &zone);
    leptos::task::spawn_local(async move {
        if set_time_zone(zone).await.is_ok() {
            reload.update(|n| *n += 1);
        }
    });
}

/// Where the `startapp` parameter asks to go (`task-42`: task 42), the first time it is asked.
fn start_path() -> Option<String> {
    thread_local! {
        static OPENED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let param = mini_app::start_param()?;
    if OPENED.with(|opened| opened.replace(true)) {
        return None;
    }
    let id: i64 = param.strip_prefix("task-")?.parse().ok()?;
    Some(format!("/tasks/{id}"))
}
