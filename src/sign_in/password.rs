//! `POST /auth/register` and `POST /auth/login`: `{username, password}` as a form or JSON.

use app::model::{CredentialsInput, NewCredentials};
use app::server::{AppState, ServiceError, accounts, users};
use axum::Form;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::reply::Attempt;
use super::reply::{self, Failure, Form as Which};
use crate::rest::error::ApiError;
use crate::rest::extract::ApiJson;

async fn credentials(
    attempt: &Attempt,
    state: &AppState,
    request: Request,
) -> Result<CredentialsInput, ApiError> {
    if attempt.json {
        Ok(ApiJson::<CredentialsInput>::from_request(request, state)
            .await?
            .0)
    } else {
        Form::<CredentialsInput>::from_request(request, state)
            .await
            .map(|Form(input)| input)
            .map_err(|_| ApiError::MalformedBody)
    }
}

pub async fn register(
    attempt: Attempt,
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, Failure> {
    let headers = request.headers().clone();
    let fail = |error: ApiError| Failure::of_form(error, &attempt, Which::Register);
    let input = credentials(&attempt, &state, request).await.map_err(fail)?;
    let new = NewCredentials::parse(&input).map_err(|errors| fail(errors.into()))?;
    let service = |error: ServiceError| fail(error.into());
    let user = accounts::register(&state.db, new, attempt.lang)
        .await
        .map_err(service)?;
    let cookie = reply::open_session(&state, &headers, user.id)
        .await
        .map_err(service)?;
    if attempt.json {
        let profile = users::get_profile(&state.db, &user)
            .await
            .map_err(service)?;
        Ok(reply::signed_in_json(cookie, StatusCode::CREATED, profile))
    } else {
        Ok(reply::signed_in(cookie, "/"))
    }
}

pub async fn log_in(
    attempt: Attempt,
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, Failure> {
    let headers = request.headers().clone();
    let fail = |error: ApiError| Failure::of_form(error, &attempt, Which::Login);
    let input = credentials(&attempt, &state, request).await.map_err(fail)?;
    let service = |error: ServiceError| fail(error.into());
    let user = accounts::log_in(&state.db, &input).await.map_err(service)?;
    let cookie = reply::open_session(&state, &headers, user.id)
        .await
        .map_err(service)?;
    if attempt.json {
        let profile = users::get_profile(&state.db, &user)
            .await
            .map_err(service)?;
        Ok(reply::signed_in_json(cookie, StatusCode::OK, profile))
    } else {
        Ok(reply::signed_in(cookie, "/"))
    }
}
