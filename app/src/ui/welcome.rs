use leptos::prelude::*;

use super::dom;
use super::i18n::texts;
use super::sign_in::SignIn;
use crate::i18n::Lang;
use crate::server_fns::{ServerInfo, SignInOptions, server_status};

/// For a visitor who is not signed in: what Vectora is, and the ways in.
#[component]
pub fn Welcome(options: SignInOptions) -> impl IntoView {
    let dev_sign_in = options.dev_sign_in;
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = texts(lang);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| {
        hydrated.set(true);
        dom::mark_hydrated(lang.code());
    });
    let check = Action::new(|_: &()| server_status());
    let status_text = move || {
        check.value().get().map(|result| match result {
            Ok(ServerInfo {
                version,
                database_ok,
            }) => {
                let database = if database_ok {
                    t.account.database_ok
                } else {
                    t.account.database_down
                };
                format!("{} {version} · {database}", t.account.server)
            }
            Err(_) => t.account.no_answer.to_owned(),
        })
    };

    view! {
        <main class="page">
            <section class="card" data-hydrated=move || hydrated.get().to_string()>
                <h1>"Vectora"</h1>
                <p class="hint">{t.account.tagline}</p>
                <p>{t.account.open_in_telegram}</p>
                <button
                    type="button"
                    data-testid="check-server"
                    disabled=move || !hydrated.get() || check.pending().get()
                    on:click=move |_| {
                        check.dispatch(());
                    }
                >
                    {t.account.check_server}
                </button>
                <p data-testid="server-status" role="status" aria-live="polite">
                    {status_text}
                </p>
            </section>
            <SignIn telegram_bot=options.telegram_bot/>
            <Show when=move || dev_sign_in>
                <section class="card">
                    <h2>{t.account.dev_sign_in_title}</h2>
                    <p class="hint">{t.account.dev_sign_in_hint}</p>
                    <form method="post" action="/auth/dev" class="row">
                        <label for="dev-telegram-id">{t.account.telegram_id}</label>
                        <input id="dev-telegram-id" name="telegram_id" type="number" value="1000" required/>
                        <button type="submit" data-testid="dev-sign-in">{t.account.sign_in}</button>
                    </form>
                </section>
            </Show>
        </main>
    }
}
