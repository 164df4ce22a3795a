//! The planned rows written in one transaction on the target: all of them, or (on any error, or
//! in a dry run) none.

use std::collections::BTreeSet;

use anyhow::Context;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, SqliteTransactionMode, TransactionOptions, TransactionTrait};

use super::accounts::write_account;
use super::mapping::{self, ACCOUNT, TASK};
use super::note::{Note, RowKind};
use super::plan::Plan;
use super::progress::task_bar;
use super::same_source::check_same_source;
use super::tasks::write_tasks;
use super::users::{ensure_telegram_users, touch_tasks};

/// What this run brought over.
#[derive(Debug, Default)]
pub struct Written {
    /// Users whose account got tasks or a password account.
    pub users: usize,
    pub users_created: usize,
    pub tasks: usize,
    pub accounts: usize,
    /// Rows an earlier run imported, left alone.
    pub earlier_tasks: usize,
    pub earlier_accounts: usize,
    /// The rows fixed or skipped, in v0.2 order.
    pub notes: Vec<Note>,
}

pub async fn write(
    db: &DatabaseConnection,
    plan: &Plan,
    zone: &str,
    now: DateTime<Utc>,
    dry_run: bool,
) -> anyhow::Result<Written> {
    // SQLite: take the write lock at once rather than fail when the first read turns into a write.
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await
        .context("cannot start a transaction on the target database")?;
    let earlier = mapping::imported(&txn)
        .await
        .context("cannot read which rows were imported before (is the target migrated?)")?;
    check_same_source(&txn, &plan.tasks, &earlier).await?;
    let tasks: Vec<_> = plan
        .tasks
        .iter()
        .filter(|t| !earlier.contains_key(&(TASK.to_owned(), t.v02_id)))
        .collect();
    let accounts: Vec<_> = plan
        .accounts
        .iter()
        .filter(|a| !earlier.contains_key(&(ACCOUNT.to_owned(), a.v02_id)))
        .collect();
    let mut written = Written {
        earlier_tasks: plan.tasks.len() - tasks.len(),
        earlier_accounts: plan.accounts.len() - accounts.len(),
        notes: plan.skipped.clone(),
        ..Default::default()
    };

    let telegram_ids: BTreeSet<i64> = tasks
        .iter()
        .map(|t| t.telegram_id)
        .chain(accounts.iter().filter_map(|a| a.telegram_id))
        .collect();
    let (telegram_users, created) = ensure_telegram_users(&txn, &telegram_ids, zone, now)
        .await
        .context("cannot create the users")?;
    written.users_created = created;
    let mut touched: BTreeSet<i64> = BTreeSet::new();

    let mut remembered = Vec::new();
    for account in &accounts {
        let outcome = write_account(&txn, account, &telegram_users, zone)
            .await
            .with_context(|| format!("cannot write v0.2 account {}", account.v02_id))?;
        match outcome {
            Ok(user_id) => {
                if account.telegram_id.is_none() {
                    written.users_created += 1;
                }
                touched.insert(user_id);
                remembered.push((account.v02_id, user_id));
                if !account.changes.is_empty() {
                    let note = Note::fixed(RowKind::Account, account.v02_id, &account.changes);
                    written.notes.push(note);
                }
            }
            Err(why) => written
                .notes
                .push(Note::skipped(RowKind::Account, account.v02_id, why)),
        }
    }
    written.accounts = remembered.len();
    mapping::remember(&txn, ACCOUNT, &remembered, now).await?;

    let bar = task_bar(tasks.len());
    write_tasks(&txn, &tasks, &telegram_users, now, &bar)
        .await
        .context("cannot write the tasks")?;
    bar.finish_and_clear();
    written.tasks = tasks.len();
    for task in &tasks {
        if !task.changes.is_empty() {
            written
                .notes
                .push(Note::fixed(RowKind::Task, task.v02_id, &task.changes));
        }
    }
    let with_tasks: BTreeSet<i64> = tasks
        .iter()
        .map(|t| telegram_users[&t.telegram_id])
        .collect();
    touch_tasks(&txn, &with_tasks).await?;
    touched.extend(with_tasks);
    written.users = touched.len();
    written.notes.sort();

    if dry_run {
        txn.rollback().await?;
    } else {
        txn.commit()
            .await
            .context("cannot commit the import to the target database")?;
    }
    Ok(written)
}
