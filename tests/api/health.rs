use std::time::{Duration, Instant};

use reqwest::{Method, Response, StatusCode};
use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, TransactionTrait,
};
use serde_json::{Value, json};
use tokio::task::JoinHandle;

use crate::helpers::*;
use crate::postgres::admin_url;

#[tokio::test]
async fn health_and_version_answer_without_credentials() {
    let app = spawn_app().await;
    let response = app.request(Method::GET, "/health").fetch().await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "healthy");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
    assert!(chrono::DateTime::parse_from_rfc3339(body["timestamp"].as_str().unwrap()).is_ok());

    let version = app.request(Method::GET, "/version").fetch_json().await;
    assert_eq!(version["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = spawn_app().await;
    let response = app.request(Method::GET, "/health").fetch().await;
    assert!(!response.headers()["x-request-id"].is_empty());
    let echoed = app
        .get_with_header("/version", "x-request-id", "abc-123")
        .await;
    assert_eq!(echoed.headers()["x-request-id"], "abc-123");
}

#[tokio::test]
async fn health_is_503_while_the_database_does_not_answer_and_recovers() {
    let app = spawn_app().await;
    let health = || app.request(Method::GET, "/health").fetch();
    assert_eq!(health().await.status(), StatusCode::OK);

    let outage = Outage::begin(&app).await;
    // SQLite's writes take a moment to fill the pool; until then /health may still pass.
    let deadline = Instant::now() + Duration::from_millis(2500);
    let mut down = health().await;
    while down.status() == StatusCode::OK && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        down = health().await;
    }
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = down.json().await.unwrap();
    assert_eq!(body["status"], "unhealthy");
    assert_eq!(body["database"], "unavailable");

    outage.end().await;
    let mut recovered = false;
    for _ in 0..50 {
        if health().await.status() == StatusCode::OK {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(recovered, "/health is 200 again once the database is back");
    let user = TestUser::new(4101);
    app.post_task(&user, json!({"title": "after the outage"}))
        .await;
}

/// The database stops answering the server, the way each backend can.
enum Outage {
    /// Connections to the database are refused, and the open ones ended.
    Postgres {
        admin: DatabaseConnection,
        name: String,
    },
    /// A file cannot refuse connections, and `SELECT 1` reads nothing from it; but a writer
    /// outside the server can hold its lock while writes through the API wait for it (up to the
    /// five-second busy timeout), each in one of the server's pooled connections.
    Sqlite {
        lock: DatabaseTransaction,
        writes: Vec<JoinHandle<Response>>,
    },
}

impl Outage {
    async fn begin(app: &TestApp) -> Outage {
        match backend() {
            Backend::Postgres => {
                let admin = Database::connect(&admin_url()).await.unwrap();
                let name = app.db.url.rsplit('/').next().unwrap().to_owned();
                admin
                    .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
                    .await
                    .unwrap();
                admin
                    .execute_unprepared(&format!(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
                    ))
                    .await
                    .unwrap();
                Outage::Postgres { admin, name }
            }
            Backend::Sqlite => {
                let outside = Database::connect(&app.db.url).await.unwrap();
                let lock = outside.begin().await.unwrap();
                lock.execute_unprepared("CREATE TABLE outage_lock (held INTEGER)")
                    .await
                    .unwrap();
                // Twice the pool's eight connections, each write by a new user.
                let writes = (0..16)
                    .map(|n| {
                        let write = app
                            .as_user(&TestUser::new(4200 + n), Method::POST, "/api/v1/tasks")
                            .json(&json!({"title": "waits for the lock"}));
                        tokio::spawn(write.fetch())
                    })
                    .collect();
                Outage::Sqlite { lock, writes }
            }
        }
    }

    async fn end(self) {
        match self {
            Outage::Postgres { admin, name } => {
                admin
                    .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
                    .await
                    .unwrap();
            }
            Outage::Sqlite { lock, writes } => {
                lock.rollback().await.unwrap();
                // They go through now, or fail if they waited past the busy timeout.
                for write in writes {
                    write.await.unwrap();
                }
            }
        }
    }
}
