//! The tasks screen's quick add (`/api/tasks/quick`): the bot's parser, the list's day for a line
//! without a date, and the plain form that works without WASM.

use chrono::{DateTime, Days, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;
use crate::task_screen::screen_ids;

/// The task a quick add from the `view` list created.
async fn quick(app: &TestApp, user: &TestUser, text: &str, view: &str) -> Value {
    let answer = app
        .server_fn(user, "/api/tasks/quick")
        .form(&[("text", text), ("view", view)])
        .fetch_json()
        .await;
    assert_eq!(answer["list"], Value::Null, "no screen was named");
    answer["task"].clone()
}

fn due_day(task: &Value) -> chrono::NaiveDate {
    let due: DateTime<Utc> = task["date_time"]
        .as_str()
        .expect("a due date")
        .parse()
        .unwrap();
    due.date_naive()
}

#[tokio::test]
async fn the_line_is_read_like_the_bots_and_the_lists_day_fills_in_the_date() {
    let (app, user) = spawn_app_for(9111).await;
    // The user's zone is UTC, so the UTC date is the user's date.
    let today = Utc::now().date_naive();

    let task = quick(
        &app,
        &user,
        "купить молоко завтра 9:00 #дом !high @покупки",
        "all",
    )
    .await;
    assert_eq!(task["title"], "купить молоко");
    assert_eq!(task["tags"], json!(["дом"]));
    assert_eq!(task["priority"], "high");
    assert_eq!(task["category"], "покупки");
    assert_eq!(
        task["date_time"],
        format!(
            "{}T09:00:00Z",
            today.checked_add_days(Days::new(1)).unwrap()
        )
    );

    let plain = quick(&app, &user, "позвонить маме", "all").await;
    assert_eq!(
        plain["date_time"],
        Value::Null,
        "All: no date unless one is said"
    );
    let from_today = quick(&app, &user, "позвонить маме", "today").await;
    assert_eq!(due_day(&from_today), today);
    let from_upcoming = quick(&app, &user, "позвонить папе", "upcoming").await;
    assert_eq!(
        due_day(&from_upcoming),
        today.checked_add_days(Days::new(1)).unwrap()
    );
    let dated = quick(&app, &user, "отчёт через 3 дня", "today").await;
    assert_eq!(
        due_day(&dated),
        today.checked_add_days(Days::new(3)).unwrap(),
        "a said date wins"
    );

    // Added from Today, it is in the Today list the answer carries.
    let answer = app
        .server_fn(&user, "/api/tasks/quick")
        .form(&[
            ("text", "вынести мусор"),
            ("view", "today"),
            ("screen", "view=today"),
        ])
        .fetch_json()
        .await;
    let listed = screen_ids(&answer["list"]);
    assert!(listed.contains(&answer["task"]["id"]), "{answer}");
    assert!(listed.contains(&from_today["id"]), "{answer}");
}

#[tokio::test]
async fn a_line_with_nothing_left_for_a_title_is_refused_and_changes_nothing() {
    let (app, user) = spawn_app_for(9112).await;
    for text in ["#дом !high", "   ", &"x".repeat(1001)] {
        let refused = app
            .server_fn(&user, "/api/tasks/quick")
            .form(&[("text", text), ("view", "today")])
            .fetch()
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        let error: Value = refused.json().await.unwrap();
        assert!(
            error.as_str().is_some_and(|e| e.starts_with("validation:")),
            "{error}"
        );
    }
    assert_eq!(app.list(&user, "").await.1, 0);
}

#[tokio::test]
async fn without_wasm_the_form_posts_the_line_and_goes_back_to_the_list() {
    let (app, user) = spawn_app_for(9113).await;
    let page = app.url("/?view=today");
    let response = app
        .browser(Method::POST, "/api/tasks/quick")
        .header("authorization", format!("tma {}", user.init_data()))
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", &page)
        .form(&[("text", "полить цветы #дом"), ("view", "today")])
        .fetch()
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert!(header(&response, "location").starts_with(&page));
    let (tasks, total) = app.list(&user, "").await;
    assert_eq!(total, 1);
    assert_eq!(tasks[0]["title"], "полить цветы");
    assert_eq!(tasks[0]["tags"], json!(["дом"]));
    assert!(tasks[0]["date_time"].is_string());
}

#[tokio::test]
async fn nobody_adds_without_signing_in() {
    let app = spawn_app().await;
    let anonymous = app
        .request(Method::POST, "/api/tasks/quick")
        .header("accept", "application/json")
        .form(&[("text", "x"), ("view", "all")])
        .fetch()
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn chips_say_what_the_line_says_and_a_removed_one_stays_words() {
    let (app, user) = spawn_app_for(9114).await;
    app.set_me(&user, json!({"language": "en", "time_zone": "UTC"}))
        .await;
    let line = "купить молоко завтра 9:00 #дом !high @покупки";
    let chips = |literal: &'static str| {
        app.server_fn(&user, "/api/tasks/quick/chips")
            .form(&[("text", line), ("view", "all"), ("literal", literal)])
            .fetch_json()
    };
    let chip = |part: &str, text: &str| json!({"part": part, "text": text});
    assert_eq!(
        chips("").await,
        json!({"chips": [chip("due", "Tomorrow, 09:00"), chip("tags", "#дом"),
                         chip("priority", "High"), chip("category", "@покупки")],
               "keep": "Keep as words"})
    );
    assert_eq!(
        chips("due,tags").await["chips"],
        json!([chip("priority", "High"), chip("category", "@покупки")])
    );

    let added = app
        .server_fn(&user, "/api/tasks/quick")
        .form(&[("text", line), ("view", "all"), ("literal", "due,tags")])
        .fetch_json()
        .await;
    assert_eq!(added["task"]["title"], "купить молоко завтра 9:00 #дом");
    assert_eq!(added["task"]["date_time"], Value::Null);
    assert_eq!(added["task"]["category"], "покупки");

    let too_long = app
        .server_fn(&user, "/api/tasks/quick/chips")
        .form(&[("text", "x".repeat(1001).as_str())])
        .fetch()
        .await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let anonymous = app
        .request(Method::POST, "/api/tasks/quick/chips")
        .header("accept", "application/json")
        .form(&[("text", line)])
        .fetch()
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}
