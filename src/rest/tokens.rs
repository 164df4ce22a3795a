use app::model::{ApiToken, CreatedApiToken, NewApiTokenInput};
use app::server::{AppState, ServiceError, api_tokens};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiJson, AuthUser};

const TAG: &str = "tokens";

/// The caller's personal API tokens, newest first. Secrets are never listed.
#[utoipa::path(get, path = "/tokens", tag = TAG, operation_id = "listTokens",
    responses((status = 200, description = "The tokens", body = [ApiToken])))]
pub async fn list(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<ApiToken>>, ApiError> {
    Ok(Json(api_tokens::list_tokens(&state.db, &user).await?))
}

/// Creates a token. The answer carries its secret (`token`): the only time it is shown.
#[utoipa::path(post, path = "/tokens", tag = TAG, operation_id = "createToken",
    request_body = NewApiTokenInput,
    responses(
        (status = 201, description = "Created; `token` is shown only now", body = CreatedApiToken),
        (status = 422, description = "The name is missing or too long", body = ErrorBody),
    ))]
pub async fn create(
    user: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<NewApiTokenInput>,
) -> Result<impl IntoResponse, ApiError> {
    let token = api_tokens::create_token(&state.db, &user, input.parse()?).await?;
    Ok((
        StatusCode::CREATED,
        [(header::CACHE_CONTROL, "no-store")],
        Json(token),
    ))
}

/// Revokes a token: requests with it are refused from now on.
#[utoipa::path(delete, path = "/tokens/{id}", tag = TAG, operation_id = "revokeToken",
    params(("id" = i64, Path, description = "The token's id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, description = "No such token of yours", body = ErrorBody),
    ))]
pub async fn revoke(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = id.parse().map_err(|_| ServiceError::NotFound)?;
    api_tokens::revoke_token(&state.db, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
