//! How sign-in routes answer: a session cookie and a redirect (or the profile, for JSON callers),
//! and failures mapped once: JSON `{detail, errors}` for JSON callers, a bilingual page for links
//! and the widget, and a return to the sign-in form (with the reason) for form posts.

use app::i18n::Lang;
use app::model::FieldErrors;
use app::server::auth::secret_token::SecretToken;
use app::server::auth::session_cookie;
use app::server::{AppState, ServiceError, sessions};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::page;
use crate::rest::error::ApiError;

/// A sign-in attempt (allowed by the rate limit: see `attempt`), with what the answer depends on.
pub struct Attempt {
    /// The visitor's language (`Accept-Language`), for pages and new accounts.
    pub lang: Lang,
    /// Whether the caller sent JSON (and wants JSON back) rather than a browser form.
    pub json: bool,
    /// The site's stylesheet (its name hashed), for the page a refused link or widget gets.
    pub stylesheet: String,
}

/// Which form a failed form post goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A link or the widget: no form to go back to, a page explains.
    None,
    Login,
    Register,
}

impl Form {
    fn name(self) -> &'static str {
        match self {
            Form::None => "",
            Form::Login => "login",
            Form::Register => "register",
        }
    }
}

/// A refused sign-in, with how to answer it.
#[derive(Debug)]
pub struct Failure {
    error: ApiError,
    json: bool,
    form: Form,
    lang: Lang,
    stylesheet: String,
}

impl Failure {
    pub fn new(error: impl Into<ApiError>, attempt: &Attempt) -> Failure {
        Failure::of_form(error, attempt, Form::None)
    }

    pub fn of_form(error: impl Into<ApiError>, attempt: &Attempt, form: Form) -> Failure {
        Failure {
            error: error.into(),
            json: attempt.json,
            form,
            lang: attempt.lang,
            stylesheet: attempt.stylesheet.clone(),
        }
    }
}

/// The stable code of a failure, as the sign-in form reads it from `?auth_error=`.
fn code(error: &ApiError) -> &'static str {
    match error {
        ApiError::Service(ServiceError::Validation(errors)) => first_code(errors),
        ApiError::Service(ServiceError::Account(refused)) => match refused {
            app::model::AccountError::WrongCredentials => "wrong_credentials",
            _ => "refused",
        },
        ApiError::Service(ServiceError::RateLimited(_)) => "too_many_requests",
        ApiError::Service(_) => "failed",
        _ => "invalid",
    }
}

fn first_code(errors: &FieldErrors) -> &'static str {
    errors
        .iter()
        .next()
        .map(|(_, error)| error.code())
        .unwrap_or("invalid")
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let retry_after = match &self.error {
            ApiError::Service(ServiceError::RateLimited(limited)) => Some(limited.retry_after_secs),
            _ => None,
        };
        let mut response = if self.json {
            return self.error.into_response();
        } else if self.form != Form::None {
            let target = format!(
                "/?auth_error={}&form={}#sign-in",
                code(&self.error),
                self.form.name()
            );
            Redirect::to(&target).into_response()
        } else {
            match &self.error {
                ApiError::Service(ServiceError::Db(err)) => {
                    tracing::error!(error = %err, "database error in sign-in");
                }
                ApiError::Service(ServiceError::Internal(what)) => {
                    tracing::error!(error = what, "internal error in sign-in");
                }
                _ => {}
            }
            page::failure(&self.error, self.lang, &self.stylesheet)
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// Opens a session for `user_id` (ending the one the browser had, if any) and returns its cookie.
pub async fn open_session(
    state: &AppState,
    headers: &HeaderMap,
    user_id: i64,
) -> Result<HeaderValue, ServiceError> {
    if let Some(old) = session_cookie::token(&state.cookies, headers) {
        sessions::end_session(&state.db, &old).await?;
    }
    let token: SecretToken = sessions::start_session(&state.db, user_id).await?;
    HeaderValue::from_str(&session_cookie::set(&state.cookies, &token))
        .map_err(|_| ServiceError::Internal("cookie header"))
}

/// Signed in: to the app, with the cookie.
pub fn signed_in(cookie: HeaderValue, to: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    response
}

/// Signed in, for a JSON caller: the profile and the cookie.
pub fn signed_in_json(
    cookie: HeaderValue,
    status: StatusCode,
    profile: app::model::Profile,
) -> Response {
    let mut response = (status, axum::Json(profile)).into_response();
    response.headers_mut().insert(header::SET_COOKIE, cookie);
    response
}
