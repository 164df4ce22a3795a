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
    assert_eq!(listed["tasks"][0]["id"], task["id"]);

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
