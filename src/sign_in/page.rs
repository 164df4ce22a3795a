//! The page a refused link or widget sign-in shows: plain HTML in both languages (the visitor's
//! own first), never a stack trace.

use app::i18n::Lang;
use app::server::ServiceError;
use app::server::auth::AuthError;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::rest::error::ApiError;

fn explain(error: &ServiceError, lang: Lang) -> &'static str {
    match error {
        ServiceError::Account(refused) => refused.message(lang),
        ServiceError::Unauthorized(AuthError::Expired) => lang.pick(
            "Данные входа через Telegram устарели. Войдите ещё раз.",
            "Telegram's sign-in data has expired. Please sign in again.",
        ),
        ServiceError::Unauthorized(AuthError::NotConfigured) => {
            AuthError::NotConfigured.message(lang)
        }
        ServiceError::Unauthorized(_) | ServiceError::Validation(_) => lang.pick(
            "Не удалось проверить данные входа через Telegram. Войдите ещё раз.",
            "Telegram's sign-in data could not be verified. Please sign in again.",
        ),
        ServiceError::RateLimited(_) => lang.pick(
            "Слишком много попыток входа. Подождите минуту и попробуйте снова.",
            "Too many sign-in attempts. Wait a minute and try again.",
        ),
        ServiceError::NotFound => lang.pick("Аккаунт не найден.", "The account was not found."),
        ServiceError::Db(_) | ServiceError::Internal(_) => lang.pick(
            "Внутренняя ошибка сервера. Попробуйте позже.",
            "Internal server error. Please try later.",
        ),
    }
}

/// The status and the explanation in `lang` of a refused sign-in.
fn explain_any(error: &ApiError, lang: Lang) -> (StatusCode, &'static str) {
    match error {
        ApiError::Service(error) => (error.status(), explain(error, lang)),
        _ => (
            StatusCode::BAD_REQUEST,
            lang.pick("Запрос повреждён.", "The request is not valid."),
        ),
    }
}

pub fn failure(error: &ApiError, lang: Lang, stylesheet: &str) -> Response {
    let other = match lang {
        Lang::Ru => Lang::En,
        Lang::En => Lang::Ru,
    };
    let (status, first) = explain_any(error, lang);
    let (_, second) = explain_any(error, other);
    let title = |lang: Lang| lang.pick("Войти не удалось", "Sign-in failed");
    let home = |lang: Lang| lang.pick("На главную", "Home");
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Vectora</title><link rel=\"stylesheet\" href=\"{stylesheet}\"></head>\
         <body><main class=\"page\"><section class=\"card\" role=\"alert\" data-testid=\"sign-in-failed\">\
         <h1>{title1}</h1><p>{first}</p>\
         <h2 lang=\"{code2}\">{title2}</h2><p lang=\"{code2}\">{second}</p>\
         <p><a href=\"/\">{home1} · {home2}</a></p></section></main></body></html>\n",
        code = lang.code(),
        code2 = other.code(),
        title1 = title(lang),
        title2 = title(other),
        home1 = home(lang),
        home2 = home(other),
    );
    (status, Html(body)).into_response()
}
