//! Runs `vectora import-v02` (the real binary) and reads the target's row counts.

use std::process::{Command, Output};

use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// `vectora import-v02 --from <source> ARGS` with `DATABASE_URL=<target>`, off the async threads.
pub async fn import(target: &str, source: &str, args: &[&str]) -> Run {
    let (target, source) = (target.to_owned(), source.to_owned());
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let output: Output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_vectora"))
            .current_dir(std::env::temp_dir())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", target)
            .args(["import-v02", "--from", &source])
            .args(args)
            .output()
            .expect("the vectora binary runs")
    })
    .await
    .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Rows in each table the import writes.
pub async fn counts(target: &str) -> Vec<(&'static str, i64)> {
    let db = Database::connect(target).await.expect("target opens");
    let mut counts = Vec::new();
    for table in ["users", "tasks", "task_tags", "v02_imports"] {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) FROM {table}"),
            ))
            .await
            .expect("count")
            .expect("a row");
        counts.push((table, row.try_get_by_index::<i64>(0).expect("a number")));
    }
    db.close().await.ok();
    counts
}

/// The target id of each imported v0.2 task.
pub async fn task_ids(target: &str) -> std::collections::HashMap<i64, i64> {
    let db = Database::connect(target).await.expect("target opens");
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT v02_id, target_id FROM v02_imports WHERE kind = 'task'",
        ))
        .await
        .expect("the mapping reads");
    db.close().await.ok();
    rows.iter()
        .map(|row| {
            (
                row.try_get_by_index::<i64>(0).unwrap(),
                row.try_get_by_index::<i64>(1).unwrap(),
            )
        })
        .collect()
}

pub fn is_sqlite(url: &str) -> bool {
    DbBackend::Sqlite.is_prefix_of(url)
}
