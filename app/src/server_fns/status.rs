use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{AppError, TmaClient};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    pub version: String,
    pub database_ok: bool,
}

/// The server's version and whether its database answers.
#[server(endpoint = "status", client = TmaClient, output = super::JsonText)]
pub async fn server_status() -> Result<ServerInfo, AppError> {
    let state = super::app_state()?;
    Ok(ServerInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_ok: crate::server::db::database_is_up(&state.db).await,
    })
}

/// What the sign-in page offers, and whether this browser signed in with a cookie (so it can sign
/// out). No database work: every page asks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// `POST /auth/dev` exists (development only).
    pub dev_sign_in: bool,
    /// The bot behind the Login Widget, when configured.
    pub telegram_bot: Option<String>,
    /// The request carried a session cookie rather than Telegram's initData.
    pub by_cookie: bool,
}

#[server(endpoint = "sign-in-options", client = TmaClient, output = super::JsonText)]
pub async fn get_sign_in_options() -> Result<SignInOptions, AppError> {
    let state = super::app_state()?;
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    Ok(sign_in_options(
        &state,
        parts.as_ref().map(|parts| &parts.headers),
    ))
}

/// The sign-in options for a request with these headers (none: not a browser's request).
#[cfg(feature = "ssr")]
pub fn sign_in_options(
    state: &crate::server::AppState,
    headers: Option<&http::HeaderMap>,
) -> SignInOptions {
    let by_cookie = headers.is_some_and(|headers| {
        !headers.contains_key(http::header::AUTHORIZATION)
            && crate::server::auth::session_cookie::has_session_cookie(headers)
    });
    SignInOptions {
        dev_sign_in: state.dev_sign_in,
        telegram_bot: state.config.telegram_bot_username.clone(),
        by_cookie,
    }
}
