//! Rows that break today's rules (as v0.2's unchecked PUT or its debug mode wrote them) are fixed
//! minimally or skipped, and each is reported with its v0.2 id and the reason.

use serde_json::Value;

use super::cli::{import, task_ids};
use super::source_db::SourceDb;
use crate::helpers::*;

const HASH: &str = "$argon2id$v=19$m=65536,t=3,p=4$xThnLKXUeo8xxngvBUBIyQ$W1d/asnoC1EDtrJQUrsbQNKukJcqoaTrVLtoQx6VLYg";

#[tokio::test]
async fn corrupted_v02_rows_are_fixed_or_skipped_and_reported() {
    let source = SourceDb::sample().await;
    let twelve_tags = (1..=12)
        .map(|i| format!("\"tag{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    source
        .execute(&format!(
            "INSERT INTO tasks (id, user_id, title, priority, status, position, created_at, \
             updated_at, tags) VALUES \
             (100, 'test_user', 'Debug task', 'normal', false, 0, now(), now(), '[]'), \
             (101, '111111111', 'Urgent one', 'urgent', false, 30, now(), now(), '[]'), \
             (102, '222222222', '   ', 'high', true, 30, now(), now(), '[]'), \
             (103, '333333333', repeat('я', 600), 'low', false, NULL, now(), now(), '[]'), \
             (104, '333333333', 'Many tags', 'normal', false, 31, now(), now(), '[{twelve_tags}]'), \
             (105, NULL, 'No owner', 'normal', false, 0, now(), now(), '[]'), \
             (106, '111111111', 'Tags not a list', 'low', false, 31, now(), now(), '\"oops\"'); \
             INSERT INTO users (id, telegram_id, username, hashed_password, is_active, \
             created_at, updated_at) VALUES \
             (10, NULL, 'bad name!', '{HASH}', true, now(), now()), \
             (11, 'abc', 'odd_link', '{HASH}', true, now(), now()), \
             (12, NULL, 'bcrypt_user', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW', true, now(), now());"
        ))
        .await;
    let app = spawn_app().await;
    let run = import(&app.db.url, &source.url, &[]).await;
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for (line, words) in [
        ("task 100: ", &["test_user"][..]),
        ("task 101: ", &["urgent", "normal"]),
        ("task 102: ", &["title", "(untitled)"]),
        ("task 103: ", &["500", "position"]),
        ("task 104: ", &["tag11", "tag12"]),
        ("task 105: ", &["no user id"]),
        ("task 106: ", &["not a JSON list"]),
        ("account 10: ", &["bad name!"]),
        ("account 11: ", &["abc", "without a Telegram link"]),
        ("account 12: ", &["Argon2"]),
    ] {
        let reported = out
            .lines()
            .find(|l| l.trim_start().starts_with(line))
            .unwrap_or_else(|| panic!("{line} is reported in\n{out}"));
        for word in words {
            assert!(reported.contains(word), "{word} in {reported}");
        }
    }
    assert!(
        out.contains("tasks: 65, accounts: 4, fixed: 6, skipped: 4"),
        "{out}"
    );

    let ids = task_ids(&app.db.url).await;
    assert!(!ids.contains_key(&100) && !ids.contains_key(&105));
    let task = |telegram_id: i64, v02_id: i64| {
        let app = &app;
        let id = ids[&v02_id];
        async move {
            let response = app
                .get(&TestUser::new(telegram_id), &format!("/api/v1/tasks/{id}"))
                .await;
            response.json::<Value>().await.unwrap()
        }
    };
    assert_eq!(task(111111111, 101).await["priority"], "normal");
    let untitled = task(222222222, 102).await;
    assert_eq!(untitled["title"], "(untitled)");
    assert_eq!(untitled["status"], true);
    let long = task(333333333, 103).await;
    assert_eq!(long["title"].as_str().unwrap().chars().count(), 500);
    assert_eq!(long["position"], 32, "after the user's last position");
    let many = task(333333333, 104).await;
    assert_eq!(many["tags"].as_array().unwrap().len(), 10);
    assert_eq!(task(111111111, 106).await["tags"], serde_json::json!([]));
    let odd = app.login_json("odd_link", "Passw0rd2025").await;
    assert_eq!(odd.status(), reqwest::StatusCode::OK);
    assert_eq!(
        odd.json::<Value>().await.unwrap()["telegram_id"],
        Value::Null
    );
}
