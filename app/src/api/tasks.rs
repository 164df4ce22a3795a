use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use super::AppError;
#[cfg(feature = "ssr")]
use super::signed_in;
use crate::model::{NewTaskInput, Task, TaskId, TaskPatchInput, TaskQueryInput};

/// One page of the user's tasks, and how many matched before paging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskList {
    pub tasks: Vec<Task>,
    pub total: u64,
}

/// JSON, because a query with no filters has no fields to put in a form.
#[server(input = Json, endpoint = "tasks/list")]
pub async fn list_tasks(query: TaskQueryInput) -> Result<TaskList, AppError> {
    let (state, user) = signed_in().await?;
    let query = crate::model::TaskQuery::parse(query)?;
    let page = crate::server::task_list::list_tasks(&state.db, &user, &query).await?;
    Ok(TaskList {
        tasks: page.tasks,
        total: page.total,
    })
}

#[server(endpoint = "tasks/get")]
pub async fn get_task(id: TaskId) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::tasks::get_task(&state.db, &user, id).await?)
}

#[server(endpoint = "tasks/create")]
pub async fn create_task(input: NewTaskInput) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    let new = crate::model::NewTask::parse(input)?;
    Ok(crate::server::tasks::create_task(&state.db, &user, new).await?)
}

/// A partial update; JSON so that an explicit `null` can clear a field.
#[server(input = Json, endpoint = "tasks/update")]
pub async fn update_task(id: TaskId, patch: TaskPatchInput) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::TaskPatch::parse(patch)?;
    Ok(crate::server::tasks::update_task(&state.db, &user, id, patch).await?)
}

/// Ticks or unticks a task; a plain form field, so it works without WASM.
#[server(endpoint = "tasks/set-done")]
pub async fn set_task_done(id: TaskId, done: bool) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::TaskPatch {
        status: Some(done),
        ..Default::default()
    };
    Ok(crate::server::tasks::update_task(&state.db, &user, id, patch).await?)
}

#[server(endpoint = "tasks/delete")]
pub async fn delete_task(id: TaskId) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::tasks::delete_task(&state.db, &user, id).await?)
}

#[server(input = Json, endpoint = "tasks/reorder")]
pub async fn reorder_tasks(ids: Vec<TaskId>) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    let ids = crate::model::ReorderInput { ids }.parse()?;
    Ok(crate::server::tasks::reorder_tasks(&state.db, &user, &ids).await?)
}
