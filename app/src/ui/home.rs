use leptos::prelude::*;

use crate::api::{ServerInfo, server_status};
use crate::i18n::Lang;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_context::<Lang>().unwrap_or_default();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let check = Action::new(|_: &()| server_status());
    let status_text = move || {
        check.value().get().map(|result| match result {
            Ok(ServerInfo {
                version,
                database_ok: true,
            }) => {
                format!(
                    "{} {version} · {}",
                    lang.pick("Сервер", "Server"),
                    lang.pick("база данных в порядке", "database OK")
                )
            }
            Ok(ServerInfo {
                version,
                database_ok: false,
            }) => format!(
                "{} {version} · {}",
                lang.pick("Сервер", "Server"),
                lang.pick("база данных недоступна", "database unavailable")
            ),
            Err(_) => lang
                .pick("Сервер не ответил", "The server did not answer")
                .to_owned(),
        })
    };

    view! {
        <section class="card" data-hydrated=move || hydrated.get().to_string()>
            <h1>"Vectora"</h1>
            <p class="tagline">
                {lang.pick(
                    "Планировщик задач внутри Telegram.",
                    "A task planner that lives inside Telegram.",
                )}
            </p>
            <button
                type="button"
                data-testid="check-server"
                disabled=move || !hydrated.get() || check.pending().get()
                on:click=move |_| {
                    check.dispatch(());
                }
            >
                {lang.pick("Проверить сервер", "Check the server")}
            </button>
            <p data-testid="server-status" role="status" aria-live="polite">
                {status_text}
            </p>
        </section>
    }
}
