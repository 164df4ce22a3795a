//! A stand-in for the Telegram Bot API on 127.0.0.1: it records every call (method and JSON
//! body), serves queued updates to `getUpdates` (or, told to, POSTs them to the webhook the bot
//! set), answers the rest as Telegram would, and can be told to answer a method with 429
//! (`retry_after`), 500 or 403.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};

use crate::helpers::*;

pub const BOT_ID: i64 = 777_000;
pub const BOT_USERNAME: &str = "VectoraTestBot";

/// One call the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub body: Value,
    pub at: Instant,
    /// What the fake answered with (`null` for a refusal).
    pub result: Value,
}

impl Call {
    /// The message this `sendMessage` made, as a callback query carries it; `answering` is the
    /// user's message it replied to.
    pub fn message(&self, answering: Option<&Value>) -> Value {
        let mut message = self.result.clone();
        if let Some(original) = answering {
            message["reply_to_message"] = original.clone();
        }
        message
    }

    pub fn text(&self) -> &str {
        self.body["text"].as_str().unwrap_or("")
    }

    /// The buttons' labels and callback data (or URL), row by row.
    pub fn buttons(&self) -> Vec<Vec<(String, String)>> {
        let rows = self.body["reply_markup"]["inline_keyboard"].as_array();
        rows.map(|rows| {
            rows.iter()
                .map(|row| {
                    row.as_array()
                        .unwrap()
                        .iter()
                        .map(|b| {
                            let target = ["callback_data", "url"]
                                .iter()
                                .find_map(|k| b[*k].as_str())
                                .or_else(|| b["web_app"]["url"].as_str())
                                .unwrap_or("");
                            (b["text"].as_str().unwrap().to_owned(), target.to_owned())
                        })
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
    }
}

/// How to answer the next call of a method instead of succeeding.
#[derive(Debug, Clone, Copy)]
pub enum Failure {
    RetryAfter(u32),
    ServerError,
    /// 403: the person blocked the bot.
    Blocked,
}

#[derive(Default)]
struct Inner {
    calls: Mutex<Vec<Call>>,
    updates: Mutex<VecDeque<Value>>,
    failures: Mutex<Vec<(String, Failure)>>,
    next_update_id: AtomicI64,
    next_message_id: AtomicI64,
    new_update: Notify,
    new_call: Notify,
    /// Set by `deliver_webhooks_to`: updates go there instead of to `getUpdates`.
    webhook: Mutex<Option<mpsc::UnboundedSender<Value>>>,
    /// What the app answered each webhook delivery with.
    deliveries: Mutex<Vec<StatusCode>>,
    /// The webhook Telegram would call: set by `setWebhook`, cleared by `deleteWebhook`.
    webhook_url: Mutex<String>,
}

#[derive(Clone)]
pub struct FakeTelegram {
    pub addr: SocketAddr,
    inner: Arc<Inner>,
}

/// A Telegram user who writes to the bot.
#[derive(Debug, Clone)]
pub struct Chatter {
    pub id: i64,
    pub first_name: String,
    pub language_code: String,
}

impl Chatter {
    pub fn new(id: i64, language_code: &str) -> Chatter {
        Chatter {
            id,
            first_name: format!("Tester{id}"),
            language_code: language_code.to_owned(),
        }
    }

    /// The same person signing in to the Mini App (so the account gets the same language).
    pub fn api_user(&self) -> TestUser {
        TestUser {
            language_code: self.language_code.clone(),
            ..TestUser::new(self.id)
        }
    }

    fn json(&self) -> Value {
        json!({
            "id": self.id, "is_bot": false, "first_name": self.first_name,
            "username": format!("tester{}", self.id), "language_code": self.language_code,
        })
    }

    fn chat(&self) -> Value {
        json!({"id": self.id, "type": "private", "first_name": self.first_name})
    }
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl FakeTelegram {
    pub async fn start() -> FakeTelegram {
        let inner = Arc::new(Inner {
            next_update_id: AtomicI64::new(1),
            next_message_id: AtomicI64::new(1000),
            ..Default::default()
        });
        let app = Router::new()
            .route("/{token}/{method}", post(answer))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeTelegram { addr, inner }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The next call of `method` fails this way (once per call of this function).
    pub fn fail_next(&self, method: &str, failure: Failure) {
        self.inner
            .failures
            .lock()
            .unwrap()
            .push((method.to_owned(), failure));
    }

    fn push_update(&self, kind: &str, payload: Value) {
        let update = self.update(kind, payload);
        if let Some(webhook) = self.inner.webhook.lock().unwrap().as_ref() {
            webhook.send(update).unwrap();
            return;
        }
        self.inner.updates.lock().unwrap().push_back(update);
        self.inner.new_update.notify_waiters();
    }

    fn update(&self, kind: &str, payload: Value) -> Value {
        let id = self.inner.next_update_id.fetch_add(1, Ordering::SeqCst);
        json!({"update_id": id, kind: payload})
    }

    /// From now on, delivers updates as Telegram does to a webhook: once the bot has called
    /// `setWebhook`, each is POSTed, one at a time, to that URL's path on `app` (with the URL's
    /// host as `Host`, as nginx passes it) and the secret it set.
    pub fn deliver_webhooks_to(&self, app: SocketAddr) {
        let (sender, mut updates) = mpsc::unbounded_channel::<Value>();
        *self.inner.webhook.lock().unwrap() = Some(sender);
        let fake = self.clone();
        tokio::spawn(async move {
            let set = fake.wait_for("setWebhook", 1).await.swap_remove(0);
            let url = url::Url::parse(set.body["url"].as_str().unwrap()).unwrap();
            let secret = set.body["secret_token"].as_str().unwrap().to_owned();
            let client = reqwest::Client::new();
            while let Some(update) = updates.recv().await {
                let answered = client
                    .post(format!("http://{app}{}", url.path()))
                    .header("Host", url.host_str().unwrap())
                    .header("X-Telegram-Bot-Api-Secret-Token", &secret)
                    .json(&update)
                    .send()
                    .await
                    .unwrap();
                fake.inner
                    .deliveries
                    .lock()
                    .unwrap()
                    .push(answered.status());
            }
        });
    }

    /// As if a webhook had been set before (by an earlier deployment).
    pub fn pretend_webhook_set(&self, url: &str) {
        *self.inner.webhook_url.lock().unwrap() = url.to_owned();
    }

    /// The app's answers to the webhook deliveries so far.
    pub fn deliveries(&self) -> Vec<StatusCode> {
        self.inner.deliveries.lock().unwrap().clone()
    }

    /// A private message from `from`, as Telegram delivers it; returns the message.
    pub fn send_text(&self, from: &Chatter, text: &str) -> Value {
        let message = self.text_message(from, text);
        self.push_update("message", message.clone());
        message
    }

    /// The update `send_text` would deliver, without delivering it.
    pub fn text_update(&self, from: &Chatter, text: &str) -> Value {
        let message = self.text_message(from, text);
        self.update("message", message)
    }

    fn text_message(&self, from: &Chatter, text: &str) -> Value {
        let message = json!({
            "message_id": self.inner.next_message_id.fetch_add(1, Ordering::SeqCst),
            "date": now(), "chat": from.chat(), "from": from.json(), "text": text,
        });
        with_command_entity(message, text)
    }

    /// A message from `from` in the group `group` (a negative id, as Telegram gives groups).
    pub fn send_group_text(&self, from: &Chatter, group: i64, text: &str) {
        let message = json!({
            "message_id": self.inner.next_message_id.fetch_add(1, Ordering::SeqCst),
            "date": now(), "chat": {"id": group, "type": "group", "title": "Friends"},
            "from": from.json(), "text": text,
        });
        self.push_update("message", with_command_entity(message, text));
    }

    /// A sticker: a message without text.
    pub fn send_sticker(&self, from: &Chatter) {
        let message = json!({
            "message_id": self.inner.next_message_id.fetch_add(1, Ordering::SeqCst),
            "date": now(), "chat": from.chat(), "from": from.json(),
            "sticker": {
                "file_id": "sticker", "file_unique_id": "sticker-u", "type": "regular",
                "width": 512, "height": 512, "is_animated": false, "is_video": false,
            },
        });
        self.push_update("message", message);
    }

    /// `from` presses the button with `data` under the bot's `message` (as the bot sent it);
    /// returns the callback query's id.
    pub fn press(&self, from: &Chatter, message: &Value, data: &str) -> String {
        let id = format!(
            "cb{}",
            self.inner.next_message_id.fetch_add(1, Ordering::SeqCst)
        );
        let query = json!({
            "id": id, "from": from.json(), "chat_instance": "ci",
            "message": message, "data": data,
        });
        self.push_update("callback_query", query);
        id
    }

    /// The bot's answer to the button press `id`.
    pub async fn answer_to(&self, id: &str) -> Call {
        self.wait_for_matching("answerCallbackQuery", 1, |b| b["callback_query_id"] == id)
            .await
            .swap_remove(0)
    }

    pub fn calls(&self) -> Vec<Call> {
        self.inner.calls.lock().unwrap().clone()
    }

    pub fn calls_of(&self, method: &str) -> Vec<Call> {
        self.calls()
            .into_iter()
            .filter(|c| c.method == method)
            .collect()
    }

    /// Waits until `method` has been called `count` times with a body that `matches`.
    pub async fn wait_for_matching(
        &self,
        method: &str,
        count: usize,
        matches: impl Fn(&Value) -> bool,
    ) -> Vec<Call> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let notified = self.inner.new_call.notified();
            let calls: Vec<Call> = self
                .calls_of(method)
                .into_iter()
                .filter(|c| matches(&c.body))
                .collect();
            if calls.len() >= count {
                return calls;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "waited 30 s for {count} × {method}; other calls: {:?}",
                self.calls()
                    .iter()
                    .filter(|c| c.method != "getUpdates")
                    .map(|c| (c.method.as_str(), c.body.to_string()))
                    .collect::<Vec<_>>()
            );
            let _ = tokio::time::timeout(left, notified).await;
        }
    }

    pub async fn wait_for(&self, method: &str, count: usize) -> Vec<Call> {
        self.wait_for_matching(method, count, |_| true).await
    }

    /// The `count`-th call of `method` (1-based) concerning `chatter`'s chat.
    pub async fn nth_to(&self, method: &str, chatter: &Chatter, count: usize) -> Call {
        let chat = chatter.id;
        self.wait_for_matching(method, count, |body| body["chat_id"] == chat)
            .await
            .swap_remove(count - 1)
    }

    /// Every message the bot has sent to `chat` so far.
    pub fn sent_to(&self, chat: i64) -> Vec<Call> {
        self.calls_of("sendMessage")
            .into_iter()
            .filter(|c| c.body["chat_id"] == chat)
            .collect()
    }

    /// The `count`-th message the bot sent to `chatter` (1-based).
    pub async fn reply(&self, chatter: &Chatter, count: usize) -> Call {
        self.nth_to("sendMessage", chatter, count).await
    }
}

/// A text starting with `/` marks its first word as a command, as Telegram does.
fn with_command_entity(mut message: Value, text: &str) -> Value {
    if text.starts_with('/') {
        let command = text.split_whitespace().next().unwrap_or("");
        let length = command.encode_utf16().count();
        message["entities"] = json!([{"type": "bot_command", "offset": 0, "length": length}]);
    }
    message
}

fn take_failure(inner: &Inner, method: &str) -> Option<Failure> {
    let mut failures = inner.failures.lock().unwrap();
    let at = failures.iter().position(|(m, _)| m == method)?;
    Some(failures.remove(at).1)
}

/// A call's parameters as JSON, whether sent as JSON or (`setWebhook`, which may carry a
/// certificate) as a multipart form, whose fields hold JSON for lists and objects.
async fn parameters(request: axum::extract::Request) -> Value {
    use axum::extract::{FromRequest, Multipart};
    let multipart = request
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let body = axum::body::to_bytes(request.into_body(), usize::MAX)
            .await
            .unwrap();
        return serde_json::from_slice(&body).unwrap_or(Value::Null);
    }
    let mut form = Multipart::from_request(request, &()).await.unwrap();
    let mut fields = serde_json::Map::new();
    while let Some(field) = form.next_field().await.unwrap() {
        let name = field.name().unwrap().to_owned();
        let text = field.text().await.unwrap();
        let value = match serde_json::from_str::<Value>(&text) {
            Ok(json) if json.is_array() || json.is_object() => json,
            _ => Value::String(text),
        };
        fields.insert(name, value);
    }
    Value::Object(fields)
}

async fn answer(
    State(inner): State<Arc<Inner>>,
    Path((token, method)): Path<(String, String)>,
    request: axum::extract::Request,
) -> Response {
    assert!(
        token.starts_with("bot"),
        "the token goes in the path: {token}"
    );
    // Telegram ignores the case of method names (teloxide sends `SendMessage`).
    let mut chars = method.chars();
    let method: String = chars
        .next()
        .map(|first| first.to_ascii_lowercase())
        .into_iter()
        .chain(chars)
        .collect();
    let body = parameters(request).await;
    let at = Instant::now();
    let (status, answer) = match take_failure(&inner, &method) {
        Some(Failure::RetryAfter(seconds)) => (
            StatusCode::TOO_MANY_REQUESTS,
            json!({
                "ok": false, "error_code": 429,
                "description": format!("Too Many Requests: retry after {seconds}"),
                "parameters": {"retry_after": seconds},
            }),
        ),
        Some(Failure::ServerError) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"ok": false, "error_code": 500, "description": "Internal Server Error"}),
        ),
        Some(Failure::Blocked) => (
            StatusCode::FORBIDDEN,
            json!({
                "ok": false, "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }),
        ),
        None => (StatusCode::OK, success(&inner, &method, &body).await),
    };
    inner.calls.lock().unwrap().push(Call {
        method,
        body,
        at,
        result: answer["result"].clone(),
    });
    inner.new_call.notify_waiters();
    (status, Json(answer)).into_response()
}

fn ok(result: Value) -> Value {
    json!({"ok": true, "result": result})
}

async fn success(inner: &Inner, method: &str, body: &Value) -> Value {
    match method {
        "getMe" => ok(json!({
            "id": BOT_ID, "is_bot": true, "first_name": "Vectora", "username": BOT_USERNAME,
            "can_join_groups": true, "can_read_all_group_messages": false,
            "supports_inline_queries": false, "has_main_web_app": false,
        })),
        "getUpdates" => ok(updates(inner).await),
        "getWebhookInfo" => ok(json!({
            "url": *inner.webhook_url.lock().unwrap(),
            "has_custom_certificate": false, "pending_update_count": 0,
        })),
        "setWebhook" => {
            *inner.webhook_url.lock().unwrap() = body["url"].as_str().unwrap_or("").to_owned();
            ok(json!(true))
        }
        "deleteWebhook" => {
            inner.webhook_url.lock().unwrap().clear();
            ok(json!(true))
        }
        "sendMessage" | "editMessageText" => ok(message(inner, method, body)),
        _ => ok(json!(true)),
    }
}

/// Queued updates at once, or an empty list after a short wait, like a long poll.
async fn updates(inner: &Inner) -> Value {
    for _ in 0..2 {
        let notified = inner.new_update.notified();
        let queued: Vec<Value> = inner.updates.lock().unwrap().drain(..).collect();
        if !queued.is_empty() {
            return Value::Array(queued);
        }
        let _ = tokio::time::timeout(Duration::from_millis(200), notified).await;
    }
    json!([])
}

/// The message Telegram answers `sendMessage` / `editMessageText` with.
fn message(inner: &Inner, method: &str, body: &Value) -> Value {
    let id = match method {
        "sendMessage" => json!(inner.next_message_id.fetch_add(1, Ordering::SeqCst)),
        _ => body["message_id"].clone(),
    };
    let mut message = json!({
        "message_id": id, "date": now(),
        "chat": {"id": body["chat_id"], "type": "private", "first_name": "Tester"},
        "from": {"id": BOT_ID, "is_bot": true, "first_name": "Vectora", "username": BOT_USERNAME},
        "text": body["text"],
    });
    if let Some(markup) = body.get("reply_markup") {
        message["reply_markup"] = markup.clone();
    }
    message
}

/// The server with its bot on, talking to a fresh fake Telegram; the app is at
/// `https://vectora.example` as far as the bot's buttons go.
pub async fn spawn_with_bot() -> (TestApp, FakeTelegram) {
    let telegram = FakeTelegram::start().await;
    let app = bot_server_on(TestDb::new().await, &telegram).await;
    (app, telegram)
}

/// A server on `db` whose bot polls `telegram`, as `spawn_with_bot` starts one.
pub async fn bot_server_on(db: TestDb, telegram: &FakeTelegram) -> TestApp {
    let url = telegram.url();
    let bot = [
        ("TELEGRAM_API_URL", url.as_str()),
        ("BOT_MODE", "polling"),
        ("PUBLIC_URL", PUBLIC_URL),
    ];
    spawn_app_on(db, &bot).await
}

pub const PUBLIC_URL: &str = "https://vectora.example";

/// The server as deployed: production, `PUBLIC_URL` set and `BOT_MODE` left to its default (the
/// webhook), `ALLOWED_HOSTS` naming the public host (and 127.0.0.1 for the tests' own API
/// calls); the fake Telegram delivers updates to its webhook. `extra` adds or overrides settings.
pub async fn spawn_with_webhook_bot(extra: &[(&str, &str)]) -> (TestApp, FakeTelegram) {
    let telegram = FakeTelegram::start().await;
    let url = telegram.url();
    let mut env = vec![
        ("TELEGRAM_API_URL", url.as_str()),
        ("BOT_MODE", ""),
        ("APP_ENV", "production"),
        ("SECRET_KEY", SECRET_KEY),
        ("ALLOWED_HOSTS", "vectora.example,127.0.0.1"),
        ("PUBLIC_URL", PUBLIC_URL),
    ];
    env.extend_from_slice(extra);
    let app = spawn_app_with(&env).await;
    telegram.deliver_webhooks_to(app.addr);
    (app, telegram)
}
