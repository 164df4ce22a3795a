//! Settings' Account section: set or change the password, link Telegram. Forms work without WASM
//! (server functions take plain posts); the Login Widget links Telegram to this browser's account.

use leptos::prelude::*;

use super::login_widget::TelegramLoginWidget;
use super::session::use_session;
use crate::i18n::Lang;
use crate::model::{PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN};
use crate::server_fns::{
    Account, AppError, ChangePassword, EndOtherSessions, SetPassword, get_account,
};

/// The message for `field` (or, for `""`, for the whole form) of a refused save.
fn refusal(value: Option<Result<(), AppError>>, field: &str, lang: Lang) -> Option<String> {
    match value? {
        Err(AppError::Validation(errors)) => errors.get(field).map(|e| e.message(lang)),
        Err(AppError::Account(refused)) if field.is_empty() => Some(refused.message(lang).into()),
        _ => None,
    }
}

/// The section, rendered in the browser once the page has hydrated. Rendered on the server, its
/// hydration failed on about one reload in four ("failed to cast marker node"), and the cause is
/// not yet found; until it is, the section is left out of the server's HTML.
#[component]
pub fn AccountSectionInBrowser() -> impl IntoView {
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    move || mounted.get().then(|| view! { <AccountSection/> })
}

#[component]
fn AccountSection() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let set = ServerAction::<SetPassword>::new();
    let change = ServerAction::<ChangePassword>::new();
    let end_others = ServerAction::<EndOtherSessions>::new();
    let account = Resource::new(|| (), |_| get_account());
    Effect::new(move |_| {
        let saved = matches!(set.value().get(), Some(Ok(())))
            || matches!(change.value().get(), Some(Ok(())));
        if saved {
            session.say(t.account.password_saved);
            account.refetch();
        }
    });
    Effect::new(move |_| match end_others.value().get() {
        Some(Ok(())) => {
            session.say(t.account.other_browsers_signed_out);
            account.refetch();
        }
        Some(Err(_)) => session.say(t.common.action_failed),
        None => {}
    });
    view! {
        <section class="card" data-testid="account">
            <h2>{t.account.account}</h2>
            <Suspense fallback=move || view! { <p aria-busy="true">{t.common.loading}</p> }>
                {move || Suspend::new(async move {
                    match account.await {
                        Ok(account) => {
                            view! { <AccountBody account set change end_others/> }.into_any()
                        }
                        Err(_) => view! { <p role="alert">{t.common.load_failed}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AccountBody(
    account: Account,
    set: ServerAction<SetPassword>,
    change: ServerAction<ChangePassword>,
    end_others: ServerAction<EndOtherSessions>,
) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let lang = session.lang;
    let password = if account.has_password {
        let error = move |field: &'static str| move || refusal(change.value().get(), field, lang);
        view! {
            <p>{t.account.signed_in_as}" "<strong data-testid="account-username">{account.username.clone()}</strong></p>
            <h3>{t.account.change_password}</h3>
            <ActionForm action=change attr:class="field" attr:data-testid="change-password">
                <label for="account-current">{t.account.current_password}</label>
                <input id="account-current" type="password" name="change[current_password]"
                    autocomplete="current-password" required/>
                <p class="field-error" role="alert">{error("current_password")}</p>
                <label for="account-new">{t.account.new_password}</label>
                <input id="account-new" type="password" name="change[new_password]"
                    autocomplete="new-password" required minlength=PASSWORD_MIN/>
                <p class="hint small">{t.account.password_hint}" "{t.account.change_password_hint}</p>
                <p class="field-error" role="alert">{error("new_password")}{error("")}</p>
                <button type="submit" disabled=move || change.pending().get()>{t.account.change_password}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        let error = move |field: &'static str| move || refusal(set.value().get(), field, lang);
        view! {
            <h3>{t.account.set_password}</h3>
            <p class="hint">{t.account.set_password_hint}</p>
            <ActionForm action=set attr:class="field" attr:data-testid="set-password">
                <label for="account-username">{t.account.username}</label>
                <input id="account-username" name="credentials[username]" autocomplete="username"
                    required minlength=USERNAME_MIN maxlength=USERNAME_MAX/>
                <p class="hint small">{t.account.username_hint}</p>
                <p class="field-error" role="alert">{error("username")}</p>
                <label for="account-password">{t.account.password}</label>
                <input id="account-password" type="password" name="credentials[password]"
                    autocomplete="new-password" required minlength=PASSWORD_MIN/>
                <p class="hint small">{t.account.password_hint}</p>
                <p class="field-error" role="alert">{error("password")}{error("")}</p>
                <button type="submit" disabled=move || set.pending().get()>{t.account.set_password}</button>
            </ActionForm>
        }
        .into_any()
    };
    let telegram = match (
        account.telegram_linked,
        account.bot_username,
        account.telegram_link_url,
    ) {
        (true, _, _) => {
            view! { <p data-testid="telegram-linked">{t.account.telegram_linked}</p> }.into_any()
        }
        (false, Some(bot), Some(url)) => view! {
            <p>{t.account.link_telegram_hint}</p>
            <TelegramLoginWidget bot auth_url=url size="medium" testid="link-telegram"/>
        }
        .into_any(),
        (false, _, _) => {
            view! { <p class="hint">{t.account.link_telegram_unavailable}</p> }.into_any()
        }
    };
    let browsers = if account.other_sessions == 0 {
        view! { <p data-testid="other-browsers">{t.account.no_other_browsers}</p> }.into_any()
    } else {
        view! {
            <p data-testid="other-browsers">
                {t.account.other_browsers_signed_in}" "<strong>{account.other_sessions}</strong>
            </p>
            <ActionForm action=end_others attr:data-testid="end-other-sessions">
                <button type="submit" disabled=move || end_others.pending().get()>
                    {t.account.sign_out_other_browsers}
                </button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        {password}
        <h3>{t.account.telegram}</h3>
        {telegram}
        <h3>{t.account.other_browsers}</h3>
        {browsers}
    }
}
