//! Server functions: thin adapters from the UI to the services. Each one authenticates the request
//! like the JSON API (initData, or the development sign-in) and makes one service call; the paths
//! are stable (`/api/tasks/…`) so that forms work without WASM.

mod account;
mod api_tokens;
mod calendar;
mod client;
mod frame;
mod profile;
mod quick_add;
mod status;
mod task_screen;
mod tasks;
mod wire_error;

pub use account::*;
pub use api_tokens::*;
pub use calendar::*;
pub use client::{JsonText, JsonTextEncoding, TmaClient};
pub use frame::*;
pub use profile::*;
pub use quick_add::*;
pub use status::*;
pub use task_screen::*;
pub use tasks::*;

use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::model::FieldErrors;

/// What a server function can fail with, as the browser receives it (`wire_error.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(into = "String", from = "String")]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Too late: a deleted task is kept for undoing for a few minutes only.
    #[error("expired")]
    Expired,
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("unauthorized")]
    Unauthorized,
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
    /// The request did not reach the server (offline, DNS, a dropped connection).
    #[error("the server could not be reached")]
    Unreachable,
    #[error("too many requests")]
    RateLimited { retry_after_secs: u64 },
    #[error("refused: {0}")]
    Account(crate::model::AccountError),
}

impl FromServerFnError for AppError {
    type Encoder = JsonTextEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::server::ServiceError> for AppError {
    /// Also sets the response's status (401/404/422/500) for clients that read it.
    fn from(error: crate::server::ServiceError) -> Self {
        use crate::server::ServiceError;
        let status = error.status();
        let app_error = match error {
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::Expired => AppError::Expired,
            ServiceError::Validation(errors) => AppError::Validation(errors),
            ServiceError::Unauthorized(_) => AppError::Unauthorized,
            ServiceError::Db(err) => {
                tracing::error!(error = %err, "database error in a server function");
                AppError::Internal
            }
            ServiceError::Account(refused) => AppError::Account(refused),
            ServiceError::Internal(what) => {
                tracing::error!(error = what, "internal error in a server function");
                AppError::Internal
            }
            ServiceError::RateLimited(limited) => AppError::RateLimited {
                retry_after_secs: limited.retry_after_secs,
            },
        };
        // Only for server-function requests: a page rendered on the server calls these functions
        // directly and keeps its own status, and a plain HTML form post is sent back to its page
        // (302), which a status would undo.
        let client_call =
            leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
                let accepts_html = parts
                    .headers
                    .get(http::header::ACCEPT)
                    .and_then(|accept| accept.to_str().ok())
                    .is_some_and(|accept| accept.contains("text/html"));
                parts.uri.path().starts_with("/api/") && !accepts_html
            });
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && client_call
        {
            response.set_status(status);
            if let AppError::RateLimited { retry_after_secs } = app_error {
                response.insert_header(http::header::RETRY_AFTER, retry_after_secs.into());
            }
        }
        app_error
    }
}

#[cfg(feature = "ssr")]
impl From<crate::model::FieldErrors> for AppError {
    fn from(errors: crate::model::FieldErrors) -> Self {
        crate::server::ServiceError::Validation(errors).into()
    }
}

/// The state, inside a server function or a component rendered on the server.
#[cfg(feature = "ssr")]
fn app_state() -> Result<crate::server::AppState, AppError> {
    leptos::prelude::use_context::<crate::server::AppState>().ok_or(AppError::Internal)
}

/// The state and the signed-in user of the request a server function serves.
#[cfg(feature = "ssr")]
async fn signed_in() -> Result<(crate::server::AppState, crate::server::CurrentUser), AppError> {
    let state = app_state()?;
    let parts = leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    let door = crate::server::rate_limit::Door::App;
    let authenticate = || crate::server::auth::authenticate(&parts.headers, &state, door);
    // A page's request was proven before rendering (src/page_frame.rs).
    let request_user = parts
        .extensions
        .get::<crate::server::RequestUser>()
        .cloned()
        .or_else(leptos::prelude::use_context::<crate::server::RequestUser>);
    let user = match request_user {
        Some(request_user) => request_user.get_or_prove(authenticate).await?,
        None => authenticate().await?,
    };
    Ok((state, user))
}
