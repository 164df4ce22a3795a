//! Deleted tasks are kept for [`KEPT_FOR`], so that a delete can be undone: each task's row as it
//! was (its tags included), under its own id, written in the deleting transaction. A user's
//! deleted tasks kept longer are forgotten at their next delete.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};

use super::entity::deleted_task::{ActiveModel, Column, Entity};
use super::entity::task;
use super::{CurrentUser, ServiceError};
use crate::model::TaskId;

/// How long a deleted task can be restored: far longer than the Undo the app shows.
pub const KEPT_FOR: Duration = Duration::minutes(5);

/// Keeps `row`, which the transaction `conn` deletes, and forgets its owner's deleted tasks kept
/// longer than [`KEPT_FOR`].
pub async fn keep(
    conn: &impl ConnectionTrait,
    row: &task::Model,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    Entity::delete_many()
        .filter(Column::UserId.eq(row.user_id))
        .filter(Column::DeletedAt.lt(now - KEPT_FOR))
        .exec(conn)
        .await?;
    let snapshot =
        serde_json::to_string(row).map_err(|_| ServiceError::Internal("task snapshot"))?;
    let kept = ActiveModel {
        task_id: Set(row.id),
        user_id: Set(row.user_id),
        snapshot: Set(snapshot),
        deleted_at: Set(now),
    };
    Entity::insert(kept)
        .on_conflict(
            OnConflict::column(Column::TaskId)
                .update_columns([Column::UserId, Column::Snapshot, Column::DeletedAt])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Takes the user's deleted task `id` out of keeping, in the restoring transaction `conn`, and
/// answers its row: `NotFound` when none is kept (never deleted, another user's, restored
/// already), `Expired` once it has been kept longer than [`KEPT_FOR`].
pub async fn take(
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    id: TaskId,
    now: DateTime<Utc>,
) -> Result<task::Model, ServiceError> {
    // Two restores of one task take turns; the second then finds nothing.
    let kept = Entity::find_by_id(id)
        .filter(Column::UserId.eq(user.id))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if kept.deleted_at < now - KEPT_FOR {
        return Err(ServiceError::Expired);
    }
    Entity::delete_by_id(id).exec(conn).await?;
    serde_json::from_str(&kept.snapshot).map_err(|_| ServiceError::Internal("task snapshot"))
}
