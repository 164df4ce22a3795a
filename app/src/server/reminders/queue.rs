//! The scheduler's side of the reminders table: claim what is due, record how sending went.
//! A claim marks rows `sending` inside one transaction; on PostgreSQL the rows are picked with
//! `FOR UPDATE SKIP LOCKED`, so two schedulers never take the same reminder, and on SQLite the
//! transaction holds the write lock from its start.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use super::GRACE;
use crate::server::entity::reminder::{self, State};
use crate::server::entity::{task, user};

/// A claimed reminder with what sending it needs.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub reminder: reminder::Model,
    /// `None` when the task or its user is gone since the claim was read.
    pub task: Option<task::Model>,
    pub user: Option<user::Model>,
}

/// How one attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Try again at `at` (Telegram asked to wait, or the failure may pass).
    Retry {
        at: DateTime<Utc>,
        reason: &'static str,
    },
    Failed {
        reason: &'static str,
    },
    /// Not to be sent after all (the task is done, reminders are off, nobody to send to).
    Cancelled {
        reason: &'static str,
    },
}

fn is_due(now: DateTime<Utc>) -> Condition {
    use reminder::Column as C;
    Condition::any()
        .add(
            Condition::all()
                .add(C::State.eq(State::Pending))
                .add(C::SendAt.lte(now)),
        )
        // A claim whose scheduler stopped before recording the result.
        .add(
            Condition::all()
                .add(C::State.eq(State::Sending))
                .add(C::ClaimedUntil.lt(now)),
        )
}

/// Marks up to `limit` due reminders as being sent, until `now + lease`, and returns them.
pub async fn claim_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    limit: u64,
    lease: Duration,
) -> Result<Vec<Claimed>, DbErr> {
    use reminder::Column as C;
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    let rows = reminder::Entity::find()
        .filter(is_due(now))
        .order_by_asc(C::SendAt)
        .limit(limit)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .all(&txn)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|row| row.task_id).collect();
    let until = now + lease;
    reminder::Entity::update_many()
        .col_expr(C::State, Expr::value(State::Sending))
        .col_expr(C::ClaimedUntil, Expr::value(until))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .filter(C::TaskId.is_in(ids.clone()))
        .exec(&txn)
        .await?;
    txn.commit().await?;

    let mut tasks: HashMap<i64, task::Model> = task::Entity::find()
        .filter(task::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|task| (task.id, task))
        .collect();
    let user_ids: Vec<i64> = rows.iter().map(|row| row.user_id).collect();
    let users: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|user| (user.id, user))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| Claimed {
            task: tasks.remove(&row.task_id),
            user: users.get(&row.user_id).cloned(),
            reminder: reminder::Model {
                state: State::Sending,
                claimed_until: Some(until),
                ..row
            },
        })
        .collect())
}

/// Records reminders whose time passed more than `GRACE` ago without a scheduler to send them
/// as missed; returns how many.
pub async fn mark_missed(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    use reminder::Column as C;
    let result = reminder::Entity::update_many()
        .col_expr(C::State, Expr::value(State::Missed))
        .col_expr(C::UpdatedAt, Expr::value(now))
        .filter(is_due(now))
        .filter(C::SendAt.lt(now - GRACE))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Records `outcome` for a reminder this scheduler claimed. Returns `false` when the row changed
/// meanwhile (the task was edited, say): the change stands.
pub async fn record(
    db: &DatabaseConnection,
    claimed: &reminder::Model,
    outcome: &Outcome,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    use reminder::Column as C;
    let update = reminder::Entity::update_many()
        .col_expr(C::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(C::UpdatedAt, Expr::value(now));
    let update = match outcome {
        Outcome::Sent => update
            .col_expr(C::State, Expr::value(State::Sent))
            .col_expr(C::SentAt, Expr::value(now))
            .col_expr(C::LastError, Expr::value(Option::<String>::None)),
        Outcome::Retry { at, reason } => update
            .col_expr(C::State, Expr::value(State::Pending))
            .col_expr(C::SendAt, Expr::value(*at))
            .col_expr(C::Attempts, Expr::col(C::Attempts).add(1))
            .col_expr(C::LastError, Expr::value(*reason)),
        Outcome::Failed { reason } => update
            .col_expr(C::State, Expr::value(State::Failed))
            .col_expr(C::Attempts, Expr::col(C::Attempts).add(1))
            .col_expr(C::LastError, Expr::value(*reason)),
        Outcome::Cancelled { reason } => update
            .col_expr(C::State, Expr::value(State::Cancelled))
            .col_expr(C::LastError, Expr::value(*reason)),
    };
    let result = update
        .filter(C::TaskId.eq(claimed.task_id))
        .filter(C::State.eq(State::Sending))
        .filter(C::PlannedAt.eq(claimed.planned_at))
        .filter(C::SendAt.eq(claimed.send_at))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
