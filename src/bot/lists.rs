//! The lists `/today`, `/tasks` and `/done` show, and completing a task from them.

use app::model::{FieldErrors, Task, TaskId, TaskPatch, TaskQuery};
use app::server::{AppState, CurrentUser, ServiceError, clock, task_list, tasks};
use chrono::{DateTime, Utc};

use super::texts::ListKind;

/// How many tasks one message lists (each with its own button).
pub const LIST_MAX: u64 = 20;

/// Open tasks, soonest due first: due by the end of the user's today (overdue too), or all of
/// them; `search` keeps those whose title or description has it.
pub async fn load(
    state: &AppState,
    user: &CurrentUser,
    kind: ListKind,
    search: Option<&str>,
) -> Result<Vec<Task>, ServiceError> {
    load_at(state, user, kind, search, clock::now()).await
}

/// `load` as of `now`: "today" is the user's day at that moment.
pub async fn load_at(
    state: &AppState,
    user: &CurrentUser,
    kind: ListKind,
    search: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<Task>, ServiceError> {
    let search = search
        .map(|text| TaskQuery::parse_search(text).map_err(|e| FieldErrors::single("search", e)))
        .transpose()?;
    let by_today = kind == ListKind::Today;
    task_list::list_open(&state.db, user, by_today, search, LIST_MAX, now).await
}

pub async fn complete(
    state: &AppState,
    user: &CurrentUser,
    id: TaskId,
) -> Result<Task, ServiceError> {
    let patch = TaskPatch {
        status: Some(true),
        ..TaskPatch::default()
    };
    tasks::update_task(&state.db, user, id, patch).await
}
