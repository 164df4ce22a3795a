use app::model::{Profile, ProfilePatch, ProfilePatchInput};
use app::server::{AppState, users};
use axum::Json;
use axum::extract::State;

use super::error::ApiError;
use super::extract::{ApiJson, AuthUser};

pub async fn get(user: AuthUser, State(state): State<AppState>) -> Result<Json<Profile>, ApiError> {
    Ok(Json(users::get_profile(&state.db, &user).await?))
}

pub async fn update(
    user: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ProfilePatchInput>,
) -> Result<Json<Profile>, ApiError> {
    let patch = ProfilePatch::parse(input)?;
    Ok(Json(users::update_profile(&state.db, &user, patch).await?))
}
