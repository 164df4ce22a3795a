//! `SENTRY_DSN`: a server error reaches Sentry (here a stand-in that records what it is sent) as
//! an event, without the credentials of the request that failed; without a DSN nothing is sent.

use std::process::Child;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::routing::post;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database};

use crate::binary::{free_port, serve_command};
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

fn serve(db: &TestDb, port: u16, dsn: Option<&str>, dir: &std::path::Path) -> Child {
    let mut command = serve_command(db, port, dir);
    if let Some(dsn) = dsn {
        command.env("SENTRY_DSN", dsn);
    }
    command.spawn().expect("the vectora binary starts")
}

async fn until_up(base: &str) {
    for _ in 0..300 {
        if reqwest::get(format!("{base}/health"))
            .await
            .is_ok_and(|r| r.status() == StatusCode::OK)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
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

async fn failing_request(base: &str, user: &TestUser) {
    let response = reqwest::Client::new()
        .get(format!("{base}/api/v1/tasks"))
        .header("authorization", format!("tma {}", user.init_data()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = response.text().await.unwrap();
    assert!(
        !body.to_lowercase().contains("tasks\""),
        "no SQL in the answer: {body}"
    );
}

#[tokio::test]
async fn a_server_error_is_reported_without_credentials() {
    let (sentry_port, received) = fake_sentry().await;
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let dsn = format!("http://publickey@127.0.0.1:{sentry_port}/42");
    let mut child = serve(&db, port, Some(&dsn), dir.path());
    let base = format!("http://127.0.0.1:{port}");
    until_up(&base).await;
    let user = TestUser::new(8901);
    break_the_database(&db.url).await;
    failing_request(&base, &user).await;

    let mut event = None;
    for _ in 0..100 {
        event = received
            .lock()
            .unwrap()
            .iter()
            .find(|body| body.contains("\"type\":\"event\""))
            .cloned();
        if event.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().ok();
    child.wait().ok();
    let event = event.expect("Sentry received an event");
    assert!(event.contains("database error"), "{event}");
    assert!(
        event.contains("no such table") || event.contains("does not exist"),
        "{event}"
    );
    let init_data = user.init_data();
    let hash = init_data.rsplit("hash=").next().unwrap();
    for secret in [BOT_TOKEN, hash] {
        assert!(
            !event.contains(secret),
            "a credential reached Sentry: {event}"
        );
    }
}

#[tokio::test]
async fn without_a_dsn_nothing_is_sent() {
    let (sentry_port, received) = fake_sentry().await;
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = serve(&db, port, None, dir.path());
    let base = format!("http://127.0.0.1:{port}");
    until_up(&base).await;
    break_the_database(&db.url).await;
    failing_request(&base, &TestUser::new(8902)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    child.kill().ok();
    child.wait().ok();
    assert!(received.lock().unwrap().is_empty(), "sent to {sentry_port}");
}
