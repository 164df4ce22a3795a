//! Creating requests that come twice with the same key create once: the key is claimed in the
//! creating transaction before the task is written, and the second request finds the first one's
//! task. On PostgreSQL a second claim of a key not yet committed waits for that commit; on SQLite
//! the write lock taken at `BEGIN` keeps them apart. Keys are forgotten after [`KEPT_FOR`].

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::CurrentUser;
use super::entity::idempotency_key::{ActiveModel, Column, Entity};
use crate::model::{IdempotencyKey, TaskId};

/// How long a key is remembered: far longer than any retry of one request.
pub const KEPT_FOR: Duration = Duration::minutes(10);

/// What a claim found.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// The key is new: this request creates, then [`record`]s its task.
    New,
    /// The key was used before, for this task.
    Used(Option<TaskId>),
}

/// Claims `key` for `user` in the creating transaction `conn`, forgetting the user's old keys.
pub async fn claim(
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    key: &IdempotencyKey,
    now: DateTime<Utc>,
) -> Result<Claim, DbErr> {
    Entity::delete_many()
        .filter(Column::UserId.eq(user.id))
        .filter(Column::CreatedAt.lt(now - KEPT_FOR))
        .exec(conn)
        .await?;
    let row = ActiveModel {
        user_id: Set(user.id),
        key: Set(key.as_str().to_owned()),
        task_id: Set(None),
        created_at: Set(now),
    };
    let inserted = Entity::insert(row)
        .on_conflict(
            OnConflict::columns([Column::UserId, Column::Key])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let used = Entity::find_by_id((user.id, key.as_str().to_owned()))
        .one(conn)
        .await?;
    Ok(Claim::Used(used.and_then(|row| row.task_id)))
}

/// Remembers the task the claimed `key` created.
pub async fn record(
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    key: &IdempotencyKey,
    task: TaskId,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::TaskId, sea_orm::sea_query::Expr::value(task))
        .filter(Column::UserId.eq(user.id))
        .filter(Column::Key.eq(key.as_str()))
        .exec(conn)
        .await?;
    Ok(())
}
