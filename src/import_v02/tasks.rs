//! v0.2 tasks written in batches, each with its tags and its v0.2 id remembered.

use std::collections::HashMap;

use anyhow::ensure;
use chrono::{DateTime, Utc};
use indicatif::ProgressBar;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use app::server::entity::{task, task_tag};
use app::server::reminders;
use app::server::task_rows::{NewTaskTimes, new_task_row, tag_rows};

use super::mapping;
use super::task_fix::FixedTask;

/// Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound values.
const BATCH: usize = 500;

fn row(fixed: &FixedTask, user_id: i64) -> task::ActiveModel {
    let times = NewTaskTimes {
        date_time: fixed.date_time,
        remind_at: None,
        now: fixed.created_at,
    };
    let position = fixed.task.position.unwrap_or(0);
    task::ActiveModel {
        updated_at: Set(fixed.updated_at),
        // v0.2 did not record when; its last change is the best guess.
        completed_at: Set(fixed.task.status.then_some(fixed.updated_at)),
        ..new_task_row(user_id, &fixed.task, position, times)
    }
}

/// Writes the tasks, `telegram_users` naming each owner's account.
pub async fn write_tasks(
    conn: &impl ConnectionTrait,
    tasks: &[&FixedTask],
    telegram_users: &HashMap<i64, i64>,
    now: DateTime<Utc>,
    bar: &ProgressBar,
) -> anyhow::Result<()> {
    for batch in tasks.chunks(BATCH) {
        let mut rows = Vec::with_capacity(batch.len());
        for fixed in batch {
            let owner = telegram_users.get(&fixed.telegram_id).copied();
            let owner =
                owner.ok_or_else(|| anyhow::anyhow!("no user for task {}", fixed.v02_id))?;
            rows.push(row(fixed, owner));
        }
        let mut inserted = task::Entity::insert_many(rows)
            .exec_with_returning(conn)
            .await?;
        // One statement numbers its rows in the order given; the titles prove the pairing.
        inserted.sort_by_key(|row| row.id);
        ensure!(
            inserted.len() == batch.len()
                && inserted
                    .iter()
                    .zip(batch)
                    .all(|(row, fixed)| row.title == fixed.task.title.as_str()),
            "the database returned the inserted tasks in an unexpected order"
        );
        let tags: Vec<task_tag::ActiveModel> = inserted
            .iter()
            .zip(batch)
            .flat_map(|(row, fixed)| tag_rows(row.id, &fixed.task.tags))
            .collect();
        for chunk in tags.chunks(BATCH * 2) {
            task_tag::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(conn)
                .await?;
        }
        let pairs: Vec<(i64, i64)> = inserted
            .iter()
            .zip(batch)
            .map(|(row, fixed)| (fixed.v02_id, row.id))
            .collect();
        mapping::remember(conn, mapping::TASK, &pairs, now).await?;
        reminders::sync_inserted(conn, &inserted, now).await?;
        bar.inc(batch.len() as u64);
    }
    Ok(())
}
