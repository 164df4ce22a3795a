//! The one place where failures become HTTP answers: `{detail, errors}` JSON, in the language
//! the request asks for.

use std::collections::BTreeMap;
use std::sync::Arc;

use app::i18n::Lang;
use app::i18n::errors::api;
use app::model::FieldErrors;
use app::server::ServiceError;
use app::server::auth::AuthError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Every error answer's body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong, for people, in the language of `Accept-Language` (English by default).
    pub detail: String,
    /// Only on 422 for invalid fields: each refused field, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<BTreeMap<String, FieldErrorBody>>,
}

/// Why one field was refused.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldErrorBody {
    /// Stable, for programs: `required`, `too_long`, `invalid_priority`, ...
    pub code: String,
    /// For people, in the language of `Accept-Language`.
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("malformed JSON body")]
    MalformedBody,
    #[error("JSON body of the wrong shape: {0}")]
    InvalidBody(String),
    #[error("query string of the wrong shape")]
    InvalidQuery,
    #[error("body is not JSON")]
    UnsupportedMediaType,
    #[error("body too large")]
    PayloadTooLarge,
    #[error("no such route")]
    RouteNotFound,
}

impl From<FieldErrors> for ApiError {
    fn from(errors: FieldErrors) -> Self {
        ApiError::Service(ServiceError::Validation(errors))
    }
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::Service(error) => error.status(),
            ApiError::RouteNotFound => StatusCode::NOT_FOUND,
            ApiError::InvalidBody(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::MalformedBody | ApiError::InvalidQuery => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        }
    }

    fn detail(&self, lang: Lang) -> String {
        let t = api::texts(lang);
        let text = match self {
            ApiError::Service(ServiceError::NotFound) => t.not_found,
            ApiError::Service(ServiceError::Expired) => t.expired,
            ApiError::Service(ServiceError::Validation(_)) => t.invalid_fields,
            ApiError::Service(ServiceError::Unauthorized(auth)) => auth.message(lang),
            ApiError::Service(ServiceError::Db(_) | ServiceError::Internal(_)) => t.internal,
            ApiError::Service(ServiceError::Account(refused)) => refused.message(lang),
            ApiError::Service(ServiceError::RateLimited(_)) => t.too_many_requests,
            ApiError::MalformedBody => t.malformed_body,
            ApiError::InvalidBody(reason) => return (t.invalid_body)(reason),
            ApiError::InvalidQuery => t.invalid_query,
            ApiError::UnsupportedMediaType => t.unsupported_media_type,
            ApiError::PayloadTooLarge => t.payload_too_large,
            ApiError::RouteNotFound => t.route_not_found,
        };
        text.to_owned()
    }

    fn body(&self, lang: Lang) -> ErrorBody {
        let errors = match self {
            ApiError::Service(ServiceError::Validation(errors)) => Some(
                errors
                    .iter()
                    .map(|(field, error)| {
                        let body = FieldErrorBody {
                            code: error.code().to_owned(),
                            message: error.message(lang),
                        };
                        (field.to_owned(), body)
                    })
                    .collect(),
            ),
            _ => None,
        };
        ErrorBody {
            detail: self.detail(lang),
            errors,
        }
    }

    fn render(&self, lang: Lang) -> Response {
        let mut response = (self.status(), axum::Json(self.body(lang))).into_response();
        if let ApiError::Service(ServiceError::Unauthorized(auth)) = self {
            for challenge in challenges(*auth) {
                response.headers_mut().append(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(challenge),
                );
            }
        }
        if let ApiError::Service(ServiceError::RateLimited(limited)) = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, limited.retry_after_secs.into());
        }
        response
    }
}

/// The schemes a 401 offers (RFC 9110 §11.6.1), each as its own header: an API token, whose
/// refusal says why in RFC 6750's terms, and the Mini App's initData.
fn challenges(auth: AuthError) -> [&'static str; 2] {
    let bearer = match auth {
        AuthError::BadToken => r#"Bearer realm="vectora", error="invalid_token""#,
        _ => r#"Bearer realm="vectora""#,
    };
    [bearer, "tma"]
}

/// The error travels with its response so that `localize` can say it in the caller's language.
#[derive(Clone)]
struct Failure(Arc<ApiError>);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            ApiError::Service(ServiceError::Db(err)) => {
                tracing::error!(error = %err, "database error")
            }
            ApiError::Service(ServiceError::Internal(what)) => {
                tracing::error!(error = %what, "internal error")
            }
            _ => {}
        }
        let mut response = self.render(Lang::En);
        response.extensions_mut().insert(Failure(Arc::new(self)));
        response
    }
}

/// Renders API errors in the language of `Accept-Language` (English by default).
pub async fn localize(request: Request<Body>, next: Next) -> Response {
    let lang = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(Lang::from_tag)
        .unwrap_or_default();
    let response = next.run(request).await;
    match response.extensions().get::<Failure>() {
        Some(Failure(error)) if lang != Lang::En => {
            let mut localized = error.render(lang);
            for (name, value) in response.headers() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    localized.headers_mut().insert(name.clone(), value.clone());
                }
            }
            localized
        }
        _ => response,
    }
}
