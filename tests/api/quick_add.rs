//! `POST /api/v1/tasks/quick`: one line of text read in the user's time zone and language.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

const QUICK: &str = "/api/v1/tasks/quick";

async fn set_profile(app: &TestApp, user: &TestUser, language: &str, time_zone: &str) {
    let settings = json!({"language": language, "time_zone": time_zone});
    app.set_me(user, settings).await;
}

async fn quick(app: &TestApp, user: &TestUser, path: &str, text: &str) -> reqwest::Response {
    app.send_json(user, Method::POST, path, json!({ "text": text }))
        .await
}

/// The task quick add created from `text`, which it must accept.
async fn quick_task(app: &TestApp, user: &TestUser, text: &str) -> Value {
    let response = quick(app, user, QUICK, text).await;
    json_answer(response, StatusCode::CREATED, &json!({ "text": text })).await
}

#[tokio::test]
async fn creates_the_task_it_understood_in_the_users_zone() {
    let (app, user) = spawn_app_for(7101).await;
    set_profile(&app, &user, "ru", "Europe/Moscow").await;
    let response = quick(
        &app,
        &user,
        QUICK,
        "Купить подарок 25.12.2030 10:00 #дом #Дом !high @Семья",
    )
    .await;
    let task = assert_created_at_its_location(&app, &user, response).await;
    assert_eq!(task["title"], "Купить подарок");
    assert_eq!(task["date_time"], "2030-12-25T07:00:00Z");
    assert_eq!(task["priority"], "high");
    assert_eq!(task["category"], "Семья");
    assert_eq!(task["tags"], json!(["дом"]));
    assert_eq!(task["position"], 0);
    assert_eq!(app.titles(&user, "?tag=дом").await, ["Купить подарок"]);
}

#[tokio::test]
async fn the_profile_language_decides_how_slashed_dates_read() {
    let app = spawn_app().await;
    let russian = TestUser::new(7102);
    let english = TestUser::new(7103);
    set_profile(&app, &russian, "ru", "UTC").await;
    set_profile(&app, &english, "en", "America/New_York").await;
    let text = "Renew 05/12/2031 at 18:30";
    let ru = quick_task(&app, &russian, text).await;
    let en = quick_task(&app, &english, text).await;
    assert_eq!(ru["date_time"], "2031-12-05T18:30:00Z");
    // May 12, 18:30 in New York (EDT, UTC-4).
    assert_eq!(en["date_time"], "2031-05-12T22:30:00Z");
}

#[tokio::test]
async fn relative_times_count_from_now() {
    let (app, user) = spawn_app_for(7104).await;
    let before = Utc::now();
    let task = quick_task(&app, &user, "Stretch in 2 hours !low").await;
    let after = Utc::now();
    let due = chrono::DateTime::parse_from_rfc3339(task["date_time"].as_str().unwrap()).unwrap();
    assert!(
        due >= before + Duration::hours(2) - Duration::seconds(1),
        "{due}"
    );
    assert!(due <= after + Duration::hours(2), "{due}");
    assert_eq!(task["priority"], "low");
}

#[tokio::test]
async fn a_dry_run_answers_what_was_understood_and_saves_nothing() {
    let (app, user) = spawn_app_for(7105).await;
    set_profile(&app, &user, "en", "Asia/Tokyo").await;
    let response = quick(
        &app,
        &user,
        &format!("{QUICK}?dry_run=true"),
        "Dentist dec 24th 2030 9am @health #teeth",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let understood: Value = response.json().await.unwrap();
    assert_eq!(
        understood,
        json!({
            "title": "Dentist",
            "date_time": "2030-12-24T00:00:00Z",
            "priority": "normal",
            "category": "health",
            "tags": ["teeth"],
        })
    );
    assert_eq!(app.list(&user, "").await.1, 0, "nothing saved");
}

#[tokio::test]
async fn nothing_left_for_a_title_is_a_422_in_the_callers_language() {
    let (app, user) = spawn_app_for(7106).await;
    for (path, lang, word) in [
        (QUICK.to_owned(), "en", "Say what to do"),
        (
            format!("{QUICK}?dry_run=true"),
            "ru",
            "Напишите, что сделать",
        ),
    ] {
        let text = json!({"text": "завтра в 9 #дом !high"});
        let response = app.post_in_language(&user, &path, lang, text).await;
        let body = assert_field_errors(response, &[("title", "no_title")]).await;
        let message = body["errors"]["title"]["message"].as_str().unwrap();
        assert!(message.contains(word), "{message}");
    }
    let too_many: String = (0..11).map(|i| format!(" #t{i}")).collect();
    let response = quick(&app, &user, QUICK, &format!("x{too_many}")).await;
    assert_field_errors(response, &[("tags", "too_many_tags")]).await;
    let response = app
        .send_json(&user, Method::POST, QUICK, json!({"title": "x"}))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.list(&user, "").await.1, 0);
}

#[tokio::test]
async fn needs_a_signed_in_user() {
    let app = spawn_app().await;
    let response = app
        .request(Method::POST, QUICK)
        .json(&json!({"text": "x tomorrow"}))
        .fetch()
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}
