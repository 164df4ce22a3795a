use app::model::{Profile, ProfilePatch, ProfilePatchInput};
use app::server::{AppState, users};
use axum::Json;
use axum::extract::State;

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiJson, AuthUser};

const TAG: &str = "profile";

/// The signed-in user's profile and settings.
#[utoipa::path(get, path = "/me", tag = TAG, operation_id = "getProfile",
    responses((status = 200, description = "The profile", body = Profile)))]
pub async fn get(user: AuthUser, State(state): State<AppState>) -> Result<Json<Profile>, ApiError> {
    Ok(Json(users::get_profile(&state.db, &user).await?))
}

/// Changes only the settings sent.
#[utoipa::path(patch, path = "/me", tag = TAG, operation_id = "updateProfile",
    request_body = ProfilePatchInput,
    responses(
        (status = 200, description = "The profile as changed", body = Profile),
        (status = 422, description = "A setting is not valid", body = ErrorBody),
    ))]
pub async fn update(
    user: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ProfilePatchInput>,
) -> Result<Json<Profile>, ApiError> {
    let patch = ProfilePatch::parse(input)?;
    Ok(Json(users::update_profile(&state.db, &user, patch).await?))
}
