use sea_orm::DbErr;

use super::accounts::AccountError;
use super::auth::error::AuthError;
use super::rate_limit::RateLimited;
use crate::model::FieldErrors;

/// What a service call can fail with; each door turns it into its own answer in one place.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("not found")]
    NotFound,
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
