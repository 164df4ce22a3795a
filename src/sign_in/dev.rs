//! `POST /auth/dev` and `POST /auth/dev/logout`: the development-only sign-in, and
//! `POST /auth/dev/link`, which answers with a one-time sign-in link for a Telegram user (what the
//! bot's `/login` sends), so that links can be tried without the bot. With `APP_ENV=production`
//! these routes do not exist (404).

use app::i18n::Lang;
use app::server::auth::dev_session;
use app::server::auth::telegram_user::TelegramUser;
use std::net::SocketAddr;

use app::server::{AppState, ServiceError, login_links, users};
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

async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<DevSignIn>,
) -> Result<Response, ApiError> {
    if !state.dev_sign_in {
        return Err(ApiError::RouteNotFound);
    }
    let client = perimeter::client_ip(peer, &headers);
    state
        .limits
        .check_sign_in(client)
        .map_err(ServiceError::from)?;
    let telegram_user = TelegramUser {
        id: form.telegram_id.unwrap_or(1000),
        first_name: form.first_name.unwrap_or_else(|| "Developer".into()),
        last_name: None,
        username: None,
        language_code: form
            .language
            .map(|code| Lang::from_tag(&code).code().to_owned()),
    };
    let user = users::sign_in_telegram(&state.db, &telegram_user).await?;
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
    if !state.dev_sign_in {
        return Err(ApiError::RouteNotFound);
    }
    let client = perimeter::client_ip(peer, &headers);
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
    let user = users::sign_in_telegram(&state.db, &telegram_user).await?;
    let link = login_links::issue_login_link(&state, user.id).await?;
    Ok(link.into_response())
}
