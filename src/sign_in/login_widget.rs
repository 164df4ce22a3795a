//! `GET /auth/telegram?<Login Widget fields>`: signs the browser in as that Telegram user (the
//! same account initData opens), or, with the Settings page's `state`, links Telegram to the
//! signed-in account.

use app::server::auth::{AuthError, login_widget, session_cookie};
use app::server::{AppState, ServiceError, accounts, sessions, users};
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use secrecy::ExposeSecret;

use super::reply::Attempt;
use super::reply::{self, Failure};

pub async fn widget_callback(
    attempt: Attempt,
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, Failure> {
    let fail = |error: ServiceError| Failure::new(error, &attempt);
    let bot_token = state
        .config
        .telegram_bot_token
        .as_ref()
        .ok_or_else(|| fail(AuthError::NotConfigured.into()))?;
    let auth = login_widget::verify(
        query.as_deref().unwrap_or(""),
        bot_token.expose_secret(),
        state.config.auth_max_age,
        Utc::now(),
    )
    .map_err(|error| fail(error.into()))?;

    if let Some(link_state) = &auth.state {
        // Linking: only with the state the signed-in user's own Settings page made.
        let session = session_cookie::token(&state.cookies, &headers)
            .filter(|token| session_cookie::link_state_holds(&state.cookies, token, link_state))
            .ok_or_else(|| fail(AuthError::BadSignature.into()))?;
        let user = sessions::session_user(&state.db, &session)
            .await
            .map_err(fail)?
            .ok_or_else(|| fail(AuthError::Missing.into()))?;
        accounts::link_telegram(&state.db, &user, &auth.user)
            .await
            .map_err(fail)?;
        return Ok(Redirect::to("/settings").into_response());
    }

    // The widget does not say which language Telegram speaks: a new account takes the browser's.
    let mut telegram_user = auth.user;
    telegram_user
        .language_code
        .get_or_insert_with(|| attempt.lang.code().to_owned());
    let user = users::sign_in_telegram(&state.db, &telegram_user)
        .await
        .map_err(fail)?;
    let cookie = reply::open_session(&state, &headers, user.id)
        .await
        .map_err(fail)?;
    Ok(reply::signed_in(cookie, "/"))
}
