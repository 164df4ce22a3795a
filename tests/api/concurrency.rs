//! Many changes at once for one user: every one succeeds or fails cleanly, none deadlocks.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn concurrent_writes_all_succeed() {
    let (app, user) = spawn_app_for(1012).await;
    let creates = (0..25).map(|i| app.try_post_task(&user, json!({"title": format!("c{i}")})));
    assert_all_answer(creates, StatusCode::CREATED).await;
    let (tasks, total) = app.list(&user, "").await;
    assert_eq!(total, 25);
    let ids: Vec<i64> = tasks.iter().map(|t| t["id"].as_i64().unwrap()).collect();
    let updates = ids
        .iter()
        .map(|id| app.put_task(&user, *id, json!({"status": true, "tags": ["x"]})));
    assert_all_answer(updates, StatusCode::OK).await;
    assert_eq!(app.list(&user, "?status=true&tag=x").await.1, 25);
}

#[tokio::test]
async fn concurrent_updates_of_one_task_take_turns() {
    let (app, user) = spawn_app_for(1013).await;
    let id = app
        .post_task_id(&user, json!({"title": "busy", "tags": ["a"]}))
        .await;
    let updates = (0..20).map(|i| {
        app.put_task(
            &user,
            id,
            json!({"title": format!("v{i}"), "tags": ["a", "b", format!("t{i}")]}),
        )
    });
    assert_all_answer(updates, StatusCode::OK).await;
    let task = app.get_task(&user, id).await;
    assert_eq!(task["tags"].as_array().unwrap().len(), 3, "{task}");
    let reorders = (0..10).map(|_| app.reorder(&user, json!([id])));
    assert_all_answer(reorders, StatusCode::NO_CONTENT).await;
}

#[tokio::test]
async fn mixed_concurrent_changes_never_deadlock() {
    let (app, user) = spawn_app_for(1014).await;
    let mut ids = Vec::new();
    for i in 0..6 {
        ids.push(
            app.post_task_id(&user, json!({"title": format!("m{i}")}))
                .await,
        );
    }
    let mut calls = Vec::new();
    for round in 0..4 {
        let put = format!("/api/v1/tasks/{}", ids[round]);
        calls.push(
            app.as_user(&user, Method::PUT, &put)
                .json(&json!({"tags": ["x", format!("r{round}")]})),
        );
        let order = json!({"ids": [ids[5 - round], ids[round]]});
        calls.push(
            app.as_user(&user, Method::POST, "/api/v1/tasks/reorder")
                .json(&order),
        );
        calls.push(
            app.as_user(&user, Method::POST, "/api/v1/tasks")
                .json(&json!({"title": format!("new{round}")})),
        );
        calls.push(app.as_user(
            &user,
            Method::DELETE,
            &format!("/api/v1/tasks/{}", ids[4 + round % 2]),
        ));
    }
    let calls = calls.into_iter().map(|request| request.fetch());
    let responses = futures_util::future::join_all(calls).await;
    for response in responses {
        let status = response.status();
        assert!(
            status.is_success() || status == StatusCode::NOT_FOUND,
            "{status}"
        );
    }
    let (tasks, total) = app.list(&user, "").await;
    assert_eq!(total, 8, "6 - 2 deleted + 4 created");
    let positions: Vec<i64> = tasks
        .iter()
        .map(|t| t["position"].as_i64().unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
}

/// Reorders that move the same tasks in opposite directions: each locks the user's tasks, and if
/// two took them in different orders they would wait for each other until the database killed one.
#[tokio::test]
async fn opposite_reorders_take_turns() {
    let (app, user) = spawn_app_for(1015).await;
    let mut ids = Vec::new();
    for i in 0..8 {
        ids.push(json!(
            app.post_task_id(&user, json!({"title": format!("o{i}")}))
                .await
        ));
    }
    let backwards: Vec<_> = ids.iter().rev().cloned().collect();
    let reorders = (0..24).map(|round| {
        let order = if round % 2 == 0 { &ids } else { &backwards };
        app.reorder(&user, json!(order))
    });
    assert_all_answer(reorders, StatusCode::NO_CONTENT).await;
    let (tasks, total) = app.list(&user, "").await;
    assert_eq!(total, 8);
    let positions: Vec<i64> = tasks
        .iter()
        .map(|t| t["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, (0..8).collect::<Vec<i64>>());
}
