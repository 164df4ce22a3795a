use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    pub version: String,
    pub database_ok: bool,
    /// Whether `POST /auth/dev` exists (development only).
    pub dev_sign_in: bool,
}

/// The server's version and whether its database answers.
#[server(endpoint = "status")]
pub async fn server_status() -> Result<ServerInfo, AppError> {
    let state = crate::server::AppState::from_context()?;
    Ok(ServerInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_ok: crate::server::health::database_is_up(&state.db).await,
        dev_sign_in: state.dev_sessions.is_some(),
    })
}
