use app::model::Stats;
use app::server::{AppState, clock, stats};
use axum::Json;
use axum::extract::State;

use super::error::ApiError;
use super::extract::AuthUser;

pub async fn get(user: AuthUser, State(state): State<AppState>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(
        stats::get_stats(&state.db, &user, clock::now()).await?,
    ))
}
