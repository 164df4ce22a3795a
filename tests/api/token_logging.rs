//! A token's secret never reaches the log: not on creation, not when used, not when refused
//! after revocation (the log of this test's server, captured as tests/api/log_capture.rs says).

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::api_tokens::{create_token, secret};
use crate::helpers::*;
use crate::log_capture::capture_logs;

#[tokio::test]
async fn secrets_stay_out_of_the_log() {
    let log = capture_logs();

    let (app, user) = spawn_app_for(9601).await;
    let created = create_token(&app, &user, "logged?").await;
    let secret = secret(&created);
    let bearer = |method: Method, path: &str| app.bearer(&secret, method, path).fetch();
    let used = bearer(Method::POST, "/api/v1/tasks").await;
    assert_eq!(used.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let used = app
        .bearer(&secret, Method::POST, "/api/v1/tasks")
        .json(&json!({"title": "through a token"}))
        .fetch()
        .await;
    assert_eq!(used.status(), StatusCode::CREATED);
    let id = created["id"].as_i64().unwrap();
    let revoked = bearer(Method::DELETE, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let refused = bearer(Method::GET, "/api/v1/tasks").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    let text = log.text();
    assert!(
        text.matches("finished processing request").count() >= 5,
        "the request log was captured: {text}"
    );
    let hex = secret.trim_start_matches("vct_");
    for line in text.lines() {
        assert!(!line.contains(hex), "a token's secret in the log: {line}");
    }
}
