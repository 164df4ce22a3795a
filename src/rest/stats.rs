use app::model::Stats;
use app::server::{AppState, clock, stats};
use axum::Json;
use axum::extract::State;

use super::error::ApiError;
use super::extract::AuthUser;

/// Totals, done, active, completion rate, overdue and due today (in the user's time zone),
/// active tasks by priority, and completions on each of the last 14 days.
#[utoipa::path(get, path = "/stats", tag = "stats", operation_id = "getStats",
    responses((status = 200, description = "The numbers", body = Stats)))]
pub async fn get(user: AuthUser, State(state): State<AppState>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(
        stats::get_stats(&state.db, &user, clock::now()).await?,
    ))
}
