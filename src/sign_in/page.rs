//! The page a refused link or widget sign-in shows: plain HTML in both languages (the visitor's
//! own first), never a stack trace.

use app::i18n::Lang;
use app::i18n::errors::sign_in;
use app::server::ServiceError;
use app::server::auth::AuthError;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::rest::error::ApiError;

fn explain(error: &ServiceError, lang: Lang) -> &'static str {
    let t = sign_in::texts(lang);
    match error {
        ServiceError::Account(refused) => refused.message(lang),
        ServiceError::Unauthorized(AuthError::Expired) | ServiceError::Expired => t.expired,
        ServiceError::Unauthorized(AuthError::NotConfigured) => {
            AuthError::NotConfigured.message(lang)
        }
        ServiceError::Unauthorized(_) | ServiceError::Validation(_) => t.not_verified,
        ServiceError::RateLimited(_) => t.too_many_attempts,
        ServiceError::NotFound => t.account_not_found,
        ServiceError::Db(_) | ServiceError::Internal(_) => t.internal,
    }
}

/// The status and the explanation in `lang` of a refused sign-in.
fn explain_any(error: &ApiError, lang: Lang) -> (StatusCode, &'static str) {
    match error {
        ApiError::Service(error) => (error.status(), explain(error, lang)),
        _ => (StatusCode::BAD_REQUEST, sign_in::texts(lang).bad_request),
    }
}

pub fn failure(error: &ApiError, lang: Lang, stylesheet: &str) -> Response {
    let other = match lang {
        Lang::Ru => Lang::En,
        Lang::En => Lang::Ru,
    };
    let (status, first) = explain_any(error, lang);
    let (_, second) = explain_any(error, other);
    let (t, t2) = (sign_in::texts(lang), sign_in::texts(other));
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
        title1 = t.title,
        title2 = t2.title,
        home1 = t.home,
        home2 = t2.home,
    );
    (status, Html(body)).into_response()
}
