use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{AppError, TmaClient};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    pub version: String,
    pub database_ok: bool,
}

/// The server's version and whether its database answers.
#[server(endpoint = "status", client = TmaClient)]
pub async fn server_status() -> Result<ServerInfo, AppError> {
    let state = crate::server::AppState::from_context()?;
    Ok(ServerInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_ok: crate::server::health::database_is_up(&state.db).await,
    })
}

/// Whether `POST /auth/dev` exists (development only). No database work: every page asks.
#[server(endpoint = "dev-sign-in", client = TmaClient)]
pub async fn dev_sign_in_enabled() -> Result<bool, AppError> {
    Ok(crate::server::AppState::from_context()?
        .dev_sessions
        .is_some())
}
