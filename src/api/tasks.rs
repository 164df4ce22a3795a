use app::model::{
    NewTask, NewTaskInput, ReorderInput, Task, TaskId, TaskPatch, TaskPatchInput, TaskQuery,
    TaskQueryInput,
};
use app::server::{AppState, ServiceError, tasks};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use axum::response::IntoResponse;

use super::error::ApiError;
use super::extract::{ApiJson, ApiQuery, AuthUser};

pub const X_TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");

/// Ids that are not numbers name no task: 404, like another user's task.
fn task_id(raw: &str) -> Result<TaskId, ApiError> {
    raw.parse().map_err(|_| ServiceError::NotFound.into())
}

pub async fn list(
    user: AuthUser,
    State(state): State<AppState>,
    ApiQuery(input): ApiQuery<TaskQueryInput>,
) -> Result<impl IntoResponse, ApiError> {
    let query = TaskQuery::parse(input)?;
    let page = tasks::list_tasks(&state.db, &user, &query).await?;
    Ok(([(X_TOTAL_COUNT, page.total.to_string())], Json(page.tasks)))
}

pub async fn create(
    user: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<NewTaskInput>,
) -> Result<impl IntoResponse, ApiError> {
    let task = tasks::create_task(&state.db, &user, NewTask::parse(input)?).await?;
    let location = format!("/api/v1/tasks/{}", task.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(task),
    ))
}

pub async fn get(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Task>, ApiError> {
    Ok(Json(
        tasks::get_task(&state.db, &user, task_id(&id)?).await?,
    ))
}

pub async fn update(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<TaskPatchInput>,
) -> Result<Json<Task>, ApiError> {
    let id = task_id(&id)?;
    let patch = TaskPatch::parse(input)?;
    Ok(Json(tasks::update_task(&state.db, &user, id, patch).await?))
}

pub async fn delete(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    tasks::delete_task(&state.db, &user, task_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn reorder(
    user: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ReorderInput>,
) -> Result<StatusCode, ApiError> {
    tasks::reorder_tasks(&state.db, &user, &input.parse()?).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn categories(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(tasks::list_categories(&state.db, &user).await?))
}

pub async fn tags(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(tasks::list_tags(&state.db, &user).await?))
}
