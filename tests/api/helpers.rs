use std::collections::HashMap;
use std::net::SocketAddr;

use chrono::Utc;
use hmac::{Hmac, Mac};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;
use vectora::Config;
use vectora::server::Application;

use crate::postgres::ScratchDb;

pub const BOT_TOKEN: &str = "123456:TEST-TOKEN";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("VECTORA_TEST_DB").as_deref() {
        Ok("postgres") => Backend::Postgres,
        Ok("sqlite") | Err(_) => Backend::Sqlite,
        Ok(other) => panic!("VECTORA_TEST_DB must be sqlite or postgres, not {other}"),
    }
}

/// A fresh, empty database for one test, dropped with it.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    _postgres: Option<ScratchDb>,
}

impl TestDb {
    /// Another handle on a database some other `TestDb` owns (and drops).
    pub fn borrowed(url: &str) -> TestDb {
        TestDb {
            url: url.to_owned(),
            _dir: None,
            _postgres: None,
        }
    }

    pub async fn new() -> TestDb {
        match backend() {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                TestDb {
                    url,
                    _dir: Some(dir),
                    _postgres: None,
                }
            }
            Backend::Postgres => {
                let db = ScratchDb::create("vectora_test").await;
                TestDb {
                    url: db.url.clone(),
                    _dir: None,
                    _postgres: Some(db),
                }
            }
        }
    }
}

/// The real server on a random port, with its own database.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub db: TestDb,
    /// The reminder scheduler, when the bot is on: tests call `tick` with their own clock.
    pub scheduler: Option<vectora::scheduler::Scheduler>,
}

/// A Telegram user whose initData the tests sign with the bot's token.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub telegram_id: i64,
    pub first_name: String,
    pub language_code: String,
}

impl TestUser {
    pub fn new(telegram_id: i64) -> TestUser {
        TestUser {
            telegram_id,
            first_name: format!("User {telegram_id}"),
            language_code: "en".into(),
        }
    }

    pub fn user_json(&self) -> String {
        json!({
            "id": self.telegram_id,
            "first_name": self.first_name,
            "username": format!("user{}", self.telegram_id),
            "language_code": self.language_code,
        })
        .to_string()
    }

    /// initData signed now with the test bot's token.
    pub fn init_data(&self) -> String {
        sign_init_data(
            &[
                ("user", &self.user_json()),
                ("auth_date", &Utc::now().timestamp().to_string()),
            ],
            BOT_TOKEN,
        )
    }
}

/// Signs fields the way Telegram does for Mini Apps and returns the query string.
pub fn sign_init_data(fields: &[(&str, &str)], bot_token: &str) -> String {
    let mut sorted: Vec<_> = fields.to_vec();
    sorted.sort();
    let check = sorted
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut secret = Hmac::<Sha256>::new_from_slice(b"WebAppData").unwrap();
    secret.update(bot_token.as_bytes());
    let mut mac = Hmac::<Sha256>::new_from_slice(&secret.finalize().into_bytes()).unwrap();
    mac.update(check.as_bytes());
    let hash = hex::encode(mac.finalize().into_bytes());
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        query.append_pair(k, v);
    }
    query.append_pair("hash", &hash);
    query.finish()
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

pub async fn spawn_app_with(extra: &[(&str, &str)]) -> TestApp {
    spawn_app_on(TestDb::new().await, extra).await
}

/// A server on `db`, which may be another server's (`TestDb::borrowed`).
pub async fn spawn_app_on(db: TestDb, extra: &[(&str, &str)]) -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        vectora::telemetry::init("debug", false);
    }
    let mut env: HashMap<String, String> = HashMap::from([
        ("DATABASE_URL".into(), db.url.clone()),
        ("TELEGRAM_BOT_TOKEN".into(), BOT_TOKEN.into()),
        ("BOT_MODE".into(), "off".into()),
        ("LEPTOS_SITE_ADDR".into(), "127.0.0.1:0".into()),
        // Tests send far more than a person would; tests/api/perimeter.rs sets its own limits.
        ("RATE_LIMIT_PER_MINUTE".into(), "1000000".into()),
        ("SIGN_IN_RATE_LIMIT_PER_MINUTE".into(), "1000000".into()),
    ]);
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    let config = Config::from_lookup(|name| env.get(name).cloned()).expect("test config");
    let application = Application::build(config).await.expect("server starts");
    let addr = application.local_addr();
    let scheduler = application.scheduler().cloned();
    tokio::spawn(application.run_until(std::future::pending()));
    TestApp {
        addr,
        client: reqwest::Client::new(),
        db,
        scheduler,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path))
    }

    /// A request signed in as `user` with `Authorization: tma`.
    pub fn as_user(&self, user: &TestUser, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path)
            .header("Authorization", format!("tma {}", user.init_data()))
    }

    pub async fn get(&self, user: &TestUser, path: &str) -> Response {
        self.as_user(user, Method::GET, path).send().await.unwrap()
    }

    pub async fn send_json(
        &self,
        user: &TestUser,
        method: Method,
        path: &str,
        body: Value,
    ) -> Response {
        self.as_user(user, method, path)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_task(&self, user: &TestUser, body: Value) -> Value {
        let response = self
            .send_json(user, Method::POST, "/api/v1/tasks", body.clone())
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "creating {body}");
        response.json().await.unwrap()
    }

    /// Creates a task and returns its id.
    pub async fn post_task_id(&self, user: &TestUser, body: Value) -> i64 {
        self.post_task(user, body).await["id"]
            .as_i64()
            .expect("a created task has an id")
    }

    pub async fn delete(&self, user: &TestUser, path: &str) -> Response {
        self.as_user(user, Method::DELETE, path)
            .send()
            .await
            .unwrap()
    }

    pub async fn reorder(&self, user: &TestUser, ids: Value) -> Response {
        self.send_json(
            user,
            Method::POST,
            "/api/v1/tasks/reorder",
            json!({ "ids": ids }),
        )
        .await
    }

    pub async fn put_task(&self, user: &TestUser, id: i64, body: Value) -> Response {
        self.send_json(user, Method::PUT, &format!("/api/v1/tasks/{id}"), body)
            .await
    }

    /// Every task of the user, as the list returns them with `query`.
    pub async fn list(&self, user: &TestUser, query: &str) -> (Vec<Value>, u64) {
        let response = self.get(user, &format!("/api/v1/tasks{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "listing {query}");
        let total = response.headers()["x-total-count"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        (response.json().await.unwrap(), total)
    }

    pub async fn titles(&self, user: &TestUser, query: &str) -> Vec<String> {
        self.list(user, query)
            .await
            .0
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// Asserts a 422 whose `errors` name exactly `fields` (with these codes), and returns the body.
pub async fn assert_field_errors(response: Response, expected: &[(&str, &str)]) -> Value {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert!(body["detail"].is_string(), "{body}");
    let errors = body["errors"]
        .as_object()
        .unwrap_or_else(|| panic!("no errors in {body}"));
    let mut got: Vec<(String, String)> = errors
        .iter()
        .map(|(f, e)| (f.clone(), e["code"].as_str().unwrap().to_owned()))
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want, "{body}");
    for (_, error) in errors {
        assert!(!error["message"].as_str().unwrap().is_empty());
    }
    body
}

/// Sends the requests at once and asserts that every one answered `expected`.
pub async fn assert_all_answer<F>(requests: impl IntoIterator<Item = F>, expected: StatusCode)
where
    F: Future<Output = Response>,
{
    let statuses: Vec<StatusCode> = futures_util::future::join_all(requests)
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert!(statuses.iter().all(|s| *s == expected), "{statuses:?}");
}
