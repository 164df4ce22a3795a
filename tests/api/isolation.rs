//! Another user's tasks do not exist for you.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn another_users_task_is_404_everywhere() {
    let app = spawn_app().await;
    let alice = TestUser::new(5001);
    let bob = TestUser::new(5002);
    let task = app
        .post_task(
            &alice,
            json!({"title": "Alice's secret", "category": "Private", "tags": ["hidden"]}),
        )
        .await;
    let id = task["id"].as_i64().unwrap();
    let path = format!("/api/v1/tasks/{id}");

    assert_eq!(app.get(&bob, &path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.put_task(&bob, id, json!({"title": "pwned"}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.patch_task(&bob, id, json!({"status": true}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.delete(&bob, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.reorder(&bob, json!([id])).await.status(),
        StatusCode::NOT_FOUND
    );
    let (bobs, total) = app.list(&bob, "?search=secret").await;
    assert_eq!((bobs.len(), total), (0, 0));
    for metadata in ["categories", "tags"] {
        let listed = app
            .get_json(&bob, &format!("/api/v1/tasks/metadata/{metadata}"))
            .await;
        assert_eq!(listed, json!([]), "{metadata}");
    }
    assert_eq!(app.get_json(&bob, "/api/v1/stats").await["total"], 0);

    let untouched = app.get_task(&alice, id).await;
    assert_eq!(untouched, task, "nothing Bob did reached Alice's task");
}

#[tokio::test]
async fn positions_and_reorder_are_per_user() {
    let app = spawn_app().await;
    let alice = TestUser::new(5003);
    let bob = TestUser::new(5004);
    app.post_task(&alice, json!({"title": "a1"})).await;
    app.post_task(&alice, json!({"title": "a2"})).await;
    let b1 = app.post_task(&bob, json!({"title": "b1"})).await;
    assert_eq!(b1["position"], 0, "Bob's first task starts his own order");
    let b2 = app.post_task(&bob, json!({"title": "b2"})).await;
    let ids = json!([b2["id"], b1["id"]]);
    assert_eq!(
        app.reorder(&bob, ids).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(app.titles(&bob, "").await, ["b2", "b1"]);
    assert_eq!(app.titles(&alice, "").await, ["a1", "a2"]);
}
