//! Settings → API tokens: create one with a name (its secret is shown once, with a copy button),
//! list them with when each was created and last used, and revoke one after a confirmation.
//! Every form also posts without WASM.

use chrono::{Datelike, NaiveDateTime, Timelike};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::format;
use super::i18n::Texts;
use super::session::use_session;
use crate::mini_app::{self, Haptic};
use crate::model::{ApiTokenId, CreatedApiToken, TOKEN_NAME_MAX, TokenName};
use crate::server_fns::{ApiTokenView, AppError, CreateApiToken, RevokeApiToken, list_api_tokens};

#[component]
pub fn ApiTokensSection() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_tokens(),
    );
    // The secret just created: shown until its owner hides it or revokes that token.
    let shown = RwSignal::new(None::<CreatedApiToken>);
    let revoking = RwSignal::new(None::<ApiTokenId>);
    Effect::new(move |_| {
        if let Some(Ok(created)) = create.value().get() {
            shown.set(Some(created));
        }
    });
    Effect::new(move |_| match revoke.value().get() {
        Some(Ok(())) => {
            let revoked = revoking.get_untracked();
            if shown.with_untracked(|s| s.as_ref().map(|c| c.id)) == revoked {
                shown.set(None);
            }
            session.say(t.settings.token_revoked);
        }
        Some(Err(error)) => session.report_refusal(&error),
        None => {}
    });

    view! {
        <section class="card" data-testid="api-tokens">
            <h2>{t.settings.api_tokens}</h2>
            <p class="hint small">{t.settings.api_tokens_hint}</p>
            <CreateTokenForm create/>
            {move || shown.get().map(|created| view! { <NewToken created shown/> })}
            <Transition fallback=move || view! { <p class="hint" aria-busy="true">{t.common.loading}</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(list) if list.is_empty() => view! { <p class="hint" data-testid="no-tokens">{t.settings.no_tokens}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="token-list" data-testid="token-list">
                                {list.into_iter().map(|token| view! { <TokenRow token revoke revoking/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(_) => view! { <p role="alert">{t.common.load_failed}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The name is checked by the model's rule before it is sent, and by the server after.
#[component]
fn CreateTokenForm(create: ServerAction<CreateApiToken>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let lang = session.lang;
    let name = NodeRef::<leptos::html::Input>::new();
    let refused = RwSignal::new(None::<String>);
    Effect::new(move |_| match create.value().get() {
        Some(Ok(_)) => {
            refused.set(None);
            mini_app::haptic(Haptic::Success);
            if let Some(input) = name.get() {
                input.set_value("");
            }
        }
        Some(Err(AppError::Validation(errors))) => {
            refused.set(errors.get("name").map(|e| e.message(lang)));
        }
        Some(Err(error)) => session.report_refusal(&error),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = name.get().map(|input| input.value()).unwrap_or_default();
        match TokenName::parse(&value) {
            Ok(checked) => {
                refused.set(None);
                create.dispatch(CreateApiToken {
                    name: checked.into(),
                });
            }
            Err(error) => refused.set(Some(error.message(lang))),
        }
    };
    view! {
        <form method="post" action=CreateApiToken::PATH on:submit=on_submit data-testid="token-form">
            <div class="field">
                <label for="token-name">{t.settings.token_name}</label>
                <div class="row">
                    <input id="token-name" name="name" node_ref=name required maxlength=TOKEN_NAME_MAX
                        autocomplete="off" data-testid="token-name"/>
                    <button type="submit" data-testid="create-token" disabled=move || create.pending().get()>
                        {t.settings.create_token}
                    </button>
                </div>
                <p class="field-error" role="alert">{move || refused.get()}</p>
            </div>
        </form>
    }
}

/// The secret of the token just created, the only time it is shown.
#[component]
fn NewToken(created: CreatedApiToken, shown: RwSignal<Option<CreatedApiToken>>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let secret = created.token.expose().to_owned();
    let copied = {
        let secret = secret.clone();
        move |_| {
            if copy_to_clipboard(&secret) {
                mini_app::haptic(Haptic::Tap);
                session.say(t.settings.copied);
            }
        }
    };
    view! {
        <div class="new-token" role="status" data-testid="new-token">
            <p><strong>{created.name}</strong>": "{t.settings.new_token_once}</p>
            <div class="row">
                <input readonly value=secret aria-label=t.settings.api_tokens data-testid="new-token-secret"
                    on:focus=|ev| select_target(&ev)/>
                <button type="button" class="secondary" on:click=copied data-testid="copy-token">{t.settings.copy}</button>
                <button type="button" class="secondary" on:click=move |_| shown.set(None) data-testid="hide-token">
                    {t.settings.hide_token}
                </button>
            </div>
        </div>
    }
}

#[component]
fn TokenRow(
    token: ApiTokenView,
    revoke: ServerAction<RevokeApiToken>,
    revoking: RwSignal<Option<ApiTokenId>>,
) -> impl IntoView {
    let t = use_session().texts();
    let id = token.id;
    let last_used = token
        .last_used_at
        .map(|at| moment(t, at))
        .unwrap_or_else(|| t.settings.token_never_used.to_owned());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        leptos::task::spawn_local(async move {
            if mini_app::confirm(t.settings.confirm_revoke_token).await {
                mini_app::haptic(Haptic::Warning);
                revoking.set(Some(id));
                revoke.dispatch(RevokeApiToken { id });
            }
        });
    };
    view! {
        <li class="row spread" data-testid="token-row">
            <div>
                <strong data-testid="token-row-name">{token.name}</strong>
                <p class="hint small">
                    {t.settings.token_created}" "{moment(t, token.created_at)}" · "
                    {t.settings.token_last_used}" "{last_used}
                </p>
            </div>
            <form method="post" action=RevokeApiToken::PATH on:submit=on_submit>
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="danger" data-testid="revoke-token" disabled=move || revoke.pending().get()>
                    {t.settings.revoke_token}
                </button>
            </form>
        </li>
    }
}

/// "25 Nov 2026, 09:30".
fn moment(t: &Texts, at: NaiveDateTime) -> String {
    format!(
        "{} {}, {:02}:{:02}",
        format::day_and_month(t, at.date()),
        at.year(),
        at.hour(),
        at.minute()
    )
}

/// `navigator.clipboard.writeText(text)`; false where the browser offers no clipboard.
fn copy_to_clipboard(text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use js_sys::{Function, Reflect};
        use wasm_bindgen::{JsCast, JsValue};
        let get = |target: &JsValue, key: &str| Reflect::get(target, &key.into()).ok();
        let Some(clipboard) = web_sys::window()
            .and_then(|window| get(&window, "navigator"))
            .and_then(|navigator| get(&navigator, "clipboard"))
            .filter(|clipboard| !clipboard.is_undefined())
        else {
            return false;
        };
        get(&clipboard, "writeText")
            .and_then(|write| write.dyn_into::<Function>().ok())
            .is_some_and(|write| write.call1(&clipboard, &text.into()).is_ok())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}

/// Selects the whole secret when its field gets focus, for copying by hand.
fn select_target(ev: &leptos::ev::FocusEvent) {
    #[cfg(feature = "hydrate")]
    {
        use js_sys::{Function, Reflect};
        use wasm_bindgen::JsCast;
        if let Some(target) = ev.target()
            && let Some(select) = Reflect::get(&target, &"select".into())
                .ok()
                .and_then(|select| select.dyn_into::<Function>().ok())
        {
            let _ = select.call0(&target);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}
