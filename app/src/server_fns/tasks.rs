use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, TaskList, TmaClient};
use crate::model::{NewTaskInput, Task, TaskForm, TaskId, TaskPatchInput};

/// A task as the pages show it: with its due moment on the user's wall clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskView {
    /// Nested rather than `#[serde(flatten)]`: flattening buffers every field through serde's
    /// generic `Content`, code the first WASM would carry for this type alone.
    pub task: Task,
    pub due: Option<LocalDue>,
}

/// A task's due moment as the user's lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalDue {
    /// On the user's wall clock.
    #[serde(with = "crate::model::rfc3339::naive")]
    pub at: NaiveDateTime,
    /// Not done and past due.
    pub overdue: bool,
    /// Days from the user's today: 0 today, 1 tomorrow, -1 yesterday. The server groups by it;
    /// not sent.
    #[serde(skip)]
    pub days_away: i32,
    /// "Today, 09:30", "25 Nov, 18:00", "10 May 2031, 09:30", in the user's language (written by
    /// the server: the WASM carries no date words).
    pub label: String,
}

impl LocalDue {
    /// What `<input type="datetime-local">` shows.
    pub fn input_value(&self) -> String {
        self.at.format("%Y-%m-%dT%H:%M").to_string()
    }

    /// "09:30".
    pub fn time(&self) -> String {
        self.at.format("%H:%M").to_string()
    }
}

/// The categories and tags the user has used, for suggestions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Labels {
    pub categories: Vec<String>,
    pub tags: Vec<String>,
}

/// A change made on the tasks screen: the task as saved, and the screen's list after it when the
/// change said which (`screen`), so that the screen needs no second request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changed {
    pub task: Task,
    pub list: Option<TaskList>,
}

#[cfg(feature = "ssr")]
pub(super) fn view(
    task: Task,
    user: &crate::server::CurrentUser,
    now: chrono::DateTime<chrono::Utc>,
) -> TaskView {
    let today = now.with_timezone(&user.time_zone).date_naive();
    let due = task.date_time.map(|at| {
        let local = at.with_timezone(&user.time_zone).naive_local();
        let days_away = (local.date() - today).num_days();
        LocalDue {
            at: local,
            overdue: !task.status && at < now,
            days_away: i32::try_from(days_away).unwrap_or(i32::MAX),
            label: crate::i18n::lists::texts(user.language).due(local, today),
        }
    });
    TaskView { task, due }
}

/// The change's answer: with the screen's list when the change came from the tasks screen.
#[cfg(feature = "ssr")]
pub(super) async fn changed(
    state: &crate::server::AppState,
    user: &crate::server::CurrentUser,
    task: Task,
    screen: Option<String>,
) -> Result<Changed, AppError> {
    let list = match screen {
        Some(screen) => Some(super::task_screen::screen_list(state, user, &screen).await?),
        None => None,
    };
    Ok(Changed { task, list })
}

#[server(endpoint = "tasks/get", client = TmaClient, output = super::JsonText)]
pub async fn get_task(id: TaskId) -> Result<TaskView, AppError> {
    let (state, user) = signed_in().await?;
    let task = crate::server::tasks::get_task(&state.db, &user, id).await?;
    Ok(view(task, &user, crate::server::clock::now()))
}

#[server(endpoint = "tasks/create", client = TmaClient, output = super::JsonText)]
pub async fn create_task(input: NewTaskInput) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    let new = crate::model::NewTask::parse(input)?;
    Ok(crate::server::tasks::create_task(&state.db, &user, new).await?)
}

/// The add/edit screen's form: creates the task or replaces its fields, then goes back to the
/// list (a redirect, so that it also works as a plain HTML form).
#[server(endpoint = "tasks/save", client = TmaClient, output = super::JsonText)]
pub async fn save_task(task: TaskForm) -> Result<Task, AppError> {
    use crate::server::tasks;
    let (state, user) = signed_in().await?;
    let id = task
        .task_id()
        .map_err(|_| AppError::from(crate::server::ServiceError::NotFound))?;
    let saved = match id {
        None => {
            let new = crate::model::NewTask::parse(task.new_input())?;
            tasks::create_task(&state.db, &user, new).await?
        }
        Some(id) => {
            let patch = crate::model::TaskPatch::parse(task.patch_input())?;
            tasks::update_task(&state.db, &user, id, patch).await?
        }
    };
    leptos_axum::redirect("/");
    Ok(saved)
}

/// A partial update; JSON so that an explicit `null` can clear a field.
#[server(input = Json, endpoint = "tasks/update", client = TmaClient, output = super::JsonText)]
pub async fn update_task(id: TaskId, patch: TaskPatchInput) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::TaskPatch::parse(patch)?;
    Ok(crate::server::tasks::update_task(&state.db, &user, id, patch).await?)
}

/// Ticks or unticks a task; plain form fields, so it works without WASM. `screen`: the tasks
/// screen's query string, whose list the answer carries.
#[server(endpoint = "tasks/set-done", client = TmaClient, output = super::JsonText)]
pub async fn set_task_done(
    id: TaskId,
    done: bool,
    screen: Option<String>,
) -> Result<Changed, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::TaskPatch {
        status: Some(done),
        ..Default::default()
    };
    let task = crate::server::tasks::update_task(&state.db, &user, id, patch).await?;
    changed(&state, &user, task, screen).await
}

/// Deletes the task, then goes back to the list (its edit screen is gone).
#[server(endpoint = "tasks/delete", client = TmaClient, output = super::JsonText)]
pub async fn delete_task(id: TaskId) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    crate::server::tasks::delete_task(&state.db, &user, id).await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Brings back a task deleted a few minutes ago at most (the Undo after a delete), with its id.
#[server(endpoint = "tasks/restore", client = TmaClient, output = super::JsonText)]
pub async fn restore_task(id: TaskId) -> Result<Task, AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::tasks::restore_task(&state.db, &user, id).await?)
}

/// The listed tasks take the places they held, in the new order: dragging within any list.
#[server(endpoint = "tasks/reorder", client = TmaClient, output = super::JsonText)]
pub async fn reorder_tasks(ids: Vec<TaskId>) -> Result<(), AppError> {
    use crate::server::tasks::{Placement, reorder_tasks};
    let (state, user) = signed_in().await?;
    let ids = crate::model::ReorderInput { ids }.parse()?;
    Ok(reorder_tasks(&state.db, &user, &ids, Placement::InPlace).await?)
}

#[server(endpoint = "tasks/labels", client = TmaClient, output = super::JsonText)]
pub async fn task_labels() -> Result<Labels, AppError> {
    use crate::server::task_list::{list_categories, list_tags};
    let (state, user) = signed_in().await?;
    let (categories, tags) = tokio::try_join!(
        list_categories(&state.db, &user),
        list_tags(&state.db, &user)
    )?;
    Ok(Labels { categories, tags })
}
