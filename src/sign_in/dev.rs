//! `POST /auth/dev` and `POST /auth/dev/logout`: the development-only sign-in, and
//! `POST /auth/dev/link`, which answers with a one-time sign-in link for a Telegram user (what the
//! bot's `/login` sends), so that links can be tried without the bot. With `APP_ENV=production`
//! these routes do not exist (404).

use std::net::SocketAddr;

use app::server::auth::dev_session;
use app::server::auth::telegram_user::TelegramUser;
use app::server::{AppState, CurrentUser, ServiceError, login_links, users};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;

use crate::perimeter;
use crate::rest::error::ApiError;

#[derive(Debug, Deserialize)]
pub struct DevSignIn {
    /// The Telegram user to act as; 1000 when absent.
    pub telegram_id: Option<i64>,
    pub first_name: Option<String>,
    pub language: Option<String>,
}

pub fn router(state: &AppState) -> Router<AppState> {
    if !state.dev_sign_in {
        return Router::new();
    }
    Router::new()
        .route("/auth/dev", post(sign_in))
        .route("/auth/dev/logout", post(sign_out))
        .route("/auth/dev/link", post(issue_link))
}

/// The form's Telegram user, signed in (created on first sight), once the sign-in rate limit
/// allows the caller another attempt.
async fn dev_user(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    form: DevSignIn,
) -> Result<CurrentUser, ApiError> {
    if !state.dev_sign_in {
        return Err(ApiError::RouteNotFound);
    }
    let client = perimeter::client_ip(peer, headers);
    state
        .limits
        .check_sign_in(client)
        .map_err(ServiceError::from)?;
    let telegram_user = TelegramUser {
        id: form.telegram_id.unwrap_or(1000),
        first_name: form.first_name.unwrap_or_else(|| "Developer".into()),
        last_name: None,
        username: None,
        language_code: form.language,
    };
    Ok(users::sign_in_telegram(&state.db, &telegram_user).await?)
}

async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<DevSignIn>,
) -> Result<Response, ApiError> {
    let user = dev_user(&state, peer, &headers, form).await?;
    let cookie = dev_session::set(&state.cookies, user.id);
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response())
}

async fn sign_out(State(state): State<AppState>) -> Response {
    let cookie = dev_session::clear(&state.cookies);
    ([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response()
}

/// A one-time sign-in link for the form's Telegram user, as plain text.
async fn issue_link(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<DevSignIn>,
) -> Result<Response, ApiError> {
    let user = dev_user(&state, peer, &headers, form).await?;
    let link = login_links::issue_login_link(&state, user.id).await?;
    Ok(link.into_response())
}
