//! Turns credentials into a signed-in user: Telegram Mini App initData, or a personal API token.

pub mod dev_session;
pub mod error;
pub mod init_data;
pub mod login_widget;
#[cfg(test)]
mod parser_fuzz;
pub mod secret_token;
pub mod session_cookie;
pub mod signed_cookies;
mod signed_pairs;
pub mod telegram_user;

use chrono::Utc;
use http::HeaderMap;
use secrecy::ExposeSecret;

use super::rate_limit::Door;
use super::{AppState, CurrentUser, ServiceError, api_tokens, sessions, users};
pub use error::AuthError;

/// The secret of `Authorization: Bearer <API token>`, when the request sends one.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers
        .get(http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    let (scheme, rest) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
}

/// The Mini App's initData from `Authorization: tma <initData>` or v0.2's `X-Telegram-Init-Data`.
fn init_data_header(headers: &HeaderMap) -> Result<&str, AuthError> {
    if let Some(value) = headers.get(http::header::AUTHORIZATION) {
        let value = value.to_str().map_err(|_| AuthError::Malformed)?.trim();
        let (scheme, rest) = value.split_once(' ').ok_or(AuthError::Malformed)?;
        return if scheme.eq_ignore_ascii_case("tma") {
            Ok(rest.trim())
        } else {
            Err(AuthError::UnsupportedScheme)
        };
    }
    headers
        .get("x-telegram-init-data")
        .map(|value| {
            value
                .to_str()
                .map(str::trim)
                .map_err(|_| AuthError::Malformed)
        })
        .unwrap_or(Err(AuthError::Missing))
}

/// The signed-in user behind a request's headers: a personal API token (`Bearer`), Telegram's
/// signed initData (the user is created or refreshed from it), the browser session's cookie, or
/// in development only, the development sign-in's cookie. Credentials in a header win over
/// cookies. Every way in counts against the same per-user rate limit of its `door`, keyed by the
/// account.
pub async fn authenticate(
    headers: &HeaderMap,
    state: &AppState,
    door: Door,
) -> Result<CurrentUser, ServiceError> {
    let user = identify(headers, state).await?;
    state.limits.check_user(user.id, door)?;
    Ok(user)
}

async fn identify(headers: &HeaderMap, state: &AppState) -> Result<CurrentUser, ServiceError> {
    let sends_credentials = headers.contains_key(http::header::AUTHORIZATION)
        || headers.contains_key("x-telegram-init-data");
    if !sends_credentials && let Some(user) = session_user(headers, state).await? {
        return Ok(user);
    }
    if state.dev_sign_in
        && !sends_credentials
        && let Some(user_id) = dev_session::user_id(&state.cookies, headers)
    {
        return users::find_current(&state.db, user_id).await;
    }
    if let Some(secret) = bearer_token(headers) {
        return api_tokens::sign_in_with_token(&state.db, secret, super::clock::now()).await;
    }
    let raw = init_data_header(headers)?;
    let token = state
        .config
        .telegram_bot_token
        .as_ref()
        .ok_or(AuthError::NotConfigured)?;
    let data = init_data::verify(
        raw,
        token.expose_secret(),
        state.config.auth_max_age,
        Utc::now(),
    )?;
    users::sign_in_telegram(&state.db, &data.user).await
}

/// The user of the browser session a request's cookie names, if it is live.
pub async fn session_user(
    headers: &HeaderMap,
    state: &AppState,
) -> Result<Option<CurrentUser>, ServiceError> {
    match session_cookie::token(&state.cookies, headers) {
        Some(token) => sessions::session_user(&state.db, &token).await,
        None => Ok(None),
    }
}
