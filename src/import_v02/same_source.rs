//! v0.2 ids are only unique within one v0.2 database: before skipping rows as "imported before",
//! make sure the earlier run read this same database, so that another one (a staging copy
//! imported first, say) is not silently left out.

use std::collections::HashMap;

use anyhow::bail;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use app::server::entity::task;

use super::mapping::TASK;
use super::task_fix::FixedTask;

/// Fails when a task imported before under a v0.2 id was created at another moment than this
/// source's task of that id (neither v0.2 nor this server ever changes `created_at`). Tasks
/// deleted here since are not compared.
pub async fn check_same_source(
    conn: &impl ConnectionTrait,
    tasks: &[FixedTask],
    earlier: &HashMap<(String, i64), i64>,
) -> anyhow::Result<()> {
    let expected: HashMap<i64, &FixedTask> = tasks
        .iter()
        .filter_map(|t| Some((*earlier.get(&(TASK.to_owned(), t.v02_id))?, t)))
        .collect();
    let ids: Vec<i64> = expected.keys().copied().collect();
    for chunk in ids.chunks(500) {
        let found: Vec<(i64, DateTime<Utc>)> = task::Entity::find()
            .select_only()
            .column(task::Column::Id)
            .column(task::Column::CreatedAt)
            .filter(task::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(conn)
            .await?;
        for (id, created_at) in found {
            let source = expected[&id];
            if created_at != source.created_at {
                bail!(
                    "this target already holds an import of another v0.2 database: v0.2 task {} \
                     came from a task created at {created_at}, this source's was created at {}",
                    source.v02_id,
                    source.created_at
                );
            }
        }
    }
    Ok(())
}
