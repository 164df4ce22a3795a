//! `Idempotency-Key` and the quick-add form's key: the same creating request twice creates once.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

async fn create_with_key(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    key: &str,
    body: Value,
) -> Response {
    app.as_user(user, Method::POST, path)
        .header("Idempotency-Key", key)
        .json(&body)
        .fetch()
        .await
}

async fn created_id(response: Response) -> i64 {
    assert_eq!(response.status(), StatusCode::CREATED);
    let task: Value = response.json().await.unwrap();
    task["id"].as_i64().unwrap()
}

#[tokio::test]
async fn the_same_key_again_answers_the_first_task() {
    let (app, user) = spawn_app_for(9121).await;
    for (path, body) in [
        ("/api/v1/tasks", json!({"title": "pay rent"})),
        (
            "/api/v1/tasks/quick",
            json!({"text": "call mom tomorrow #family"}),
        ),
    ] {
        let key = format!("key-{}", path.len());
        let first = created_id(create_with_key(&app, &user, path, &key, body.clone()).await).await;
        let again = created_id(create_with_key(&app, &user, path, &key, body.clone()).await).await;
        assert_eq!(first, again, "{path}");
        let other =
            created_id(create_with_key(&app, &user, path, &format!("other-{key}"), body).await)
                .await;
        assert_ne!(first, other, "{path}: another key is another task");
        app.delete(&user, &format!("/api/v1/tasks/{other}")).await;
    }
    assert_eq!(app.list(&user, "").await.1, 2);
}

#[tokio::test]
async fn concurrent_requests_with_one_key_create_one_task() {
    let (app, user) = spawn_app_for(9122).await;
    let requests = (0..12).map(|_| {
        create_with_key(
            &app,
            &user,
            "/api/v1/tasks",
            "double-tap",
            json!({"title": "once"}),
        )
    });
    let responses = futures_util::future::join_all(requests).await;
    let mut ids = Vec::new();
    for response in responses {
        ids.push(created_id(response).await);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(app.list(&user, "").await.1, 1);
}

#[tokio::test]
async fn keys_belong_to_their_user() {
    let (app, user) = spawn_app_for(9123).await;
    let other = TestUser::new(9124);
    let mine = created_id(
        create_with_key(
            &app,
            &user,
            "/api/v1/tasks",
            "shared",
            json!({"title": "mine"}),
        )
        .await,
    )
    .await;
    let theirs = created_id(
        create_with_key(
            &app,
            &other,
            "/api/v1/tasks",
            "shared",
            json!({"title": "theirs"}),
        )
        .await,
    )
    .await;
    assert_ne!(mine, theirs);
    assert_eq!(app.titles(&other, "").await, ["theirs"]);
}

#[tokio::test]
async fn a_bad_key_is_refused_and_changes_nothing() {
    let (app, user) = spawn_app_for(9125).await;
    for key in ["", "with space", "a/b", &"k".repeat(65)] {
        let response =
            create_with_key(&app, &user, "/api/v1/tasks", key, json!({"title": "x"})).await;
        assert_field_errors(response, &[("Idempotency-Key", "invalid")]).await;
    }
    assert_eq!(app.list(&user, "").await.1, 0);
}

#[tokio::test]
async fn once_its_task_is_deleted_the_key_answers_404() {
    let (app, user) = spawn_app_for(9126).await;
    let id = created_id(
        create_with_key(&app, &user, "/api/v1/tasks", "gone", json!({"title": "x"})).await,
    )
    .await;
    app.delete(&user, &format!("/api/v1/tasks/{id}")).await;
    let again = create_with_key(&app, &user, "/api/v1/tasks", "gone", json!({"title": "x"})).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.list(&user, "").await.1, 0);
}

#[tokio::test]
async fn the_quick_add_form_sent_twice_adds_once() {
    let (app, user) = spawn_app_for(9127).await;
    let send = || {
        app.server_fn(&user, "/api/tasks/quick")
            .form(&[
                ("text", "water the plants"),
                ("view", "all"),
                ("key", "0123456789abcdef"),
            ])
            .fetch_json()
    };
    let first = send().await;
    let again = send().await;
    assert_eq!(first["task"]["id"], again["task"]["id"]);
    assert_eq!(app.list(&user, "").await.1, 1);
    let refused = app
        .server_fn(&user, "/api/tasks/quick")
        .form(&[("text", "x"), ("view", "all"), ("key", "not a key")])
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
