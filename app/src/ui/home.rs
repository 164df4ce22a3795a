use leptos::prelude::*;

use super::tasks::TasksPage;
use super::texts::texts;
use crate::api::{ServerInfo, dev_sign_in_enabled, get_profile, server_status};
use crate::i18n::Lang;

/// The signed-in user's tasks, or the welcome card with the ways to sign in.
#[component]
pub fn HomePage() -> impl IntoView {
    let profile = Resource::new(|| (), |_| get_profile());
    let dev_sign_in_offered = Resource::new(|| (), |_| dev_sign_in_enabled());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let dev_sign_in = dev_sign_in_offered.await.unwrap_or(false);
                match profile.await {
                    Ok(_) => view! { <TasksPage dev_sign_in/> }.into_any(),
                    Err(_) => view! { <Welcome dev_sign_in/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Welcome(dev_sign_in: bool) -> impl IntoView {
    let t = texts(use_context::<Lang>().unwrap_or_default());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let check = Action::new(|_: &()| server_status());
    let status_text = move || {
        check.value().get().map(|result| match result {
            Ok(ServerInfo {
                version,
                database_ok,
                ..
            }) => {
                let database = if database_ok {
                    t.database_ok
                } else {
                    t.database_down
                };
                format!("{} {version} · {database}", t.server)
            }
            Err(_) => t.no_answer.to_owned(),
        })
    };

    view! {
        <section class="card" data-hydrated=move || hydrated.get().to_string()>
            <h1>"Vectora"</h1>
            <p class="tagline">{t.tagline}</p>
            <button
                type="button"
                data-testid="check-server"
                disabled=move || !hydrated.get() || check.pending().get()
                on:click=move |_| {
                    check.dispatch(());
                }
            >
                {t.check_server}
            </button>
            <p data-testid="server-status" role="status" aria-live="polite">
                {status_text}
            </p>
        </section>
        <Show when=move || dev_sign_in>
            <section class="card">
                <h2>{t.dev_sign_in_title}</h2>
                <p class="tagline">{t.dev_sign_in_hint}</p>
                <form method="post" action="/auth/dev" class="row">
                    <label for="dev-telegram-id">{t.telegram_id}</label>
                    <input id="dev-telegram-id" name="telegram_id" type="number" value="1000" required/>
                    <button type="submit" data-testid="dev-sign-in">{t.sign_in}</button>
                </form>
            </section>
        </Show>
    }
}
