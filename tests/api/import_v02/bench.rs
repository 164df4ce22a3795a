//! How long 100,000 v0.2 tasks take to import (bench/IMPORT_V02.md). Not a timed assertion:
//! `cargo test -p vectora --test api import_v02::bench -- --ignored --nocapture` prints it.

use super::cli::{counts, import};
use super::source_db::SourceDb;
use crate::helpers::*;

const TASKS: usize = 100_000;

#[tokio::test]
#[ignore = "a measurement: takes minutes; run it with --ignored --nocapture"]
async fn import_100k_v02_tasks() {
    let source = SourceDb::sample().await;
    // 100 Telegram users, each with 1,000 tasks shaped like the sample's: Cyrillic titles,
    // escaped JSON tags, local due dates on two thirds of them, a third done.
    source
        .execute(&format!(
            "INSERT INTO tasks (id, user_id, title, description, date_time, priority, status, \
             position, created_at, updated_at, category, tags) \
             SELECT 1000 + n, (500000000 + n % 100)::text, 'Задача № ' || n, \
             CASE WHEN n % 2 = 0 THEN 'Описание задачи ' || n END, \
             CASE WHEN n % 3 <> 0 THEN timestamp '2026-12-01 09:00' + n * interval '7 minutes' END, \
             (ARRAY['low', 'normal', 'high'])[1 + n % 3], n % 3 = 0, n / 100, \
             timestamp '2026-01-01' + n * interval '1 second', \
             timestamp '2026-01-01' + n * interval '1 second' + interval '1 hour', \
             (ARRAY['работа', 'дом', 'home', NULL])[1 + n % 4], \
             ('[\"\\u0442\\u0435\\u0433' || (n % 7) || '\", \"tag' || (n % 5) || '\"]')::json \
             FROM generate_series(1, {TASKS}) AS n"
        ))
        .await;
    let app = spawn_app().await;
    let run = import(&app.db.url, &source.url, &["--time-zone", "Europe/Moscow"]).await;
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(&format!("tasks: {}", TASKS + 60)),
        "{}",
        run.stdout
    );
    let tasks = counts(&app.db.url).await[1].1;
    assert_eq!(tasks as usize, TASKS + 60);
    let time = run
        .stdout
        .lines()
        .find(|l| l.starts_with("time:"))
        .unwrap_or("");
    println!(
        "{:?}: {} v0.2 tasks imported, {time}",
        backend(),
        TASKS + 60
    );
}
