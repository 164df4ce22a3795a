//! A token's secret never reaches the log: not on creation, not when used, not when refused
//! after revocation. Everything the server logs for this test (every level from debug up, every
//! span field) is captured in-process: the test's runtime runs the server on its own thread, so
//! a thread-local subscriber sees exactly this test's server and no other test's.

use std::sync::{Arc, Mutex};

use reqwest::{Method, StatusCode};
use serde_json::json;
use tracing_subscriber::fmt::MakeWriter;

use crate::api_tokens::{create_token, secret};
use crate::helpers::*;

#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

#[tokio::test]
async fn secrets_stay_out_of_the_log() {
    let log = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(log.clone())
        .finish();
    let _capturing = tracing::subscriber::set_default(subscriber);
    // tracing caches whether each log statement is wanted. While only one dispatcher is
    // registered, it asks the default of whichever thread reaches a statement first, so a
    // statement first reached by another test's thread would be cached as unwanted for all; a
    // second registered dispatcher makes it ask every dispatcher, this test's included.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());

    let app = spawn_app().await;
    let user = TestUser::new(9601);
    let created = create_token(&app, &user, "logged?").await;
    let secret = secret(&created);
    let bearer = |method: Method, path: &str| {
        app.request(method, path)
            .header("Authorization", format!("Bearer {secret}"))
            .send()
    };
    let used = bearer(Method::POST, "/api/v1/tasks").await.unwrap();
    assert_eq!(used.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let used = app
        .request(Method::POST, "/api/v1/tasks")
        .header("Authorization", format!("Bearer {secret}"))
        .json(&json!({"title": "through a token"}))
        .send()
        .await
        .unwrap();
    assert_eq!(used.status(), StatusCode::CREATED);
    let id = created["id"].as_i64().unwrap();
    let revoked = bearer(Method::DELETE, &format!("/api/v1/tokens/{id}"))
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let refused = bearer(Method::GET, "/api/v1/tasks").await.unwrap();
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
