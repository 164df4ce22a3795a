//! The task service: every door that reads or changes a task calls these functions.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use super::entity::{task, task_tag, user};
use super::idempotency::{self, Claim};
use super::local_day::today_bounds;
use super::task_rows::{
    NewTaskTimes, new_task_row, owned_by, sorted, tag_rows, tags_json, to_task,
};
use super::{CurrentUser, ServiceError, clock, deleted_tasks, reminders};
use crate::model::{IdempotencyKey, NewTask, SortBy, TagList, Task, TaskId, TaskPatch, When};

/// A transaction that will change the user's tasks. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so that concurrent writers wait instead of failing with "database is
/// locked" when a read turns into a write; PostgreSQL ignores the mode.
async fn begin_change(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Moves the user's `tasks_version` on and commits, so that cached pages go stale exactly when
/// the change becomes visible. The user's row is locked last and only for the commit: writes of
/// one user still run side by side, and the lock order (task rows, then the user) never cycles.
async fn commit_change(txn: DatabaseTransaction, user: &CurrentUser) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(
            user::Column::TasksVersion,
            Expr::col(user::Column::TasksVersion).add(1),
        )
        .filter(user::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    txn.commit().await
}

async fn find_owned(
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    id: TaskId,
) -> Result<task::Model, ServiceError> {
    owned_by(user)
        .filter(task::Column::Id.eq(id))
        .one(conn)
        .await?
        .ok_or(ServiceError::NotFound)
}

async fn replace_tags(
    conn: &impl ConnectionTrait,
    task_id: TaskId,
    tags: &TagList,
) -> Result<(), ServiceError> {
    task_tag::Entity::delete_many()
        .filter(task_tag::Column::TaskId.eq(task_id))
        .exec(conn)
        .await?;
    insert_tags(conn, task_id, tags).await
}

async fn insert_tags(
    conn: &impl ConnectionTrait,
    task_id: TaskId,
    tags: &TagList,
) -> Result<(), ServiceError> {
    if tags.as_slice().is_empty() {
        return Ok(());
    }
    task_tag::Entity::insert_many(tag_rows(task_id, tags))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

pub async fn create_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    new: NewTask,
) -> Result<Task, ServiceError> {
    create_task_once(db, user, new, None).await
}

/// [`create_task`], once per `key`: the same key again (a double tap, a retry after a lost
/// answer) answers the task the first request created, or 404 when that task is gone.
pub async fn create_task_once(
    db: &DatabaseConnection,
    user: &CurrentUser,
    new: NewTask,
    key: Option<&IdempotencyKey>,
) -> Result<Task, ServiceError> {
    let now = clock::now();
    let txn = begin_change(db).await?;
    if let Some(key) = key
        && let Claim::Used(task) = idempotency::claim(&txn, user, key, now).await?
    {
        drop(txn);
        return get_task(db, user, task.ok_or(ServiceError::NotFound)?).await;
    }
    let position = match new.position {
        Some(position) => position,
        None => {
            let max: Option<Option<i32>> = owned_by(user)
                .select_only()
                .column_as(task::Column::Position.max(), "max")
                .into_tuple()
                .one(&txn)
                .await?;
            max.flatten().map_or(0, |max| max.saturating_add(1))
        }
    };
    let times = NewTaskTimes {
        date_time: new.date_time.map(|w| w.resolve(user.time_zone)),
        remind_at: new.remind_at.map(|w| w.resolve(user.time_zone)),
        now,
    };
    let row = new_task_row(user.id, &new, position, times)
        .insert(&txn)
        .await?;
    insert_tags(&txn, row.id, &new.tags).await?;
    reminders::sync_written(&txn, &row, false, now).await?;
    if let Some(key) = key {
        idempotency::record(&txn, user, key, row.id).await?;
    }
    commit_change(txn, user).await?;
    Ok(to_task(row))
}

pub async fn get_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
) -> Result<Task, ServiceError> {
    Ok(to_task(find_owned(db, user, id).await?))
}

pub async fn update_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
    patch: TaskPatch,
) -> Result<Task, ServiceError> {
    let txn = begin_change(db).await?;
    // Concurrent updates of one task (its tags are replaced as a set) take turns.
    let row = owned_by(user)
        .filter(task::Column::Id.eq(id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if patch.is_empty() {
        return Ok(to_task(row));
    }
    let now = clock::now();
    let title = patch
        .title
        .as_ref()
        .map_or(row.title.clone(), |t| t.as_str().to_owned());
    let description = match &patch.description {
        Some(d) => d.as_ref().map(|d| d.as_str().to_owned()),
        None => row.description.clone(),
    };
    let category = match &patch.category {
        Some(c) => c.as_ref().map(|c| c.as_str().to_owned()),
        None => row.category.clone(),
    };
    let tags = match &patch.tags {
        Some(tags) => tags.as_slice().to_vec(),
        None => serde_json::from_str(&row.tags).unwrap_or_default(),
    };
    let was_done = row.status;
    let had_time = reminders::has_time(&row);
    let mut active: task::ActiveModel = row.into();
    if patch.title.is_some()
        || patch.description.is_some()
        || patch.category.is_some()
        || patch.tags.is_some()
    {
        active.search_text = Set(task::search_text(
            &title,
            description.as_deref(),
            category.as_deref(),
            &tags,
        ));
        active.title = Set(title);
        active.description = Set(description);
    }
    if let Some(when) = patch.date_time {
        active.date_time = Set(when.map(|w| w.resolve(user.time_zone)));
    }
    if let Some(when) = patch.remind_at {
        active.remind_at = Set(when.map(|w| w.resolve(user.time_zone)));
    }
    if let Some(priority) = patch.priority {
        active.priority = Set(priority.rank());
    }
    if let Some(done) = patch.status.filter(|done| *done != was_done) {
        active.status = Set(done);
        active.completed_at = Set(done.then_some(now));
    }
    if let Some(position) = patch.position {
        active.position = Set(position);
    }
    if patch.category.is_some() {
        active.category = Set(category);
    }
    if let Some(tags) = &patch.tags {
        active.tags = Set(tags_json(tags));
        replace_tags(&txn, id, tags).await?;
    }
    active.updated_at = Set(now);
    let row = active.update(&txn).await?;
    reminders::sync_written(&txn, &row, had_time, now).await?;
    commit_change(txn, user).await?;
    Ok(to_task(row))
}

/// Deletes the task, keeping it for a few minutes so that [`restore_task`] can bring it back.
pub async fn delete_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
) -> Result<(), ServiceError> {
    let txn = begin_change(db).await?;
    let row = owned_by(user)
        .filter(task::Column::Id.eq(id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    deleted_tasks::keep(&txn, &row, clock::now()).await?;
    task::Entity::delete_by_id(id).exec(&txn).await?;
    commit_change(txn, user).await?;
    Ok(())
}

/// Brings back the user's task deleted less than [`deleted_tasks::KEPT_FOR`] ago, as it was and
/// under its own id (on PostgreSQL an id the sequence has already given, so later inserts are
/// unaffected); its reminder is planned as for a new task.
pub async fn restore_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
) -> Result<Task, ServiceError> {
    let now = clock::now();
    let txn = begin_change(db).await?;
    let row = deleted_tasks::take(&txn, user, id, now).await?;
    let tags: TagList =
        serde_json::from_str(&row.tags).map_err(|_| ServiceError::Internal("task snapshot"))?;
    let row = row.into_active_model().reset_all().insert(&txn).await?;
    insert_tags(&txn, row.id, &tags).await?;
    reminders::sync_written(&txn, &row, false, now).await?;
    commit_change(txn, user).await?;
    Ok(to_task(row))
}

/// Where reordered tasks go in the user's whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The listed tasks first, the others after them (the API's rule).
    Front,
    /// The listed tasks keep the places they held among the others, in the new order: what
    /// dragging within a filtered list means.
    InPlace,
}

/// Orders the listed tasks as given, placed as `placement` says, the user's other tasks keeping
/// their order; positions become 0, 1, 2, … so that the order is total.
pub async fn reorder_tasks(
    db: &DatabaseConnection,
    user: &CurrentUser,
    ids: &[TaskId],
    placement: Placement,
) -> Result<(), ServiceError> {
    use task::Column as C;
    let txn = begin_change(db).await?;
    // The rows are locked first, in id order, which no change alters: locked in position order,
    // two reorders that each saw the other's positions could wait for each other (a deadlock).
    owned_by(user)
        .select_only()
        .column(C::Id)
        .order_by_asc(C::Id)
        .lock_exclusive()
        .into_tuple::<TaskId>()
        .all(&txn)
        .await?;
    let current: Vec<(TaskId, i32)> = sorted(owned_by(user), SortBy::Position)
        .select_only()
        .column(C::Id)
        .column(C::Position)
        .into_tuple()
        .all(&txn)
        .await?;
    let positions: HashMap<TaskId, i32> = current.iter().copied().collect();
    if ids.iter().any(|id| !positions.contains_key(id)) {
        return Err(ServiceError::NotFound);
    }
    let listed: HashSet<TaskId> = ids.iter().copied().collect();
    let order: Vec<TaskId> = match placement {
        Placement::Front => ids
            .iter()
            .copied()
            .chain(
                current
                    .iter()
                    .map(|(id, _)| *id)
                    .filter(|id| !listed.contains(id)),
            )
            .collect(),
        Placement::InPlace => {
            let mut reordered = ids.iter().copied();
            current
                .iter()
                .map(|(id, _)| match listed.contains(id) {
                    true => reordered.next().unwrap_or(*id),
                    false => *id,
                })
                .collect()
        }
    };
    let now = clock::now();
    for (position, id) in order.into_iter().enumerate() {
        let position = position as i32;
        if positions[&id] != position {
            task::Entity::update_many()
                .col_expr(C::Position, Expr::value(position))
                .col_expr(C::UpdatedAt, Expr::value(now))
                .filter(C::Id.eq(id))
                .exec(&txn)
                .await?;
        }
    }
    commit_change(txn, user).await?;
    Ok(())
}

/// Moves the listed open tasks that were due before the user's today to today: at the same time
/// of day while that is still ahead, else at the end of today; a reminder moves with its task.
/// Listed tasks that are no longer overdue (done or moved meanwhile, in another tab) or not the
/// user's stay as they are. Answers how many moved.
pub async fn move_overdue_to_today(
    db: &DatabaseConnection,
    user: &CurrentUser,
    ids: &[TaskId],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u64, ServiceError> {
    use task::Column as C;
    let (today_start, _) = today_bounds(user, now);
    let today = now.with_timezone(&user.time_zone).date_naive();
    let end_of_today = When::Local(today.and_hms_opt(23, 59, 0).unwrap_or_default());
    let txn = begin_change(db).await?;
    let rows = owned_by(user)
        .filter(C::Id.is_in(ids.iter().copied()))
        .filter(C::Status.eq(false))
        .filter(C::DateTime.lt(today_start))
        .order_by_asc(C::Id)
        .lock_exclusive()
        .all(&txn)
        .await?;
    let mut moved = 0;
    for row in rows {
        let Some(due) = row.date_time else { continue };
        let same_time = When::Local(today.and_time(due.with_timezone(&user.time_zone).time()))
            .resolve(user.time_zone);
        let new_due = match same_time > now {
            true => same_time,
            false => end_of_today.resolve(user.time_zone),
        };
        let remind_at = row.remind_at.map(|at| at + (new_due - due));
        let had_time = reminders::has_time(&row);
        let mut active: task::ActiveModel = row.into();
        active.date_time = Set(Some(new_due));
        active.remind_at = Set(remind_at);
        active.updated_at = Set(now);
        let row = active.update(&txn).await?;
        reminders::sync_written(&txn, &row, had_time, now).await?;
        moved += 1;
    }
    if moved > 0 {
        commit_change(txn, user).await?;
    }
    Ok(moved)
}
