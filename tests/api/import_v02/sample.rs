//! The sample v0.2 database comes over whole: each row field by field through each user's JSON
//! API, each account by its password; a dry run writes nothing and a second run adds nothing.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use reqwest::StatusCode;
use sea_orm::sqlx::{self, Connection, PgConnection, Row};
use serde_json::Value;

use super::cli::{counts, import, task_ids};
use super::source_db::SourceDb;
use crate::helpers::*;

const ZONE: &str = "Europe/Moscow";

/// A v0.2 task row, read straight from the source.
struct SourceTask {
    id: i64,
    user_id: i64,
    title: String,
    description: Option<String>,
    date_time: Option<NaiveDateTime>,
    priority: String,
    status: bool,
    position: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    category: Option<String>,
    tags: Vec<String>,
}

async fn source_tasks(url: &str) -> Vec<SourceTask> {
    let mut conn = PgConnection::connect(url).await.unwrap();
    let rows = sqlx::query(
        "SELECT id, user_id, title, description, date_time, priority, status, position, \
         created_at, updated_at, category, tags::text AS tags FROM tasks ORDER BY id",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    rows.iter()
        .map(|row| {
            let tags: Vec<String> = serde_json::from_str(row.get::<&str, _>("tags")).unwrap();
            SourceTask {
                id: i64::from(row.get::<i32, _>("id")),
                user_id: row.get::<String, _>("user_id").parse().unwrap(),
                title: row.get("title"),
                description: row.get("description"),
                date_time: row.get("date_time"),
                priority: row.get("priority"),
                status: row.get("status"),
                position: row.get("position"),
                created_at: row.get("created_at"),
                updated_at: row.get("updated_at"),
                category: row.get("category"),
                tags,
            }
        })
        .collect()
}

fn utc(naive: NaiveDateTime) -> Value {
    Value::String(Utc.from_utc_datetime(&naive).to_rfc3339())
}

fn moment(value: &Value) -> Value {
    match value.as_str() {
        Some(text) => Value::String(
            DateTime::parse_from_rfc3339(text)
                .unwrap_or_else(|e| panic!("{text}: {e}"))
                .with_timezone(&Utc)
                .to_rfc3339(),
        ),
        None => Value::Null,
    }
}

/// What the API must show for a v0.2 row: blank descriptions are none, zone-less due dates are
/// Moscow time, tags are decoded and each kept once (ignoring case).
fn expected(row: &SourceTask) -> Value {
    let zone: Tz = ZONE.parse().unwrap();
    let mut tags: Vec<String> = Vec::new();
    for tag in &row.tags {
        if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag.clone());
        }
    }
    serde_json::json!({
        "title": row.title,
        "description": row.description.clone().filter(|d| !d.trim().is_empty()),
        "date_time": row.date_time.map(|local| {
            zone.from_local_datetime(&local).single().unwrap().with_timezone(&Utc).to_rfc3339()
        }),
        "priority": row.priority,
        "status": row.status,
        "completed_at": if row.status { utc(row.updated_at) } else { Value::Null },
        "position": row.position,
        "category": row.category,
        "tags": tags,
        "created_at": utc(row.created_at),
        "updated_at": utc(row.updated_at),
    })
}

fn shown(task: &Value) -> Value {
    serde_json::json!({
        "title": task["title"],
        "description": task["description"],
        "date_time": moment(&task["date_time"]),
        "priority": task["priority"],
        "status": task["status"],
        "completed_at": moment(&task["completed_at"]),
        "position": task["position"],
        "category": task["category"],
        "tags": task["tags"],
        "created_at": moment(&task["created_at"]),
        "updated_at": moment(&task["updated_at"]),
    })
}

#[tokio::test]
async fn the_v02_sample_comes_over_field_by_field_once() {
    let source = SourceDb::sample().await;
    let app = spawn_app().await;
    let target = app.db.url.clone();
    let empty = counts(&target).await;

    let dry = import(&target, &source.url, &["--time-zone", ZONE, "--dry-run"]).await;
    assert_eq!(dry.code, Some(0), "{}{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout
            .contains("users: 4 (4 new), tasks: 60, accounts: 3, fixed: 0, skipped: 0"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("Dry run: nothing was written."),
        "{}",
        dry.stdout
    );
    assert_eq!(counts(&target).await, empty, "a dry run writes nothing");

    let run = import(&target, &source.url, &["--time-zone", ZONE]).await;
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let summary = |out: &str| {
        out.lines()
            .filter(|l| l.starts_with("users:"))
            .collect::<Vec<_>>()
            .join("")
    };
    assert_eq!(
        summary(&run.stdout),
        summary(&dry.stdout),
        "the dry run told the same"
    );
    assert!(run.stdout.contains("time: "), "{}", run.stdout);

    let rows = source_tasks(&source.url).await;
    let ids = task_ids(&target).await;
    assert_eq!(ids.len(), 60);
    let mut per_user: HashMap<i64, usize> = HashMap::new();
    for row in &rows {
        *per_user.entry(row.user_id).or_default() += 1;
    }
    assert_eq!(per_user.len(), 3);
    for (&telegram_id, &count) in &per_user {
        let user = TestUser::new(telegram_id);
        let (listed, total) = app.list(&user, "?limit=500").await;
        assert_eq!(
            total as usize, count,
            "user {telegram_id} sees their own tasks"
        );
        let by_id: HashMap<i64, &Value> = listed
            .iter()
            .map(|t| (t["id"].as_i64().unwrap(), t))
            .collect();
        for row in rows.iter().filter(|r| r.user_id == telegram_id) {
            let task = by_id
                .get(&ids[&row.id])
                .unwrap_or_else(|| panic!("v0.2 task {} is in its owner's list", row.id));
            assert_eq!(shown(task), expected(row), "v0.2 task {}", row.id);
        }
        let me = app.me(&user).await;
        assert_eq!(me["time_zone"], ZONE);
    }

    // Open tasks still ahead get their reminders, as tasks made here do; the rest get none.
    let zone: Tz = ZONE.parse().unwrap();
    let db = sea_orm::Database::connect(&target).await.unwrap();
    let mut ahead = 0;
    for row in &rows {
        let due = row
            .date_time
            .map(|local| zone.from_local_datetime(&local).single().unwrap());
        let expected = !row.status && due.is_some_and(|due| due > Utc::now());
        ahead += usize::from(expected);
        let reminder = app::server::reminders::find(&db, ids[&row.id])
            .await
            .unwrap();
        assert_eq!(reminder.is_some(), expected, "v0.2 task {}", row.id);
        if let Some(reminder) = reminder {
            assert_eq!(reminder.planned_at, due.unwrap().with_timezone(&Utc));
        }
    }
    assert!(ahead > 0, "the sample has open tasks ahead");
    db.close().await.ok();

    for (username, password, telegram_id) in [
        ("alex_smirnov", "Passw0rd2025", Some(111111111)),
        ("john_doe", "Secret2025x", Some(222222222)),
        ("web_only_user", "WebOnly123", None),
    ] {
        let login = app.login_json(username, password).await;
        assert_eq!(
            login.status(),
            StatusCode::OK,
            "{username} logs in with the v0.2 password"
        );
        let profile: Value = login.json().await.unwrap();
        assert_eq!(profile["telegram_id"].as_i64(), telegram_id, "{username}");
        assert_eq!(
            app.login_json(username, "wrong1password").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }

    let imported = counts(&target).await;
    let again = import(&target, &source.url, &["--time-zone", ZONE]).await;
    assert_eq!(again.code, Some(0), "{}{}", again.stdout, again.stderr);
    assert!(
        again.stdout.contains(
            "Already imported by an earlier run, not imported again: 60 tasks, 3 accounts."
        ),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.contains("tasks: 0, accounts: 0"),
        "{}",
        again.stdout
    );
    assert_eq!(
        counts(&target).await,
        imported,
        "the second run adds nothing"
    );
}
