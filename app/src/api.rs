//! Server functions: thin adapters from the UI to the services.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::model::FieldErrors;

/// What a server function can fail with, as the browser receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("unauthorized")]
    Unauthorized,
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<crate::server::ServiceError> for AppError {
    fn from(error: crate::server::ServiceError) -> Self {
        use crate::server::ServiceError;
        match error {
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::Validation(errors) => AppError::Validation(errors),
            ServiceError::Unauthorized(_) => AppError::Unauthorized,
            ServiceError::Db(err) => {
                tracing::error!(error = %err, "database error in a server function");
                AppError::Internal
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    pub version: String,
    pub database_ok: bool,
}

/// The server's version and whether its database answers.
#[server]
pub async fn server_status() -> Result<ServerInfo, AppError> {
    let state = crate::server::AppState::from_context()?;
    Ok(ServerInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_ok: crate::server::health::database_is_up(&state.db).await,
    })
}
