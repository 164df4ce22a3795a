use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn create_returns_201_with_location_and_every_field() {
    let (app, user) = spawn_app_for(1001).await;
    let response = app
        .try_post_task(
            &user,
            json!({
                "title": "  Купить молоко  ",
                "description": "2 литра\nи хлеб",
                "date_time": "2026-12-01T19:00:00+03:00",
                "remind_at": "2026-12-01T15:30:00Z",
                "priority": "high",
                "category": "Дом",
                "tags": ["магазин", "Магазин", "срочно"]
            }),
        )
        .await;
    let task = assert_created_at_its_location(&app, &user, response).await;
    assert_eq!(task["title"], "Купить молоко");
    assert_eq!(task["description"], "2 литра\nи хлеб");
    assert_eq!(task["date_time"], "2026-12-01T16:00:00Z");
    assert_eq!(task["remind_at"], "2026-12-01T15:30:00Z");
    assert_eq!(task["priority"], "high");
    assert_eq!(task["status"], false);
    assert_eq!(task["completed_at"], Value::Null);
    assert_eq!(task["category"], "Дом");
    assert_eq!(task["tags"], json!(["магазин", "срочно"]));
    assert_eq!(task["position"], 0);
    assert!(task["created_at"].is_string() && task["updated_at"].is_string());
}

#[tokio::test]
async fn defaults_for_a_bare_title() {
    let (app, user) = spawn_app_for(1002).await;
    let task = app.post_task(&user, json!({"title": "x"})).await;
    assert_eq!(task["priority"], "normal");
    assert_eq!(task["status"], false);
    assert_eq!(task["description"], Value::Null);
    assert_eq!(task["date_time"], Value::Null);
    assert_eq!(task["category"], Value::Null);
    assert_eq!(task["tags"], json!([]));
    let second = app.post_task(&user, json!({"title": "y"})).await;
    assert_eq!(second["position"], 1, "new tasks go after the last one");
}

#[tokio::test]
async fn naive_times_are_read_in_the_users_time_zone() {
    let (app, user) = spawn_app_for(1003).await;
    let utc = app
        .post_task(
            &user,
            json!({"title": "a", "date_time": "2026-12-01T19:00"}),
        )
        .await;
    assert_eq!(
        utc["date_time"], "2026-12-01T19:00:00Z",
        "a new user's zone is UTC"
    );
    let response = app
        .patch_me(&user, json!({"time_zone": "Europe/Moscow"}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let moscow = app
        .post_task(
            &user,
            json!({"title": "b", "date_time": "2026-12-01T19:00:00"}),
        )
        .await;
    assert_eq!(moscow["date_time"], "2026-12-01T16:00:00Z");
}

#[tokio::test]
async fn update_changes_only_the_fields_sent() {
    let (app, user) = spawn_app_for(1004).await;
    let task = app
        .post_task(&user, json!({"title": "Old", "description": "keep", "category": "Work", "tags": ["a"], "priority": "low"}))
        .await;
    let id = task["id"].as_i64().unwrap();

    let response = app.put_task(&user, id, json!({"title": "New"})).await;
    assert_eq!(response.status(), StatusCode::OK);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(updated["title"], "New");
    assert_eq!(updated["description"], "keep");
    assert_eq!(updated["category"], "Work");
    assert_eq!(updated["tags"], json!(["a"]));
    assert_eq!(updated["priority"], "low");
    assert_ne!(updated["updated_at"], task["updated_at"]);

    let cleared: Value = app
        .patch_task(
            &user,
            id,
            json!({"description": null, "category": null, "tags": null, "date_time": null}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cleared["description"], Value::Null);
    assert_eq!(cleared["category"], Value::Null);
    assert_eq!(cleared["tags"], json!([]));
    assert_eq!(cleared["title"], "New");

    let unchanged: Value = app
        .put_task(&user, id, json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        unchanged, cleared,
        "an empty update changes nothing, not even updated_at"
    );

    let retagged: Value = app
        .put_task(
            &user,
            id,
            json!({"tags": ["x", "y"], "priority": "high", "position": 7}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retagged["tags"], json!(["x", "y"]));
    assert_eq!(retagged["priority"], "high");
    assert_eq!(retagged["position"], 7);
}

#[tokio::test]
async fn completing_sets_and_reopening_clears_completed_at() {
    let (app, user) = spawn_app_for(1005).await;
    let id = app.post_task_id(&user, json!({"title": "t"})).await;
    let done: Value = app
        .put_task(&user, id, json!({"status": true}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(done["status"], true);
    let completed_at = done["completed_at"]
        .as_str()
        .expect("set when done")
        .to_owned();
    let again: Value = app
        .put_task(&user, id, json!({"status": true, "title": "t2"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["completed_at"], completed_at,
        "staying done keeps the first completion time"
    );
    let reopened: Value = app
        .put_task(&user, id, json!({"status": false}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(reopened["completed_at"], Value::Null);

    let born_done = app
        .post_task(&user, json!({"title": "d", "status": true}))
        .await;
    assert!(born_done["completed_at"].is_string());
}

#[tokio::test]
async fn delete_answers_204_then_404() {
    let (app, user) = spawn_app_for(1006).await;
    let id = app
        .post_task_id(&user, json!({"title": "bye", "tags": ["t"]}))
        .await;
    let path = format!("/api/v1/tasks/{id}");
    let response = app.delete(&user, &path).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&user, &path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.delete(&user, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.put_task(&user, id, json!({"title": "x"}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let tags = app.get_json(&user, "/api/v1/tasks/metadata/tags").await;
    assert_eq!(tags, json!([]), "a deleted task's tags are gone");
}

#[tokio::test]
async fn unknown_ids_are_404() {
    let (app, user) = spawn_app_for(1007).await;
    for path in [
        "/api/v1/tasks/999999",
        "/api/v1/tasks/abc",
        "/api/v1/tasks/-1",
        "/api/v1/tasks/99999999999999999999",
    ] {
        let response = app.get(&user, path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(!error_detail(response).await.is_empty(), "{path}");
    }
    assert_eq!(
        app.get(&user, "/api/v1/nothing-here").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn reorder_sets_positions_in_the_order_given() {
    let (app, user) = spawn_app_for(1008).await;
    let ids = app.post_titled(&user, &["a", "b", "c", "d"]).await;
    let response = app.reorder(&user, json!([ids[3], ids[1]])).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.titles(&user, "").await,
        ["d", "b", "a", "c"],
        "listed first, the rest keep their order"
    );
    let positions: Vec<i64> = app
        .list(&user, "")
        .await
        .0
        .iter()
        .map(|t| t["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, [0, 1, 2, 3]);

    let all = json!([ids[0], ids[1], ids[2], ids[3]]);
    assert_eq!(
        app.reorder(&user, all).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(app.titles(&user, "").await, ["a", "b", "c", "d"]);

    let duplicate = app.reorder(&user, json!([ids[0], ids[0]])).await;
    assert_field_errors(duplicate, &[("ids", "duplicate_ids")]).await;
    let unknown = app.reorder(&user, json!([ids[1], 987654])).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.titles(&user, "").await,
        ["a", "b", "c", "d"],
        "a refused reorder changes nothing"
    );
}

#[tokio::test]
async fn metadata_lists_are_sorted_and_unique() {
    let (app, user) = spawn_app_for(1009).await;
    app.post_task(
        &user,
        json!({"title": "1", "category": "Работа", "tags": ["zeta", "Дом"]}),
    )
    .await;
    app.post_task(
        &user,
        json!({"title": "2", "category": "home", "tags": ["alpha", "zeta"]}),
    )
    .await;
    app.post_task(
        &user,
        json!({"title": "3", "category": "Работа", "tags": ["дом"]}),
    )
    .await;
    app.post_task(&user, json!({"title": "4"})).await;
    let categories = app
        .get_json(&user, "/api/v1/tasks/metadata/categories")
        .await;
    assert_eq!(categories, json!(["home", "Работа"]));
    let tags = app.get_json(&user, "/api/v1/tasks/metadata/tags").await;
    assert_eq!(tags, json!(["alpha", "zeta", "Дом"]));
}

#[tokio::test]
async fn request_bodies_in_the_wrong_shape() {
    let (app, user) = spawn_app_for(1010).await;
    let post = |body: &'static str| app.as_user(&user, Method::POST, "/api/v1/tasks").body(body);
    let malformed = post("{\"title\": ")
        .header("content-type", "application/json")
        .fetch()
        .await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    let wrong_type = app.try_post_task(&user, json!({"title": 5})).await;
    assert_eq!(wrong_type.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let detail = error_detail(wrong_type).await;
    assert!(detail.contains("title"), "{detail}");
    let not_json = post("title=x").fetch().await;
    assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(app.list(&user, "").await.1, 0, "nothing was created");
}

#[tokio::test]
async fn errors_speak_russian_when_asked() {
    let (app, user) = spawn_app_for(1011).await;
    let response = app
        .post_in_language(
            &user,
            "/api/v1/tasks",
            "ru-RU,ru;q=0.9",
            json!({"title": ""}),
        )
        .await;
    let body = assert_field_errors(response, &[("title", "required")]).await;
    assert_eq!(body["detail"], "Некоторые поля заполнены неверно.");
    assert_eq!(
        body["errors"]["title"]["message"],
        "Обязательное поле, оно не может быть пустым."
    );
    let missing = app
        .get_with_header("/api/v1/tasks", "accept-language", "ru")
        .await;
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    assert_starts_with(&error_detail(missing).await, "Нужна авторизация");
}
