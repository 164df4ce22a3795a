//! `POST /auth/logout`: ends the browser's session in the database (so a copied cookie stops
//! working too) and makes the browser forget it, along with the development sign-in's cookie.

use app::server::auth::{dev_session, session_cookie};
use app::server::{AppState, sessions};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::rest::error::ApiError;

pub async fn log_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = session_cookie::token(&state.cookies, &headers) {
        sessions::end_session(&state.db, &token).await?;
    }
    let wants_json = [header::ACCEPT, header::CONTENT_TYPE].iter().any(|name| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"))
    });
    let mut response = if wants_json {
        StatusCode::NO_CONTENT.into_response()
    } else {
        Redirect::to("/").into_response()
    };
    let cookies = [
        session_cookie::clear(&state.cookies),
        dev_session::clear(&state.cookies),
    ];
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(response)
}
