//! SIGTERM under load: the real binary stops accepting, finishes every request it has begun
//! (a slow password registration included), and exits 0. A connection the server had not yet
//! read a request from may be closed (clients retry those); the database then shows that such a
//! request was never carried out — no request is half done or done without an answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;

use crate::binary::{Serving, free_port, serve_command};
use crate::helpers::*;

#[derive(Debug)]
enum Outcome {
    Answered(StatusCode),
    /// The listener was already closed: the server never took the request.
    Refused,
    /// The connection was closed before an answer: checked against the database below.
    Dropped,
    Failed(String),
}

fn outcome(result: reqwest::Result<reqwest::Response>) -> Outcome {
    match result {
        Ok(response) => Outcome::Answered(response.status()),
        Err(err) if err.is_connect() => Outcome::Refused,
        Err(err) if err.is_request() && !err.is_timeout() => Outcome::Dropped,
        Err(err) => Outcome::Failed(format!("{err:?}")),
    }
}

#[tokio::test]
async fn sigterm_under_load_finishes_every_accepted_request() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = Serving::start(serve_command(&db, port, dir.path()), port).await;
    let base = server.base.clone();
    // A new connection per request: an idle kept-alive one closed by the shutdown would make
    // the client fail a request the server never saw.
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();

    let stopping = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::new();
    for worker in 0..8 {
        let (client, base, stopping) = (client.clone(), base.clone(), stopping.clone());
        workers.push(tokio::spawn(async move {
            let user = TestUser::new(9100 + worker);
            let mut outcomes = Vec::new();
            for n in 0.. {
                let title = (n % 2 == 0).then(|| format!("load {worker}-{n}"));
                let request = if let Some(title) = &title {
                    client
                        .post(format!("{base}/api/v1/tasks"))
                        .json(&json!({ "title": title }))
                } else {
                    client.get(format!("{base}/api/v1/tasks"))
                };
                let result = request
                    .header("authorization", format!("tma {}", user.init_data()))
                    .send()
                    .await;
                let outcome = outcome(result);
                let refused = matches!(outcome, Outcome::Refused);
                outcomes.push((title, outcome));
                if refused && stopping.load(Ordering::SeqCst) {
                    break;
                }
            }
            outcomes
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    let slow: Vec<_> = (0..3)
        .map(|n| {
            let (client, base) = (client.clone(), base.clone());
            tokio::spawn(async move {
                outcome(
                    client
                        .post(format!("{base}/auth/register"))
                        .json(
                            &json!({"username": format!("late_{n}"), "password": "slow1hash1pass"}),
                        )
                        .send()
                        .await,
                )
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(30)).await;
    stopping.store(true, Ordering::SeqCst);
    server.terminate();

    let mut answered = 0;
    let (mut created, mut not_created) = (Vec::new(), Vec::new());
    for worker in workers {
        for (title, outcome) in worker.await.unwrap() {
            match outcome {
                Outcome::Answered(status) => {
                    assert!(status.is_success(), "answered {status}");
                    answered += 1;
                    created.extend(title);
                }
                Outcome::Refused => not_created.extend(title),
                Outcome::Dropped => not_created.extend(title),
                Outcome::Failed(err) => panic!("a request failed during shutdown: {err}"),
            }
        }
    }
    assert!(answered > 20, "the load ran ({answered} answers)");
    for request in slow {
        match request.await.unwrap() {
            Outcome::Answered(status) => assert_eq!(status, StatusCode::CREATED),
            other => panic!("a registration in flight at SIGTERM: {other:?}"),
        }
    }
    let (exit, _) = server.exited().await;
    assert!(exit.success(), "exit status {exit}");
}
