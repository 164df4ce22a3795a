//! scripts/backup.sh and scripts/restore.sh on the database of a running server: data made through
//! the API survives a backup, a wipe and a restore row for row; old backups are pruned; a failed
//! dump leaves no file behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, FromQueryResult, JsonValue, Statement,
};
use serde_json::json;

use crate::api_tokens::create_token;
use crate::helpers::*;

fn script(name: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join(name);
    let mut command = Command::new(path);
    command.args(args).env_remove("DATABASE_URL");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the script runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn tables(db: &DatabaseConnection) -> Vec<String> {
    let sql = match backend() {
        Backend::Sqlite => {
            "SELECT name AS name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        }
    };
    let rows = JsonValue::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
        .all(db)
        .await
        .unwrap();
    rows.into_iter()
        .map(|row| row["name"].as_str().unwrap().to_owned())
        .collect()
}

/// Every row of every table, in a stable order.
async fn snapshot(url: &str) -> BTreeMap<String, Vec<JsonValue>> {
    let db = Database::connect(url).await.unwrap();
    let mut all = BTreeMap::new();
    for table in tables(&db).await {
        let sql = format!("SELECT * FROM \"{table}\" ORDER BY 1");
        let rows =
            JsonValue::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
                .all(&db)
                .await
                .unwrap();
        all.insert(table, rows);
    }
    db.close().await.ok();
    all
}

async fn wipe(url: &str) {
    let db = Database::connect(url).await.unwrap();
    match backend() {
        Backend::Postgres => {
            db.execute_unprepared("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
                .await
                .unwrap();
        }
        Backend::Sqlite => {
            db.execute_unprepared("PRAGMA foreign_keys = OFF")
                .await
                .unwrap();
            for table in tables(&db).await {
                db.execute_unprepared(&format!("DELETE FROM \"{table}\""))
                    .await
                    .unwrap();
            }
        }
    }
    db.close().await.ok();
}

async fn fill(app: &TestApp) {
    let anna = TestUser::new(7101);
    let boris = TestUser::new(7102);
    let first = app
        .post_task_id(
            &anna,
            json!({"title": "Купить молоко", "description": "2 литра, «Простоквашино»",
                   "priority": "high", "category": "Дом", "tags": ["магазин", "утро"],
                   "date_time": "2026-12-01T09:30:00Z"}),
        )
        .await;
    let second = app
        .post_task_id(
            &anna,
            json!({"title": "Write the report", "tags": ["work"]}),
        )
        .await;
    app.reorder(&anna, json!([second, first])).await;
    app.patch_task(&anna, second, json!({"status": true})).await;
    app.post_task(&boris, json!({"title": "Boris's own"})).await;
    app.registered("backup_user").await;
    create_token(app, &anna, "cron").await;
}

#[tokio::test]
async fn a_backup_restores_every_row_after_a_wipe() {
    let app = spawn_app().await;
    fill(&app).await;
    let before = snapshot(&app.db.url).await;
    assert!(before["tasks"].len() >= 3 && !before["users"].is_empty());

    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().to_str().unwrap();
    let env = [
        ("DATABASE_URL", app.db.url.as_str()),
        ("BACKUP_DIR", dir_path),
    ];
    let backup = script("backup.sh", &[], &env);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    let file = PathBuf::from(text(&backup.stdout).trim());
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("vectora_backup_") && name.ends_with(".sql.gz") && name.len() == 37,
        "{name}"
    );
    assert!(file.starts_with(dir.path()) && file.is_file());

    wipe(&app.db.url).await;
    assert_ne!(
        snapshot(&app.db.url).await,
        before,
        "the wipe emptied the database"
    );

    let restore = script("restore.sh", &[file.to_str().unwrap()], &env);
    assert!(restore.status.success(), "{}", text(&restore.stderr));
    assert_eq!(snapshot(&app.db.url).await, before);
}

#[tokio::test]
async fn backups_older_than_seven_days_are_deleted_and_newer_ones_kept() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let aged = |name: &str, days: u32| {
        let path = dir.path().join(name);
        std::fs::write(&path, b"old").unwrap();
        let touched = Command::new("touch")
            .args(["-d", &format!("{days} days ago"), path.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(touched.success());
        path
    };
    let stale = aged("vectora_backup_20200101_020000.sql.gz", 9);
    let recent = aged("vectora_backup_20200102_020000.sql.gz", 5);
    let unrelated = aged("notes.txt", 30);
    let env = [
        ("DATABASE_URL", app.db.url.as_str()),
        ("BACKUP_DIR", dir.path().to_str().unwrap()),
    ];
    let backup = script("backup.sh", &[], &env);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    assert!(!stale.exists());
    assert!(recent.exists() && unrelated.exists());
}

#[tokio::test]
async fn a_failed_dump_leaves_no_file_and_says_why_without_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let url = match backend() {
        Backend::Postgres => "postgres://nobody:hunter2secret@127.0.0.1:1/none".to_owned(),
        Backend::Sqlite => format!("sqlite://{}/missing.db", dir.path().display()),
    };
    let env = [
        ("DATABASE_URL", url.as_str()),
        ("BACKUP_DIR", dir.path().to_str().unwrap()),
    ];
    let backup = script("backup.sh", &[], &env);
    assert!(!backup.status.success());
    assert!(
        !text(&backup.stderr).contains("hunter2secret"),
        "{}",
        text(&backup.stderr)
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");

    let restore = script("restore.sh", &["/nonexistent/backup.sql.gz"], &env);
    assert!(!restore.status.success());
    assert!(text(&restore.stderr).contains("no backup file"));
}
