//! List pages are served from memory until the user's tasks change, on any server.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

/// The user's first list page, asking whether it is still the one tagged `etag`.
async fn list_if_none_match(app: &TestApp, user: &TestUser, etag: &str) -> reqwest::Response {
    app.as_user(user, Method::GET, "/api/v1/tasks")
        .header("if-none-match", etag)
        .fetch()
        .await
}

#[tokio::test]
async fn etag_answers_304_until_the_tasks_change() {
    let (app, user) = spawn_app_for(9001).await;
    app.post_task(&user, json!({"title": "one"})).await;
    let first = app.get(&user, "/api/v1/tasks").await;
    let etag = header(&first, "etag").to_owned();
    assert_eq!(first.headers()["cache-control"], "private, no-cache");
    assert_eq!(first.headers()["x-total-count"], "1");

    let again = list_if_none_match(&app, &user, &etag).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"], etag.as_str());

    app.post_task(&user, json!({"title": "two"})).await;
    let changed = list_if_none_match(&app, &user, &etag).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()["etag"], etag.as_str());
    assert_eq!(changed.headers()["x-total-count"], "2");

    let theirs = list_if_none_match(&app, &TestUser::new(9002), &etag).await;
    assert_eq!(
        theirs.status(),
        StatusCode::OK,
        "another user's ETag means nothing"
    );
}

#[tokio::test]
async fn every_kind_of_change_shows_in_the_next_list() {
    let (app, user) = spawn_app_for(9003).await;
    let a = app.post_task_id(&user, json!({"title": "a"})).await;
    let b = app.post_task_id(&user, json!({"title": "b"})).await;
    assert_eq!(app.titles(&user, "").await, ["a", "b"]);
    assert_eq!(app.titles(&user, "").await, ["a", "b"], "served again");

    app.put_task(&user, a, json!({"title": "a2"})).await;
    assert_eq!(app.titles(&user, "").await, ["a2", "b"]);
    app.reorder(&user, json!([b, a])).await;
    assert_eq!(app.titles(&user, "").await, ["b", "a2"]);
    app.delete(&user, &format!("/api/v1/tasks/{b}")).await;
    assert_eq!(app.titles(&user, "").await, ["a2"]);

    let refused = app.put_task(&user, a, json!({"title": ""})).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let missing = app.put_task(&user, 999_999, json!({"title": "x"})).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.titles(&user, "").await, ["a2"]);
}

#[tokio::test]
async fn a_change_made_through_another_server_shows_at_once() {
    let first = spawn_app().await;
    let second = first.another_server(&[]).await;
    let user = TestUser::new(9004);
    let id = first.post_task_id(&user, json!({"title": "shared"})).await;
    assert_eq!(first.titles(&user, "").await, ["shared"]);
    assert_eq!(second.titles(&user, "").await, ["shared"]);

    let renamed = second
        .put_task(&user, id, json!({"title": "renamed on the second server"}))
        .await;
    assert_eq!(renamed.status(), StatusCode::OK);
    let listed: Vec<Value> = first.list(&user, "").await.0;
    assert_eq!(listed[0]["title"], "renamed on the second server");
}

#[tokio::test]
async fn the_cache_can_be_turned_off() {
    let app = spawn_app_with(&[("LIST_CACHE_MB", "0")]).await;
    let user = TestUser::new(9005);
    app.post_task(&user, json!({"title": "x"})).await;
    assert_eq!(app.titles(&user, "").await, ["x"]);
    app.post_task(&user, json!({"title": "y"})).await;
    assert_eq!(app.titles(&user, "").await, ["x", "y"]);
}

/// The site's files under /pkg get their cache rule from the name (src/assets.rs, whose unit tests
/// serve real files): a year for names hashed over their final content, revalidation otherwise,
/// errors included. Pages are never immutable. No cargo-leptos hash.txt lies beside the test
/// binary, so the page names the unhashed files.
#[tokio::test]
async fn pkg_files_are_served_with_their_cache_rule_and_pages_are_revalidated() {
    let app = spawn_app().await;
    let missing = app
        .request(Method::GET, "/pkg/chunk_7.AAAAAAAAAAAAAAAAAAAAAA.wasm")
        .fetch()
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        missing.headers()["cache-control"],
        "no-cache",
        "a missing file is not cached, hashed name or not"
    );

    let page = app.get_with_header("/", "accept", "text/html").await;
    assert_eq!(page.status(), StatusCode::OK);
    let cache_control = page
        .headers()
        .get("cache-control")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(!cache_control.contains("immutable"), "{cache_control}");
    let html = page.text().await.unwrap();
    for name in ["vectora.css", "vectora.js"] {
        assert!(
            html.contains(&format!("\"/pkg/{name}\"")),
            "{name} in {html}"
        );
    }
}
