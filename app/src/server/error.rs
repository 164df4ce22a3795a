use http::StatusCode;
use sea_orm::DbErr;

use super::auth::error::AuthError;
use super::rate_limit::RateLimited;
use crate::model::{AccountError, FieldErrors};

/// What a service call can fail with; each door turns it into its own answer in one place.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("not found")]
    NotFound,
    /// It existed, but for a limited time that has passed (a deleted task kept for undoing).
    #[error("expired")]
    Expired,
    #[error("invalid input: {0:?}")]
    Validation(FieldErrors),
    #[error("unauthorized: {0}")]
    Unauthorized(#[from] AuthError),
    #[error("database error")]
    Db(#[from] DbErr),
    #[error("too many requests")]
    RateLimited(RateLimited),
    #[error("refused: {0}")]
    Account(#[from] AccountError),
    /// Something that should not happen (no random source, a hashing thread gone): a 500.
    #[error("internal error: {0}")]
    Internal(&'static str),
}

impl From<RateLimited> for ServiceError {
    fn from(limited: RateLimited) -> Self {
        ServiceError::RateLimited(limited)
    }
}

impl From<FieldErrors> for ServiceError {
    fn from(errors: FieldErrors) -> Self {
        ServiceError::Validation(errors)
    }
}

impl ServiceError {
    /// The HTTP status every door answers this failure with (server functions, the JSON API, the
    /// sign-in routes' pages).
    pub fn status(&self) -> StatusCode {
        match self {
            ServiceError::NotFound => StatusCode::NOT_FOUND,
            ServiceError::Expired => StatusCode::GONE,
            ServiceError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ServiceError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ServiceError::Db(_) | ServiceError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ServiceError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ServiceError::Account(refused) => match refused {
                AccountError::WrongCredentials => StatusCode::UNAUTHORIZED,
                AccountError::LinkUnknown => StatusCode::NOT_FOUND,
                AccountError::LinkExpired | AccountError::LinkUsed => StatusCode::GONE,
                AccountError::TelegramTaken
                | AccountError::OtherTelegramLinked
                | AccountError::PasswordAlreadySet
                | AccountError::NoPassword => StatusCode::CONFLICT,
            },
        }
    }
}
