//! The server functions the UI calls, over HTTP: same auth, validation and isolation as the API.

use reqwest::{Method, StatusCode, redirect};
use serde_json::{Value, json};

use crate::helpers::*;

async fn call_form(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.as_user(user, Method::POST, path)
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn call_json(app: &TestApp, user: &TestUser, path: &str, body: Value) -> reqwest::Response {
    app.as_user(user, Method::POST, path)
        .header("accept", "application/json")
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn task_actions_work_through_server_functions() {
    let app = spawn_app().await;
    let user = TestUser::new(9101);
    let created = call_form(
        &app,
        &user,
        "/api/tasks/create",
        &[
            ("input[title]", "Купить хлеб"),
            ("input[priority]", "high"),
            ("input[tags][0]", "дом"),
        ],
    )
    .await;
    assert_eq!(created.status(), StatusCode::OK);
    let task: Value = created.json().await.unwrap();
    assert_eq!(task["title"], "Купить хлеб");
    assert_eq!(task["priority"], "high");
    assert_eq!(task["tags"], json!(["дом"]));
    let id = task["id"].as_i64().unwrap().to_string();

    let done: Value = call_form(
        &app,
        &user,
        "/api/tasks/set-done",
        &[("id", &id), ("done", "true")],
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(done["status"], true);
    assert!(done["completed_at"].is_string());

    let patched = call_json(
        &app,
        &user,
        "/api/tasks/update",
        json!({"id": task["id"], "patch": {"description": "с маслом", "tags": null}}),
    )
    .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let patched: Value = patched.json().await.unwrap();
    assert_eq!(patched["description"], "с маслом");
    assert_eq!(patched["tags"], json!([]));

    let listed: Value = call_json(
        &app,
        &user,
        "/api/tasks/list",
        json!({"query": {"search": "ХЛЕБ"}}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["tasks"][0]["task"]["id"], task["id"]);

    let second = app.post_task_id(&user, json!({"title": "second"})).await;
    let reordered = call_json(
        &app,
        &user,
        "/api/tasks/reorder",
        json!({"ids": [second, task["id"]]}),
    )
    .await;
    assert_eq!(reordered.status(), StatusCode::OK);
    assert_eq!(app.titles(&user, "").await, ["second", "Купить хлеб"]);

    let deleted = call_form(&app, &user, "/api/tasks/delete", &[("id", &id)]).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(app.list(&user, "").await.1, 1);

    let profile: Value = call_form(&app, &user, "/api/me", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["telegram_id"], 9101);
    let stats: Value = call_form(&app, &user, "/api/stats", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stats["total"], 1);
}

#[tokio::test]
async fn server_functions_refuse_what_the_api_refuses() {
    let app = spawn_app().await;
    let user = TestUser::new(9102);
    let other = TestUser::new(9103);

    let invalid = call_form(
        &app,
        &user,
        "/api/tasks/create",
        &[("input[title]", "  "), ("input[priority]", "urgent")],
    )
    .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = invalid.json().await.unwrap();
    assert_eq!(error["Validation"]["title"]["code"], "required", "{error}");
    assert_eq!(
        error["Validation"]["priority"]["code"], "invalid_priority",
        "{error}"
    );

    let anonymous = app
        .request(Method::POST, "/api/tasks/create")
        .header("accept", "application/json")
        .form(&[("input[title]", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    let id = app
        .post_task_id(&user, json!({"title": "mine"}))
        .await
        .to_string();
    let theirs = call_form(&app, &other, "/api/tasks/get", &[("id", &id)]).await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    let theirs = call_form(&app, &other, "/api/tasks/delete", &[("id", &id)]).await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.list(&user, "").await.1,
        1,
        "nothing stored, nothing deleted"
    );
}

#[tokio::test]
async fn a_plain_form_post_goes_back_to_its_page() {
    let app = spawn_app().await;
    let user = TestUser::new(9104);
    let client = reqwest::Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap();
    let page = app.url("/");
    let response = client
        .post(app.url("/api/tasks/create"))
        .header("authorization", format!("tma {}", user.init_data()))
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", &page)
        .form(&[("input[title]", "added without JavaScript")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.starts_with(&page), "{location}");
    assert_eq!(app.titles(&user, "").await, ["added without JavaScript"]);

    let refused = client
        .post(app.url("/api/tasks/create"))
        .header("authorization", format!("tma {}", user.init_data()))
        .header("accept", "text/html")
        .header("referer", &page)
        .form(&[("input[title]", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        refused.status(),
        StatusCode::FOUND,
        "an error also goes back to the page"
    );
    let location = refused.headers()["location"].to_str().unwrap();
    assert!(location.starts_with(&page), "{location}");
    // The typed error rides along for the page to show beside the field (base64 of its JSON).
    assert!(location.contains("__err=eyJWYWxpZGF0aW9uIj"), "{location}");
    assert_eq!(app.list(&user, "").await.1, 1);
}

#[tokio::test]
async fn the_task_form_creates_and_replaces_every_field() {
    let app = spawn_app().await;
    let user = TestUser::new(9105);
    let created = call_form(
        &app,
        &user,
        "/api/tasks/save",
        &[
            ("task[id]", ""),
            ("task[title]", "Позвонить маме"),
            ("task[description]", "вечером"),
            ("task[due]", "2030-03-01T18:30"),
            ("task[priority]", "high"),
            ("task[category]", "Семья"),
            ("task[tags]", "звонки, Семья , звонки"),
        ],
    )
    .await;
    assert_eq!(created.status(), StatusCode::OK);
    assert_eq!(
        created.headers()["location"],
        "/",
        "the browser is sent back to the list"
    );
    let task: Value = created.json().await.unwrap();
    assert_eq!(task["tags"], json!(["звонки", "Семья"]));
    assert_eq!(task["category"], "Семья");
    assert_eq!(
        task["date_time"], "2030-03-01T18:30:00Z",
        "wall clock in UTC"
    );
    let id = task["id"].as_i64().unwrap().to_string();

    let replaced: Value = call_form(
        &app,
        &user,
        "/api/tasks/save",
        &[
            ("task[id]", &id),
            ("task[title]", "Позвонить папе"),
            ("task[description]", ""),
            ("task[due]", ""),
            ("task[priority]", "low"),
            ("task[category]", ""),
            ("task[tags]", ""),
        ],
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(replaced["title"], "Позвонить папе");
    assert_eq!(replaced["description"], Value::Null);
    assert_eq!(replaced["date_time"], Value::Null);
    assert_eq!(replaced["category"], Value::Null);
    assert_eq!(replaced["tags"], json!([]));
    assert_eq!(replaced["priority"], "low");

    let refused = call_form(
        &app,
        &user,
        "/api/tasks/save",
        &[
            ("task[id]", &id),
            ("task[title]", " "),
            ("task[due]", "later"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = refused.json().await.unwrap();
    assert_eq!(error["Validation"]["title"]["code"], "required");
    assert_eq!(
        error["Validation"]["date_time"]["code"],
        "invalid_date_time"
    );
    assert_eq!(
        app.titles(&user, "").await,
        ["Позвонить папе"],
        "nothing changed"
    );

    let stranger = TestUser::new(9106);
    for id in [id.as_str(), "not-a-number"] {
        let theirs = call_form(
            &app,
            &stranger,
            "/api/tasks/save",
            &[("task[id]", id), ("task[title]", "mine now")],
        )
        .await;
        assert_eq!(theirs.status(), StatusCode::NOT_FOUND, "{id}");
    }
    assert_eq!(app.titles(&user, "").await, ["Позвонить папе"]);
}

#[tokio::test]
async fn dragging_within_a_filtered_list_keeps_the_other_tasks_in_place() {
    let app = spawn_app().await;
    let user = TestUser::new(9107);
    let mut ids = Vec::new();
    for title in ["a", "b", "c", "d"] {
        ids.push(app.post_task_id(&user, json!({"title": title})).await);
    }
    app.reorder(&user, json!(ids)).await;
    assert_eq!(app.titles(&user, "").await, ["a", "b", "c", "d"]);
    let moved = call_json(
        &app,
        &user,
        "/api/tasks/reorder",
        json!({"ids": [ids[3], ids[1]]}),
    )
    .await;
    assert_eq!(moved.status(), StatusCode::OK);
    assert_eq!(app.titles(&user, "").await, ["a", "d", "c", "b"]);
}

#[tokio::test]
async fn settings_and_calendar_through_server_functions() {
    let app = spawn_app().await;
    let user = TestUser::new(9108);
    let saved = call_form(
        &app,
        &user,
        "/api/me/settings",
        &[
            ("settings[language]", "ru"),
            ("settings[time_zone]", "Europe/Moscow"),
            ("settings[theme]", "dark"),
            ("settings[reminder_offset_minutes]", "15"),
            ("settings[digest_time]", "08:00"),
        ],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let me: Value = app.get(&user, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["language"], "ru");
    assert_eq!(me["theme"], "dark");
    assert_eq!(me["reminders_enabled"], false, "an unticked box is absent");
    assert_eq!(me["reminder_offset_minutes"], 15);
    assert_eq!(me["digest_time"], "08:00");

    let refused = call_form(
        &app,
        &user,
        "/api/me/settings",
        &[
            ("settings[language]", "ru"),
            ("settings[time_zone]", "Mars/Base"),
            ("settings[theme]", "dark"),
            ("settings[reminder_offset_minutes]", "15"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let me_after: Value = app.get(&user, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me_after, me, "a refused form changes nothing");

    app.post_task(
        &user,
        json!({"title": "x", "date_time": "2031-05-10T12:00:00+03:00"}),
    )
    .await;
    let month: Value = call_form(&app, &user, "/api/calendar", &[("month", "2031-05")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(month["month"], "2031-05");
    assert_eq!(
        month["days"],
        json!([{"date": "2031-05-10", "total": 1, "done": 0, "overdue": 0}])
    );
    assert_eq!(
        month["chosen"],
        Value::Null,
        "no day asked, and today is not in May 2031"
    );
    assert_eq!(month["agenda"], json!([]));
    let day: Value = call_form(
        &app,
        &user,
        "/api/calendar",
        &[("month", "2031-05"), ("day", "2031-05-10")],
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(day["chosen"], "2031-05-10");
    assert_eq!(day["agenda"][0]["task"]["title"], "x");
    let outside: Value = call_form(
        &app,
        &user,
        "/api/calendar",
        &[("month", "2031-05"), ("day", "2031-06-10")],
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        outside["chosen"],
        Value::Null,
        "a day outside the month is not listed"
    );
    let current: Value = call_form(&app, &user, "/api/calendar", &[("month", "")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(current["month"].as_str().unwrap().len(), 7);
    assert!(
        current["chosen"]
            .as_str()
            .unwrap()
            .starts_with(current["month"].as_str().unwrap()),
        "the current month lists today: {current}"
    );
    let bad = call_form(&app, &user, "/api/calendar", &[("month", "May")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
