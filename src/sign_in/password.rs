//! `POST /auth/register` and `POST /auth/login`: `{username, password}` as a form or JSON.

use app::model::{CredentialsInput, NewCredentials};
use app::server::{AppState, CurrentUser, ServiceError, accounts, users};
use axum::Form;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, StatusCode};
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
    let signed_in = async {
        let user = accounts::register(&state.db, new, attempt.lang).await?;
        answer(&state, &headers, &attempt, user, StatusCode::CREATED).await
    };
    signed_in.await.map_err(|error| fail(error.into()))
}

pub async fn log_in(
    attempt: Attempt,
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, Failure> {
    let headers = request.headers().clone();
    let fail = |error: ApiError| Failure::of_form(error, &attempt, Which::Login);
    let input = credentials(&attempt, &state, request).await.map_err(fail)?;
    let signed_in = async {
        let user = accounts::log_in(&state.db, &input).await?;
        answer(&state, &headers, &attempt, user, StatusCode::OK).await
    };
    signed_in.await.map_err(|error| fail(error.into()))
}

/// Opens the session of `user`: the profile with `status` for JSON callers, else home.
async fn answer(
    state: &AppState,
    headers: &HeaderMap,
    attempt: &Attempt,
    user: CurrentUser,
    status: StatusCode,
) -> Result<Response, ServiceError> {
    let cookie = reply::open_session(state, headers, user.id).await?;
    if attempt.json {
        let profile = users::get_profile(&state.db, &user).await?;
        Ok(reply::signed_in_json(cookie, status, profile))
    } else {
        Ok(reply::signed_in(cookie, "/"))
    }
}
