use app::model::{
    NewTask, NewTaskInput, ReorderInput, Task, TaskId, TaskPatch, TaskPatchInput, TaskQuery,
    TaskQueryInput,
};
use app::server::{AppState, ServiceError, clock, page_cache, task_list, tasks};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Response};

use super::error::ApiError;
use super::extract::{ApiJson, ApiQuery, AuthUser};

pub const X_TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");

/// Ids that are not numbers name no task: 404, like another user's task.
fn task_id(raw: &str) -> Result<TaskId, ApiError> {
    raw.parse().map_err(|_| ServiceError::NotFound.into())
}

/// Answers 304 when the client holds the current page; the body comes from the page cache.
pub async fn list(
    user: AuthUser,
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(input): ApiQuery<TaskQueryInput>,
) -> Result<Response, ApiError> {
    let query = TaskQuery::parse(input)?;
    let etag = (!page_cache::moves_with_time(&query)).then(|| page_cache::etag(&user));
    if let Some(etag) = &etag
        && has_etag(&headers, etag)
    {
        return Ok((StatusCode::NOT_MODIFIED, revalidate(Some(etag.clone()))).into_response());
    }
    let page = state
        .pages
        .list_tasks_json(&state.db, &user, &query, clock::now())
        .await?;
    let headers = [
        (header::CONTENT_TYPE, "application/json".to_owned()),
        (X_TOTAL_COUNT, page.total.to_string()),
    ];
    Ok((headers, revalidate(etag), page.body).into_response())
}

/// Clients must ask again every time; with an ETag they can be told nothing changed.
fn revalidate(etag: Option<String>) -> AppendHeaders<Vec<(HeaderName, String)>> {
    let mut headers = vec![(header::CACHE_CONTROL, "private, no-cache".to_owned())];
    if let Some(etag) = etag {
        headers.push((header::ETAG, etag));
    }
    AppendHeaders(headers)
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn has_etag(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == etag || tag == "*")
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
    tasks::reorder_tasks(&state.db, &user, &input.parse()?, tasks::Placement::Front).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn categories(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(task_list::list_categories(&state.db, &user).await?))
}

pub async fn tags(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(task_list::list_tags(&state.db, &user).await?))
}
