//! Helpers for browser sign-in tests: a client that does not follow redirects, cookies by hand,
//! Login Widget payloads signed like Telegram's, and sign-in links issued through the service.

use app::server::login_links;
use reqwest::header::{HeaderMap, SET_COOKIE};
use reqwest::{Method, RequestBuilder, Response, StatusCode, redirect};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::helpers::*;

pub const PASSWORD: &str = "correct1horse";

pub fn no_redirects() -> reqwest::Client {
    client_builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

/// `vectora_session=<value>` from a response's `Set-Cookie`, asserting its attributes.
pub fn session_cookie(headers: &HeaderMap) -> String {
    let cookie = headers
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("vectora_session="))
        .unwrap_or_else(|| panic!("no session cookie in {headers:?}"));
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=2592000"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    cookie.split(';').next().unwrap().to_owned()
}

/// A Login Widget callback query for `telegram_id`, signed with `bot_token` the widget's way.
pub fn widget_query(telegram_id: i64, auth_date: i64, bot_token: &str) -> String {
    let id = telegram_id.to_string();
    let date = auth_date.to_string();
    let name = format!("Widget {telegram_id}");
    let username = format!("user{telegram_id}");
    let fields = [
        ("auth_date", date.as_str()),
        ("first_name", name.as_str()),
        ("id", id.as_str()),
        ("username", username.as_str()),
    ];
    signed_query(&fields, &Sha256::digest(bot_token.as_bytes()))
}

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl TestApp {
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A request as a browser makes it, but whose redirects are not followed.
    pub fn browser(&self, method: Method, path: &str) -> RequestBuilder {
        no_redirects().request(method, self.url(path))
    }

    /// A request from the app's own page, with the session cookie.
    pub fn with_cookie(&self, method: Method, path: &str, cookie: &str) -> RequestBuilder {
        self.browser(method, path)
            .header("cookie", cookie)
            .header("origin", self.origin())
    }

    /// A call of the server function at `path` from the app's own page, asking for JSON.
    pub fn server_fn_by_cookie(&self, path: &str, cookie: &str) -> RequestBuilder {
        self.with_cookie(Method::POST, path, cookie)
            .header("accept", "application/json")
    }

    /// What the Settings page's Account section shows this session (`/api/account`).
    pub async fn account(&self, cookie: &str) -> Value {
        self.server_fn_by_cookie("/api/account", cookie)
            .fetch_json()
            .await
    }

    pub async fn me_by_cookie(&self, cookie: &str) -> Response {
        self.with_cookie(Method::GET, "/api/v1/me", cookie)
            .fetch()
            .await
    }

    /// The profile a cookie signs in, or the status when it signs nobody in.
    pub async fn profile_by_cookie(&self, cookie: &str) -> Result<Value, StatusCode> {
        let response = self.me_by_cookie(cookie).await;
        match response.status() {
            StatusCode::OK => Ok(response.json().await.unwrap()),
            status => Err(status),
        }
    }

    /// Asserts that `cookie` signs nobody in: `GET /api/v1/me` with it is a 401.
    pub async fn assert_signed_out(&self, cookie: &str) {
        let refused = self.profile_by_cookie(cookie).await.err();
        let still = "still signs someone in";
        assert_eq!(refused, Some(StatusCode::UNAUTHORIZED), "{cookie} {still}");
    }

    pub async fn widget_sign_in(&self, query: &str) -> Response {
        self.browser(Method::GET, &format!("/auth/telegram?{query}"))
            .fetch()
            .await
    }

    pub async fn register_json(&self, username: &str, password: &str) -> Response {
        self.credentials_json("/auth/register", username, password)
            .await
    }

    pub async fn login_json(&self, username: &str, password: &str) -> Response {
        self.credentials_json("/auth/login", username, password)
            .await
    }

    async fn credentials_json(&self, path: &str, username: &str, password: &str) -> Response {
        self.browser(Method::POST, path)
            .json(&json!({"username": username, "password": password}))
            .fetch()
            .await
    }

    /// The sign-in form posted as a browser without JavaScript posts it.
    pub async fn login_form(&self, username: &str, password: &str) -> Response {
        self.browser(Method::POST, "/auth/login")
            .form(&[("username", username), ("password", password)])
            .fetch()
            .await
    }

    /// Registers `username` and returns its session cookie.
    pub async fn registered(&self, username: &str) -> String {
        let response = self.register_json(username, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        session_cookie(response.headers())
    }

    /// The session cookie of another browser signing in as `username` (registered with
    /// `PASSWORD`).
    pub async fn signed_in_elsewhere(&self, username: &str) -> String {
        let response = self.login_json(username, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
        session_cookie(response.headers())
    }

    /// Signs in through the development sign-in with `form` and returns the `name=value` of its
    /// session cookie.
    pub async fn dev_sign_in(&self, form: &[(&str, &str)]) -> String {
        let response = self
            .browser(Method::POST, "/auth/dev")
            .form(form)
            .fetch()
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/");
        let cookie = header(&response, "set-cookie");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        cookie.split(';').next().unwrap().to_owned()
    }

    /// A one-time sign-in link for `user_id`, as the bot's `/login` gets it.
    pub async fn issue_link(&self, user_id: i64) -> String {
        let db = app::server::db::connect(&self.db.url).await.unwrap();
        let url = login_links::issue_login_link_at(&db, &self.origin(), user_id)
            .await
            .unwrap();
        db.close().await.ok();
        url
    }

    /// The account id of a Telegram user (created through initData if new).
    pub async fn account_id(&self, user: &TestUser) -> i64 {
        self.me(user).await["id"].as_i64().unwrap()
    }
}
