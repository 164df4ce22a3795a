//! Extractors that answer in the API's own error format.

use app::model::{FieldError, FieldErrors, IdempotencyKey};
use app::server::{AppState, CurrentUser, auth};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// The signed-in user making the request.
pub struct AuthUser(pub CurrentUser);

impl std::ops::Deref for AuthUser {
    type Target = CurrentUser;
    fn deref(&self) -> &CurrentUser {
        &self.0
    }
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let door = app::server::rate_limit::Door::Api;
        Ok(AuthUser(
            auth::authenticate(&parts.headers, state, door).await?,
        ))
    }
}

/// A JSON body; malformed or mistyped bodies get 400/415/422 with `detail`.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::JsonDataError(err)) => {
                Err(ApiError::InvalidBody(data_error_reason(&err.body_text())))
            }
            Err(JsonRejection::JsonSyntaxError(_)) => Err(ApiError::MalformedBody),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::UnsupportedMediaType),
            Err(JsonRejection::BytesRejection(_)) => Err(ApiError::PayloadTooLarge),
            Err(_) => Err(ApiError::MalformedBody),
        }
    }
}

/// serde's own words, without axum's lead-in.
fn data_error_reason(text: &str) -> String {
    text.trim_start_matches("Failed to deserialize the JSON body into the target type: ")
        .to_owned()
}

/// A query string; values are checked by the model, so only a broken encoding is refused here.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| ApiQuery(value))
            .map_err(|_: QueryRejection| ApiError::InvalidQuery)
    }
}

/// `Idempotency-Key`: a creating request sent again with the same key creates nothing new and
/// answers what the first one created. A key that is not 1–64 letters, digits, `-` or `_` is 422.
pub struct Idempotency(pub Option<IdempotencyKey>);

impl<S: Send + Sync> FromRequestParts<S> for Idempotency {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(IDEMPOTENCY_KEY) else {
            return Ok(Idempotency(None));
        };
        value
            .to_str()
            .map_err(|_| FieldError::Invalid)
            .and_then(IdempotencyKey::parse)
            .map(|key| Idempotency(Some(key)))
            .map_err(|error| FieldErrors::single(IDEMPOTENCY_KEY, error).into())
    }
}

/// The header's name, as it is also named in field errors.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
