//! The browser's ways in, on the welcome page: Telegram's Login Widget (when the bot's username is
//! configured) and username/password forms. Plain forms posting to `/auth/...`: they work before
//! (and without) the WASM, and a refused post comes back here with `?auth_error=`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::i18n::{Texts, texts};
use super::login_widget::TelegramLoginWidget;
use crate::i18n::Lang;
use crate::model::{
    AccountError, FieldError, PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN,
};

/// The words for a refusal code the sign-in routes put in `?auth_error=`.
fn refusal(code: &str, t: &Texts, lang: Lang) -> String {
    match code {
        "wrong_credentials" => AccountError::WrongCredentials.message(lang).to_owned(),
        "invalid_username" => FieldError::InvalidUsername {
            min: USERNAME_MIN,
            max: USERNAME_MAX,
        }
        .message(lang),
        "weak_password" => FieldError::WeakPassword { min: PASSWORD_MIN }.message(lang),
        "too_long" => FieldError::TooLong { max: PASSWORD_MAX }.message(lang),
        "username_taken" => FieldError::UsernameTaken.message(lang),
        "too_many_requests" => t.common.too_many_requests.to_owned(),
        _ => t.common.action_failed.to_owned(),
    }
}

#[component]
pub fn SignIn(telegram_bot: Option<String>) -> impl IntoView {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = texts(lang);
    let query = use_query_map();
    let (error, form) = query.with_untracked(|q| (q.get("auth_error"), q.get("form")));
    let error_in = move |which: &str| {
        (form.as_deref() == Some(which))
            .then(|| error.as_deref().map(|code| refusal(code, t, lang)))
            .flatten()
            .map(|message| view! { <p class="field-error" role="alert" data-testid=format!("{which}-error")>{message}</p> })
    };
    let login_error = error_in("login");
    let register_error = error_in("register");
    let widget = match telegram_bot {
        Some(bot) => view! {
            <p>{t.account.sign_in_with_telegram}</p>
            <TelegramLoginWidget bot auth_url="/auth/telegram".to_owned() size="large" testid="telegram-login"/>
        }
        .into_any(),
        None => view! { <p class="hint">{t.account.widget_not_configured}</p> }.into_any(),
    };
    view! {
        <section class="card" id="sign-in">
            <h2>{t.account.sign_in_title}</h2>
            {widget}
            <p class="hint small">{t.account.sign_in_link_hint}</p>
            <h3>{t.account.password_sign_in}</h3>
            <form method="post" action="/auth/login" class="field" data-testid="login-form">
                <label for="login-username">{t.account.username}</label>
                <input id="login-username" name="username" autocomplete="username" required
                    maxlength=USERNAME_MAX/>
                <label for="login-password">{t.account.password}</label>
                <input id="login-password" name="password" type="password" autocomplete="current-password" required/>
                {login_error}
                <button type="submit" data-testid="log-in">{t.account.log_in}</button>
            </form>
            <h3>{t.account.register_title}</h3>
            <form method="post" action="/auth/register" class="field" data-testid="register-form">
                <label for="register-username">{t.account.username}</label>
                <input id="register-username" name="username" autocomplete="username" required
                    minlength=USERNAME_MIN maxlength=USERNAME_MAX aria-describedby="register-username-hint"/>
                <p id="register-username-hint" class="hint small">{t.account.username_hint}</p>
                <label for="register-password">{t.account.password}</label>
                <input id="register-password" name="password" type="password" autocomplete="new-password" required
                    minlength=PASSWORD_MIN aria-describedby="register-password-hint"/>
                <p id="register-password-hint" class="hint small">{t.account.password_hint}</p>
                {register_error}
                <button type="submit" data-testid="register">{t.account.register}</button>
            </form>
        </section>
    }
}
