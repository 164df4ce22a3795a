//! `POST /api/v1/tasks/quick`: a task from one line of text, read as the bot's `/add` reads it.

use app::model::{QuickAddInput, Task, Understood, parse_quick_add};
use app::server::{AppState, clock, tasks};
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiJson, ApiQuery, AuthUser, Idempotency};

#[derive(Debug, Default, Deserialize)]
pub struct QuickAddQuery {
    #[serde(default)]
    dry_run: bool,
}

/// Reads the text in the user's time zone and language (dates, times, `#tags`, `!high`/`!low`,
/// `@category`) and creates the task; with `dry_run=true` only says what was understood.
#[utoipa::path(post, path = "/tasks/quick", tag = "tasks", operation_id = "quickAddTask",
    params(
        ("dry_run" = Option<bool>, Query, description = "`true`: answer what was understood and save nothing"),
        ("Idempotency-Key" = Option<String>, Header, description = "1–64 letters, digits, `-` or `_`: the same key again answers the task created the first time, for 10 minutes"),
    ),
    request_body = QuickAddInput,
    responses(
        (status = 201, description = "Created", body = Task,
            headers(("Location" = String, description = "The new task's URL"))),
        (status = 200, description = "Dry run: what the text was understood as", body = Understood),
        (status = 422, description = "Nothing left for a title, or a field is not valid", body = ErrorBody),
    ))]
pub async fn quick_add(
    user: AuthUser,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<QuickAddQuery>,
    Idempotency(key): Idempotency,
    ApiJson(input): ApiJson<QuickAddInput>,
) -> Result<Response, ApiError> {
    let new = parse_quick_add(&input.text, clock::now(), user.time_zone, user.language)?;
    if query.dry_run {
        return Ok(Json(Understood::of(&new, user.time_zone)).into_response());
    }
    let task = tasks::create_task_once(&state.db, &user, new, key.as_ref()).await?;
    let location = format!("/api/v1/tasks/{}", task.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(task),
    )
        .into_response())
}
