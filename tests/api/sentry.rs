//! `SENTRY_DSN`: a server error reaches Sentry (here a stand-in that records what it is sent) as
//! an event, without the credentials of the request that failed; with the DSN left empty, as
//! .env.example and the Kubernetes secret ship it, the same error is only logged.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::routing::post;
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, Database};

use crate::binary::{Serving, free_port, serve_command};
use crate::helpers::*;

type Received = Arc<Mutex<Vec<String>>>;

/// Answers like Sentry's envelope endpoint and keeps every body.
async fn fake_sentry() -> (u16, Received) {
    let received: Received = Arc::default();
    let store = received.clone();
    let app = Router::new().route(
        "/api/{project}/envelope/",
        post(move |body: Bytes| {
            let store = store.clone();
            async move {
                store
                    .lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&body).into_owned());
                StatusCode::OK
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (port, received)
}

/// Makes every task query fail from now on: the table is gone.
async fn break_the_database(url: &str) {
    let db = Database::connect(url).await.unwrap();
    db.execute_unprepared("DROP TABLE tasks CASCADE")
        .await
        .or(db.execute_unprepared("DROP TABLE tasks").await)
        .unwrap();
    db.close().await.ok();
}

/// What the fake Sentry received during one run of the server, and what the server logged.
struct Run {
    received: Vec<String>,
    log: String,
}

impl Run {
    fn events(&self) -> Vec<&String> {
        let events = self.received.iter();
        events
            .filter(|body| body.contains("\"type\":\"event\""))
            .collect()
    }
}

/// Runs the binary with `SENTRY_DSN` set to what `dsn` makes of the fake Sentry's port, makes
/// a task list asked for with `init_data` fail with a database error, and stops the server with SIGTERM, which sends
/// whatever Sentry still has queued; only then is it looked at what the fake received.
async fn one_failing_request(dsn: impl FnOnce(u16) -> String, init_data: &str) -> Run {
    let (sentry_port, received) = fake_sentry().await;
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut command = serve_command(&db, port, dir.path());
    command
        .env("SENTRY_DSN", dsn(sentry_port))
        .env("LOG_LEVEL", "info");
    let server = Serving::start(command, port).await;
    break_the_database(&db.url).await;

    let response = reqwest::Client::new()
        .request(Method::GET, format!("{}/api/v1/tasks", server.base))
        .header("authorization", format!("tma {init_data}"))
        .fetch()
        .await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = response.text().await.unwrap();
    assert!(
        !body.to_lowercase().contains("tasks\""),
        "no SQL in the answer: {body}"
    );

    server.terminate();
    let (status, log) = server.exited().await;
    assert!(status.success(), "{status}: {log}");
    let received = received.lock().unwrap().clone();
    Run { received, log }
}

#[tokio::test]
async fn a_server_error_is_reported_without_credentials() {
    let init_data = TestUser::new(8901).init_data();
    let run = one_failing_request(
        |port| format!("http://publickey@127.0.0.1:{port}/42"),
        &init_data,
    )
    .await;
    assert!(
        run.log.contains("errors are reported to Sentry"),
        "{}",
        run.log
    );
    let event = run
        .events()
        .into_iter()
        .find(|event| event.contains("database error"))
        .unwrap_or_else(|| panic!("no event for the database error: {:#?}", run.received));
    assert!(
        event.contains("no such table") || event.contains("does not exist"),
        "{event}"
    );
    let hash = init_data.rsplit("hash=").next().unwrap();
    for body in &run.received {
        for secret in [BOT_TOKEN, hash] {
            assert!(
                !body.contains(secret),
                "a credential reached Sentry: {body}"
            );
        }
    }
}

/// The same run with the fake Sentry listening, the DSN alone left empty: the server starts,
/// logs the error, says nothing of Sentry and sends nothing.
#[tokio::test]
async fn an_empty_dsn_reports_nothing() {
    let init_data = TestUser::new(8902).init_data();
    let run = one_failing_request(|_| String::new(), &init_data).await;
    assert!(run.log.contains("database error"), "{}", run.log);
    assert!(!run.log.contains("Sentry"), "{}", run.log);
    assert!(run.received.is_empty(), "{:#?}", run.received);
}

/// A browser's crash report is an error in the log, so it reaches Sentry as an event too.
#[tokio::test]
async fn a_browser_crash_reaches_sentry() {
    let (sentry_port, received) = fake_sentry().await;
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut command = serve_command(&db, port, dir.path());
    command.env(
        "SENTRY_DSN",
        format!("http://publickey@127.0.0.1:{sentry_port}/42"),
    );
    let server = Serving::start(command, port).await;
    let answer = reqwest::Client::new()
        .post(format!("{}/crash-reports", server.base))
        .json(&serde_json::json!({
            "kind": "panic",
            "message": "index out of bounds: the len is 3 but the index is 7",
            "route": "/calendar",
        }))
        .fetch()
        .await;
    assert_eq!(answer.status(), StatusCode::NO_CONTENT);
    server.terminate();
    let (status, log) = server.exited().await;
    assert!(status.success(), "{status}: {log}");
    let received = received.lock().unwrap().clone();
    let run = Run { received, log };
    let event = run
        .events()
        .into_iter()
        .find(|event| event.contains("index out of bounds"))
        .unwrap_or_else(|| panic!("no event for the crash: {:#?}", run.received));
    assert!(event.contains("/calendar"), "{event}");
}
