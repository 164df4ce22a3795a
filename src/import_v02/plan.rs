//! Every v0.2 row checked and fixed before anything is written: what the import will bring.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::account_fix::{FixedAccount, fix_account};
use super::note::{Note, RowKind};
use super::source::V02Data;
use super::task_fix::{FixedTask, fix_task};

#[derive(Debug, Default)]
pub struct Plan {
    pub tasks: Vec<FixedTask>,
    pub accounts: Vec<FixedAccount>,
    /// Rows that cannot come over at all.
    pub skipped: Vec<Note>,
    /// Accounts with an e-mail address, which this version does not keep.
    pub emails: usize,
}

pub fn plan(data: &V02Data, zone: Tz, now: DateTime<Utc>) -> Plan {
    let mut plan = Plan::default();
    for row in &data.tasks {
        match fix_task(row, zone, now) {
            Ok(task) => plan.tasks.push(task),
            Err(why) => plan
                .skipped
                .push(Note::skipped(RowKind::Task, i64::from(row.id), why)),
        }
    }
    place_unpositioned(&mut plan.tasks);
    for row in &data.accounts {
        match fix_account(row, now) {
            Ok(account) => plan.accounts.push(account),
            Err(why) => plan
                .skipped
                .push(Note::skipped(RowKind::Account, i64::from(row.id), why)),
        }
    }
    plan.emails = data
        .accounts
        .iter()
        .filter(|a| a.email.as_deref().is_some_and(|e| !e.trim().is_empty()))
        .count();
    plan
}

/// Tasks v0.2 gave no usable position go after the rest of their owner's tasks, in id order.
fn place_unpositioned(tasks: &mut [FixedTask]) {
    let mut next: HashMap<i64, i32> = HashMap::new();
    for task in tasks.iter() {
        if let Some(position) = task.task.position {
            let slot = next.entry(task.telegram_id).or_insert(0);
            *slot = (*slot).max(position.saturating_add(1));
        }
    }
    for task in tasks.iter_mut().filter(|t| t.task.position.is_none()) {
        let slot = next.entry(task.telegram_id).or_insert(0);
        task.task.position = Some(*slot);
        *slot = slot.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_v02::source::V02Task;

    fn task(id: i32, owner: &str, position: Option<i32>) -> V02Task {
        V02Task {
            id,
            user_id: Some(owner.into()),
            title: format!("task {id}"),
            description: None,
            date_time: None,
            priority: Some("normal".into()),
            status: Some(false),
            position,
            created_at: None,
            updated_at: None,
            category: None,
            tags: Some("[]".into()),
        }
    }

    #[test]
    fn tasks_without_a_position_go_last_per_user_and_orphans_are_skipped() {
        let data = V02Data {
            tasks: vec![
                task(1, "1", Some(4)),
                task(2, "1", None),
                task(3, "2", None),
                task(4, "test_user", Some(0)),
                task(5, "1", None),
            ],
            accounts: vec![],
        };
        let plan = plan(&data, Tz::UTC, Utc::now());
        let positions: Vec<(i64, Option<i32>)> = plan
            .tasks
            .iter()
            .map(|t| (t.v02_id, t.task.position))
            .collect();
        assert_eq!(
            positions,
            [(1, Some(4)), (2, Some(5)), (3, Some(0)), (5, Some(6))]
        );
        assert_eq!(plan.skipped.len(), 1);
        assert_eq!(plan.skipped[0].v02_id, 4);
    }
}
