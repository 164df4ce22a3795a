use app::model::{CalendarDay, FieldError, FieldErrors, Month};
use app::server::{AppState, calendar, clock};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiQuery, AuthUser};

#[derive(Debug, Deserialize)]
pub struct MonthQuery {
    month: Option<String>,
}

/// `?month=YYYY-MM`: the days of that month that have tasks due, with counts.
#[utoipa::path(get, path = "/calendar", tag = "calendar", operation_id = "getCalendar",
    params(("month" = String, Query, description = "The month, `YYYY-MM`", example = "2026-11")),
    responses(
        (status = 200, description = "The days with tasks due, in order", body = [CalendarDay]),
        (status = 422, description = "`month` is missing or not `YYYY-MM`", body = ErrorBody),
    ))]
pub async fn month(
    user: AuthUser,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<MonthQuery>,
) -> Result<Json<Vec<CalendarDay>>, ApiError> {
    let month = query
        .month
        .as_deref()
        .ok_or(FieldError::Required)
        .and_then(Month::parse)
        .map_err(|e| FieldErrors::single("month", e))?;
    let days = calendar::month_days(&state.db, &user, month, clock::now()).await?;
    Ok(Json(days))
}
