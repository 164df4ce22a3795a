use app::model::Stats;
use app::server::{AppState, stats};
use axum::Json;
use axum::extract::State;
use chrono::Utc;

use super::error::ApiError;
use super::extract::AuthUser;

pub async fn get(user: AuthUser, State(state): State<AppState>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(stats::get_stats(&state.db, &user, Utc::now()).await?))
}
