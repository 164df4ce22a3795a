use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::Duration;

use chrono::Utc;
use hmac::{Hmac, Mac};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use vectora::Config;
use vectora::server::Application;

pub use crate::answers::*;
use crate::postgres::ScratchDb;

pub const BOT_TOKEN: &str = "123456:TEST-TOKEN";

/// A `SECRET_KEY` strong enough for production.
pub const SECRET_KEY: &str = "k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa";

/// The least a production server needs, the tests' own address allowed as its host.
pub const PRODUCTION: [(&str, &str); 3] = [
    ("APP_ENV", "production"),
    ("SECRET_KEY", SECRET_KEY),
    ("ALLOWED_HOSTS", "127.0.0.1"),
];

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

    /// Another handle on this database, for a second server.
    pub fn shared(&self) -> TestDb {
        TestDb::borrowed(&self.url)
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
    stop: Option<oneshot::Sender<()>>,
    running: Option<JoinHandle<std::io::Result<()>>>,
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
    let mut secret = Hmac::<Sha256>::new_from_slice(b"WebAppData").unwrap();
    secret.update(bot_token.as_bytes());
    signed_query(fields, &secret.finalize().into_bytes())
}

/// `fields` as a query string, with the `hash` Telegram puts on them: the HMAC-SHA256 under
/// `secret` of their data-check string (`key=value` lines, sorted).
pub fn signed_query(fields: &[(&str, &str)], secret: &[u8]) -> String {
    let mut sorted: Vec<_> = fields.to_vec();
    sorted.sort();
    let check = sorted
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(check.as_bytes());
    let hash = hex::encode(mac.finalize().into_bytes());
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        query.append_pair(k, v);
    }
    query.append_pair("hash", &hash);
    query.finish()
}

/// How long a test waits for a whole answer: far longer than any request takes, so that an answer
/// that never ends fails its test instead of stalling the suite.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(60);

/// The clients the tests talk to the server with.
pub fn client_builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder().timeout(ANSWER_TIMEOUT)
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// A server and the Telegram user `telegram_id`, who has nothing on it yet.
pub async fn spawn_app_for(telegram_id: i64) -> (TestApp, TestUser) {
    (spawn_app().await, TestUser::new(telegram_id))
}

pub async fn spawn_app_with(extra: &[(&str, &str)]) -> TestApp {
    spawn_app_on(TestDb::new().await, extra).await
}

/// A server on `db`, which may be another server's (`TestDb::shared`).
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
    let (stop, stopped) = oneshot::channel::<()>();
    // Runs until `TestApp::stop` (not when the sender is merely dropped) or the test ends.
    let running = tokio::spawn(application.run_until(async {
        if stopped.await.is_err() {
            std::future::pending::<()>().await;
        }
    }));
    TestApp {
        addr,
        client: client_builder().build().unwrap(),
        db,
        scheduler,
        stop: Some(stop),
        running: Some(running),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path))
    }

    /// `GET path` with one header and no other credentials; whatever it answers.
    pub async fn get_with_header(&self, path: &str, name: &str, value: &str) -> Response {
        self.request(Method::GET, path)
            .header(name, value)
            .fetch()
            .await
    }

    /// A request signed in as `user` with `Authorization: tma`.
    pub fn as_user(&self, user: &TestUser, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path)
            .header("Authorization", format!("tma {}", user.init_data()))
    }

    /// A request with an API token, `Authorization: Bearer <secret>`.
    pub fn bearer(&self, secret: &str, method: Method, path: &str) -> RequestBuilder {
        self.request(method, path)
            .header("Authorization", format!("Bearer {secret}"))
    }

    /// A call of the server function at `path` as `user`, asking for JSON (not a redirect).
    pub fn server_fn(&self, user: &TestUser, path: &str) -> RequestBuilder {
        self.as_user(user, Method::POST, path)
            .header("accept", "application/json")
    }

    pub async fn get(&self, user: &TestUser, path: &str) -> Response {
        self.as_user(user, Method::GET, path).fetch().await
    }

    /// `GET path` as `user`, which must succeed; its JSON.
    pub async fn get_json(&self, user: &TestUser, path: &str) -> Value {
        self.as_user(user, Method::GET, path).fetch_json().await
    }

    /// The user's task `id`, which must be theirs.
    pub async fn get_task(&self, user: &TestUser, id: i64) -> Value {
        self.get_json(user, &format!("/api/v1/tasks/{id}")).await
    }

    /// What `/metrics` reports now, which must be Prometheus text.
    pub async fn metrics(&self) -> String {
        let response = self.request(Method::GET, "/metrics").fetch().await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_starts_with(
            header(&response, "content-type"),
            "text/plain; version=0.0.4",
        );
        response.text().await.unwrap()
    }

    /// The user's profile (`GET /api/v1/me`).
    pub async fn me(&self, user: &TestUser) -> Value {
        self.get_json(user, "/api/v1/me").await
    }

    /// `PATCH /api/v1/me`, which must succeed (200); the profile it answers.
    pub async fn set_me(&self, user: &TestUser, body: Value) -> Value {
        let response = self.patch_me(user, body.clone()).await;
        json_answer(response, StatusCode::OK, &body).await
    }

    pub async fn send_json(
        &self,
        user: &TestUser,
        method: Method,
        path: &str,
        body: Value,
    ) -> Response {
        self.as_user(user, method, path).json(&body).fetch().await
    }

    /// `POST path` with a JSON body as `user`, asking for answers in `language`
    /// (`Accept-Language`); whatever it answers.
    pub async fn post_in_language(
        &self,
        user: &TestUser,
        path: &str,
        language: &str,
        body: Value,
    ) -> Response {
        self.as_user(user, Method::POST, path)
            .header("accept-language", language)
            .json(&body)
            .fetch()
            .await
    }

    /// `PATCH /api/v1/me`: changes the user's settings.
    pub async fn patch_me(&self, user: &TestUser, body: Value) -> Response {
        self.send_json(user, Method::PATCH, "/api/v1/me", body)
            .await
    }

    /// `POST /api/v1/tasks`, whatever it answers.
    pub async fn try_post_task(&self, user: &TestUser, body: Value) -> Response {
        self.send_json(user, Method::POST, "/api/v1/tasks", body)
            .await
    }

    pub async fn post_task(&self, user: &TestUser, body: Value) -> Value {
        let response = self.try_post_task(user, body.clone()).await;
        json_answer(response, StatusCode::CREATED, &body).await
    }

    /// Creates a task and returns its id.
    pub async fn post_task_id(&self, user: &TestUser, body: Value) -> i64 {
        self.post_task(user, body).await["id"]
            .as_i64()
            .expect("a created task has an id")
    }

    /// Creates a task with each title, in this order, and returns their ids.
    pub async fn post_titled(&self, user: &TestUser, titles: &[&str]) -> Vec<i64> {
        let mut ids = Vec::new();
        for title in titles {
            ids.push(self.post_task_id(user, json!({"title": title})).await);
        }
        ids
    }

    pub async fn delete(&self, user: &TestUser, path: &str) -> Response {
        self.as_user(user, Method::DELETE, path).fetch().await
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

    pub async fn patch_task(&self, user: &TestUser, id: i64, body: Value) -> Response {
        self.send_json(user, Method::PATCH, &format!("/api/v1/tasks/{id}"), body)
            .await
    }

    /// Every task of the user, as the list returns them with `query`.
    pub async fn list(&self, user: &TestUser, query: &str) -> (Vec<Value>, u64) {
        let response = self.get(user, &format!("/api/v1/tasks{query}")).await;
        assert_eq!(response.status(), StatusCode::OK, "listing {query}");
        let total = header(&response, "x-total-count").parse().unwrap();
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

    /// A second server on this one's database (a replica, or this one restarted), with these
    /// settings besides the usual.
    pub async fn another_server(&self, extra: &[(&str, &str)]) -> TestApp {
        spawn_app_on(self.db.shared(), extra).await
    }

    /// Stops the server as SIGTERM would, and asserts that it (and its bot) finished within
    /// 10 s.
    pub async fn stop(mut self) {
        self.stop.take().unwrap().send(()).unwrap();
        let running = self.running.take().unwrap();
        let finished = tokio::time::timeout(Duration::from_secs(10), running).await;
        let result = finished.expect("the server stops within 10 s");
        result.unwrap().expect("the server stops cleanly");
    }
}

/// Asserts a 201 whose `Location` serves the created task as it was answered; returns the task.
pub async fn assert_created_at_its_location(
    app: &TestApp,
    user: &TestUser,
    response: Response,
) -> Value {
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = header(&response, "location").to_owned();
    let task: Value = response.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/tasks/{}", task["id"]));
    assert_eq!(app.get_json(user, &location).await, task);
    task
}
