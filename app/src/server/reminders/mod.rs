//! Reminder rows, kept in step with the tasks: every change to a task plans its reminder again
//! in the same transaction, so a reminder never outlives the time it was planned for.

pub mod digest;
pub mod queue;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
};

use super::entity::reminder::{self, State};
use super::entity::{task, user};
use super::{CurrentUser, ServiceError, clock, task_rows};
use crate::model::TaskId;

/// How late a reminder may still go out (after a restart, say); older ones are recorded as
/// missed instead.
pub const GRACE: Duration = Duration::minutes(30);

/// What a task asks of its reminder now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// No reminder: the task is done or has no time.
    None,
    /// Its time has passed: whatever was planned stands, nothing new is planned.
    Past,
    At(DateTime<Utc>),
}

/// The explicit `remind_at`, or the due time minus the user's offset; when only the offset's
/// moment has passed, the due time itself.
fn plan(task: &task::Model, offset_minutes: i32, now: DateTime<Utc>) -> Plan {
    if task.status {
        return Plan::None;
    }
    let future = |at: DateTime<Utc>| at > now;
    if let Some(at) = task.remind_at {
        return if future(at) { Plan::At(at) } else { Plan::Past };
    }
    let Some(due) = task.date_time else {
        return Plan::None;
    };
    let before = due - Duration::minutes(i64::from(offset_minutes));
    match (future(before), future(due)) {
        (true, _) => Plan::At(before),
        (false, true) => Plan::At(due),
        (false, false) => Plan::Past,
    }
}

fn pending_row(task: &task::Model, at: DateTime<Utc>, now: DateTime<Utc>) -> reminder::ActiveModel {
    reminder::ActiveModel {
        task_id: Set(task.id),
        user_id: Set(task.user_id),
        planned_at: Set(at),
        send_at: Set(at),
        state: Set(State::Pending),
        attempts: Set(0),
        claimed_until: Set(None),
        sent_at: Set(None),
        last_error: Set(None),
        updated_at: Set(now),
    }
}

/// What a reminder written again keeps of the row it replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Nothing,
    /// The moment the task asked for and when it was last sent: a snooze.
    Plan,
}

/// Writes `row` as the task's reminder, pending, in place of any it had.
async fn put_pending(
    conn: &impl ConnectionTrait,
    row: reminder::ActiveModel,
    keep: Keep,
) -> Result<(), DbErr> {
    use reminder::Column as C;
    let mut columns = vec![
        C::SendAt,
        C::State,
        C::Attempts,
        C::ClaimedUntil,
        C::LastError,
        C::UpdatedAt,
    ];
    if keep == Keep::Nothing {
        columns.extend([C::PlannedAt, C::SentAt]);
    }
    reminder::Entity::insert(row)
        .on_conflict(
            OnConflict::column(C::TaskId)
                .update_columns(columns)
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Plans `task`'s reminder again: a new time replaces the old one (and a sent reminder is sent
/// again for it), a done or undated task cancels a reminder still to come, and an unchanged time
/// keeps what happened to it (sent, snoozed).
pub async fn sync_task(
    conn: &impl ConnectionTrait,
    task: &task::Model,
    offset_minutes: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let existing = reminder::Entity::find_by_id(task.id).one(conn).await?;
    match (plan(task, offset_minutes, now), existing) {
        (Plan::At(at), Some(row)) if row.planned_at == at && row.state != State::Cancelled => {}
        (Plan::At(at), _) => put_pending(conn, pending_row(task, at, now), Keep::Nothing).await?,
        (Plan::None, Some(row)) if matches!(row.state, State::Pending | State::Sending) => {
            reminder::Entity::update_many()
                .col_expr(reminder::Column::State, Expr::value(State::Cancelled))
                .col_expr(reminder::Column::UpdatedAt, Expr::value(now))
                .filter(reminder::Column::TaskId.eq(task.id))
                .exec(conn)
                .await?;
        }
        _ => {}
    }
    Ok(())
}

/// Whether the task has a time a reminder can come from.
pub fn has_time(task: &task::Model) -> bool {
    task.date_time.is_some() || task.remind_at.is_some()
}

/// Plans the reminder of a task just written, in the writer's transaction; `had_time` says
/// whether it had a due or reminder time before. A task that has never had one is left alone
/// (no reminder to plan or cancel, nothing read).
pub async fn sync_written(
    conn: &impl ConnectionTrait,
    task: &task::Model,
    had_time: bool,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if !had_time && !has_time(task) {
        return Ok(());
    }
    let offset = offset_of(conn, task.user_id).await?;
    sync_task(conn, task, offset, now).await
}

/// The user's reminder offset, read inside the caller's transaction.
pub async fn offset_of(conn: &impl ConnectionTrait, user_id: i64) -> Result<i32, DbErr> {
    let offset: Option<i32> = user::Entity::find_by_id(user_id)
        .select_only()
        .column(user::Column::ReminderOffsetMinutes)
        .into_tuple()
        .one(conn)
        .await?;
    Ok(offset.unwrap_or(0))
}

/// Plans reminders for tasks written in bulk (the v0.2 import), reading each owner's offset once.
pub async fn sync_inserted(
    conn: &impl ConnectionTrait,
    rows: &[task::Model],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut offsets = std::collections::HashMap::new();
    for row in rows {
        // Whatever the offset, a reminder is planned exactly when one is planned without it.
        if !matches!(plan(row, 0, now), Plan::At(_)) {
            continue;
        }
        let offset = match offsets.get(&row.user_id) {
            Some(offset) => *offset,
            None => {
                let offset = offset_of(conn, row.user_id).await?;
                offsets.insert(row.user_id, offset);
                offset
            }
        };
        sync_task(conn, row, offset, now).await?;
    }
    Ok(())
}

/// Plans every open dated task of the user again, after their offset changed.
pub(crate) async fn sync_user(
    conn: &impl ConnectionTrait,
    user_id: i64,
    offset_minutes: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let open = task::Entity::find()
        .filter(task::Column::UserId.eq(user_id))
        .filter(task::Column::Status.eq(false))
        .filter(task::Column::DateTime.is_not_null())
        .filter(task::Column::RemindAt.is_null())
        .all(conn)
        .await?;
    for task in &open {
        sync_task(conn, task, offset_minutes, now).await?;
    }
    Ok(())
}

/// Sends the task's reminder again at `until`, whatever its state; the task must be the user's.
/// A task already done is left alone: `false`.
pub async fn snooze(
    db: &sea_orm::DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
    until: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let task = task_rows::owned_by(user)
        .filter(task::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if task.status {
        return Ok(false);
    }
    let now = clock::now();
    let planned = reminder::Entity::find_by_id(id)
        .one(db)
        .await?
        .map_or(until, |row| row.planned_at);
    let row = reminder::ActiveModel {
        planned_at: Set(planned),
        ..pending_row(&task, until, now)
    };
    put_pending(db, row, Keep::Plan).await?;
    Ok(true)
}

/// A person who blocked the bot gets no more reminders or digests: their setting goes off (they
/// can turn it on again in Settings) and the reminders still to come are cancelled.
pub async fn stop_for_blocked(
    db: &sea_orm::DatabaseConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::RemindersEnabled, Expr::value(false))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    reminder::Entity::update_many()
        .col_expr(reminder::Column::State, Expr::value(State::Cancelled))
        .col_expr(reminder::Column::LastError, Expr::value("blocked"))
        .col_expr(reminder::Column::UpdatedAt, Expr::value(now))
        .filter(reminder::Column::UserId.eq(user_id))
        .filter(reminder::Column::State.eq(State::Pending))
        .exec(db)
        .await?;
    Ok(())
}

/// The task's reminder row, for the services and the tests that look at it.
pub async fn find(
    db: &sea_orm::DatabaseConnection,
    task_id: TaskId,
) -> Result<Option<reminder::Model>, ServiceError> {
    Ok(reminder::Entity::find_by_id(task_id).one(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn task(date_time: Option<DateTime<Utc>>, remind_at: Option<DateTime<Utc>>) -> task::Model {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        task::Model {
            id: 1,
            user_id: 1,
            title: "t".into(),
            description: None,
            date_time,
            remind_at,
            priority: 1,
            status: false,
            completed_at: None,
            position: 0,
            category: None,
            tags: "[]".into(),
            search_text: "t".into(),
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn plans_the_offset_the_explicit_time_or_the_due_time() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        let due = now + Duration::hours(2);
        assert_eq!(
            plan(&task(Some(due), None), 30, now),
            Plan::At(due - Duration::minutes(30))
        );
        let explicit = now + Duration::hours(1);
        assert_eq!(
            plan(&task(Some(due), Some(explicit)), 30, now),
            Plan::At(explicit)
        );
        // The offset's moment has passed, the due time has not.
        assert_eq!(plan(&task(Some(due), None), 180, now), Plan::At(due));
        assert_eq!(
            plan(&task(Some(now - Duration::hours(1)), None), 0, now),
            Plan::Past
        );
        assert_eq!(
            plan(&task(None, Some(now - Duration::minutes(1))), 0, now),
            Plan::Past
        );
        assert_eq!(plan(&task(None, None), 0, now), Plan::None);
        let mut done = task(Some(due), None);
        done.status = true;
        assert_eq!(plan(&done, 0, now), Plan::None);
    }
}
