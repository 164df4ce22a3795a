use app::model::{
    NewTask, NewTaskInput, Priority, ReorderInput, Task, TaskId, TaskPatch, TaskPatchInput,
    TaskQuery, TaskQueryInput,
};
use app::server::{AppState, ServiceError, clock, page_cache, task_list, tasks};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Response};

use super::error::{ApiError, ErrorBody};
use super::extract::{ApiJson, ApiQuery, AuthUser, Idempotency};

pub const X_TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");

/// Ids that are not numbers name no task: 404, like another user's task.
fn task_id(raw: &str) -> Result<TaskId, ApiError> {
    raw.parse().map_err(|_| ServiceError::NotFound.into())
}

const TAG: &str = "tasks";

/// The user's tasks, one page of them; the total before paging is in `X-Total-Count`. Answers
/// 304 when `If-None-Match` names the current page.
#[utoipa::path(get, path = "/tasks", tag = TAG, operation_id = "listTasks",
    params(
        ("skip" = Option<u64>, Query, description = "Tasks to skip (default 0)"),
        ("limit" = Option<u64>, Query, minimum = 1, maximum = 500, description = "Page size, 1–500 (default 100)"),
        ("status" = Option<bool>, Query, description = "`true`: done only; `false`: not done only"),
        ("priority" = Option<Priority>, Query, description = "Only this priority"),
        ("search" = Option<String>, Query, description = "Case-insensitive substring of the title, description, category or tags, in any script"),
        ("category" = Option<String>, Query, description = "Only this category"),
        ("tag" = Option<String>, Query, description = "Only tasks with this tag"),
        ("due" = Option<String>, Query, description = "`overdue`, `today`, `by_today`, `upcoming`, `none` or a date `YYYY-MM-DD`, in the user's time zone"),
        ("sort_by" = Option<String>, Query, description = "`position` (default; then newest first), `date` (soonest first, undated last), `priority`, `title` or `created`"),
    ),
    responses(
        (status = 200, description = "The page of tasks", body = [Task], headers(
            ("X-Total-Count" = u64, description = "Tasks that matched, before paging"),
            ("ETag" = String, description = "Present unless the filter moves with time"),
        )),
        (status = 304, description = "The page named by `If-None-Match` is still current"),
        (status = 422, description = "A query parameter is not valid", body = ErrorBody),
    ))]
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

/// Creates a task; `Location` names it. With an `Idempotency-Key`, the same request again
/// (a retry after a lost answer) answers the task created the first time.
#[utoipa::path(post, path = "/tasks", tag = TAG, operation_id = "createTask",
    params(("Idempotency-Key" = Option<String>, Header, description = "1–64 letters, digits, `-` or `_`: the same key again answers the task created the first time, for 10 minutes")),
    request_body = NewTaskInput,
    responses(
        (status = 201, description = "Created", body = Task,
            headers(("Location" = String, description = "The new task's URL"))),
        (status = 422, description = "A field is not valid", body = ErrorBody),
    ))]
pub async fn create(
    user: AuthUser,
    State(state): State<AppState>,
    Idempotency(key): Idempotency,
    ApiJson(input): ApiJson<NewTaskInput>,
) -> Result<impl IntoResponse, ApiError> {
    let new = NewTask::parse(input)?;
    let task = tasks::create_task_once(&state.db, &user, new, key.as_ref()).await?;
    let location = format!("/api/v1/tasks/{}", task.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(task),
    ))
}

/// One task. Another user's task does not exist for you: 404.
#[utoipa::path(get, path = "/tasks/{id}", tag = TAG, operation_id = "getTask",
    params(("id" = i64, Path, description = "The task's id")),
    responses(
        (status = 200, description = "The task", body = Task),
        (status = 404, description = "No such task of yours", body = ErrorBody),
    ))]
pub async fn get(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Task>, ApiError> {
    Ok(Json(
        tasks::get_task(&state.db, &user, task_id(&id)?).await?,
    ))
}

/// Changes only the fields sent; `null` clears an optional field. `PUT` and `PATCH` alike.
#[utoipa::path(method(put, patch), path = "/tasks/{id}", tag = TAG, operation_id = "updateTask",
    params(("id" = i64, Path, description = "The task's id")),
    request_body = TaskPatchInput,
    responses(
        (status = 200, description = "The task as changed", body = Task),
        (status = 404, description = "No such task of yours", body = ErrorBody),
        (status = 422, description = "A field is not valid", body = ErrorBody),
    ))]
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

/// Deletes the task; for 5 minutes, `POST /tasks/{id}/restore` brings it back.
#[utoipa::path(delete, path = "/tasks/{id}", tag = TAG, operation_id = "deleteTask",
    params(("id" = i64, Path, description = "The task's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such task of yours", body = ErrorBody),
    ))]
pub async fn delete(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    tasks::delete_task(&state.db, &user, task_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Brings back a task deleted a few minutes ago at most, exactly as it was and under its id.
#[utoipa::path(post, path = "/tasks/{id}/restore", tag = TAG, operation_id = "restoreTask",
    params(("id" = i64, Path, description = "The deleted task's id")),
    responses(
        (status = 200, description = "The task, back", body = Task),
        (status = 404, description = "No deleted task of yours with this id (or restored already)", body = ErrorBody),
        (status = 410, description = "Deleted too long ago to be restored (kept for 5 minutes)", body = ErrorBody),
    ))]
pub async fn restore(
    user: AuthUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Task>, ApiError> {
    Ok(Json(
        tasks::restore_task(&state.db, &user, task_id(&id)?).await?,
    ))
}

/// The listed tasks move to the front, in this order.
#[utoipa::path(post, path = "/tasks/reorder", tag = TAG, operation_id = "reorderTasks",
    request_body = ReorderInput,
    responses(
        (status = 204, description = "Reordered"),
        (status = 422, description = "Too many ids, or an id twice", body = ErrorBody),
    ))]
pub async fn reorder(
    user: AuthUser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ReorderInput>,
) -> Result<StatusCode, ApiError> {
    tasks::reorder_tasks(&state.db, &user, &input.parse()?, tasks::Placement::Front).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The categories the user's tasks have, sorted, each once.
#[utoipa::path(get, path = "/tasks/metadata/categories", tag = TAG, operation_id = "listCategories",
    responses((status = 200, description = "The categories", body = [String])))]
pub async fn categories(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(task_list::list_categories(&state.db, &user).await?))
}

/// The tags the user's tasks have, sorted, each once.
#[utoipa::path(get, path = "/tasks/metadata/tags", tag = TAG, operation_id = "listTags",
    responses((status = 200, description = "The tags", body = [String])))]
pub async fn tags(
    user: AuthUser,
    State(state): State<AppState>,
) -> Result<Json<Vec<String>>, ApiError> {
    Ok(Json(task_list::list_tags(&state.db, &user).await?))
}
