//! Who may call the API: signed initData only, in either header.

use chrono::Utc;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;
use crate::openapi::{Document, http_method};

async fn status_with(app: &TestApp, header: (&str, String)) -> (StatusCode, Value) {
    let response = app
        .get_with_header("/api/v1/tasks", header.0, &header.1)
        .await;
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn both_headers_sign_in_the_same_user() {
    let (app, user) = spawn_app_for(4001).await;
    app.post_task(&user, json!({"title": "mine"})).await;
    let (status, body) = status_with(&app, ("X-Telegram-Init-Data", user.init_data())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body[0]["title"], "mine");
    let (status, _) =
        status_with(&app, ("Authorization", format!("TMA {}", user.init_data()))).await;
    assert_eq!(status, StatusCode::OK, "the scheme is case-insensitive");
}

#[tokio::test]
async fn refuses_every_bad_credential_with_401() {
    let (app, user) = spawn_app_for(4002).await;
    let now = Utc::now().timestamp();
    let user_json = user.user_json();
    let fresh = user.init_data();
    let tampered = fresh.replace("4002", "4003");
    let other_bot = sign_init_data(
        &[("user", &user_json), ("auth_date", &now.to_string())],
        "654321:OTHER-BOT",
    );
    let stale = sign_init_data(
        &[
            ("user", &user_json),
            ("auth_date", &(now - 86_401).to_string()),
        ],
        BOT_TOKEN,
    );
    let future = sign_init_data(
        &[
            ("user", &user_json),
            ("auth_date", &(now + 3_600).to_string()),
        ],
        BOT_TOKEN,
    );
    let no_user = sign_init_data(&[("auth_date", &now.to_string())], BOT_TOKEN);
    let bad_user = sign_init_data(
        &[("user", "{not json"), ("auth_date", &now.to_string())],
        BOT_TOKEN,
    );
    let no_hash: String = fresh
        .split('&')
        .filter(|p| !p.starts_with("hash="))
        .collect::<Vec<_>>()
        .join("&");
    let cases: Vec<(&str, (&str, String))> = vec![
        ("tampered", ("Authorization", format!("tma {tampered}"))),
        ("other bot", ("Authorization", format!("tma {other_bot}"))),
        ("stale", ("Authorization", format!("tma {stale}"))),
        ("future", ("Authorization", format!("tma {future}"))),
        ("no user", ("Authorization", format!("tma {no_user}"))),
        ("bad user", ("Authorization", format!("tma {bad_user}"))),
        ("no hash", ("Authorization", format!("tma {no_hash}"))),
        ("garbage", ("Authorization", "tma %%%garbage&&&==".into())),
        ("empty", ("Authorization", "tma ".into())),
        ("no scheme", ("Authorization", fresh.clone())),
        ("bearer", ("Authorization", "Bearer abc".into())),
        (
            "v0.2 header tampered",
            ("X-Telegram-Init-Data", tampered.clone()),
        ),
    ];
    for (name, header) in cases {
        let (status, body) = status_with(&app, header).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{name}");
        let detail = body["detail"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: {body}"));
        assert!(
            !detail.contains(BOT_TOKEN) && !detail.contains("hash="),
            "{name}: {detail}"
        );
    }
    let missing = app.request(Method::GET, "/api/v1/tasks").fetch().await;
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    let challenges: Vec<_> = missing
        .headers()
        .get_all("www-authenticate")
        .iter()
        .map(|value| value.to_str().unwrap())
        .collect();
    assert_eq!(challenges, [r#"Bearer realm="vectora""#, "tma"]);
}

/// Every operation of the OpenAPI document (which tests/api/openapi.rs holds to every `/api/v1`
/// route), called without credentials, answers 401 in the documented shape: not 404 or 405, so
/// the route is really served, and not what it would answer the task's owner.
#[tokio::test]
async fn every_api_route_needs_credentials() {
    let app = spawn_app().await;
    let owner = TestUser::new(4008);
    let task = app
        .post_task_id(&owner, json!({"title": "someone's"}))
        .await;
    let doc = Document::fetch(&app).await;
    let operations = doc.operations();
    assert!(!operations.is_empty(), "the document lists operations");
    for (method, path) in operations {
        // Every path parameter gets the id of a task that exists.
        let concrete: Vec<String> = path
            .split('/')
            .map(|part| {
                if part.starts_with('{') {
                    task.to_string()
                } else {
                    part.to_owned()
                }
            })
            .collect();
        let response = app
            .request(http_method(&method), &concrete.join("/"))
            .json(&json!({"title": "x"}))
            .fetch()
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
        doc.check(&method, &path, response).await;
    }
    assert_eq!(app.titles(&owner, "").await, ["someone's"], "untouched");
}

#[tokio::test]
async fn the_freshness_window_is_configurable() {
    let app = spawn_app_with(&[("AUTH_MAX_AGE", "60")]).await;
    let user = TestUser::new(4004);
    let two_minutes_ago = (Utc::now().timestamp() - 120).to_string();
    let old = sign_init_data(
        &[("user", &user.user_json()), ("auth_date", &two_minutes_ago)],
        BOT_TOKEN,
    );
    let (status, _) = status_with(&app, ("Authorization", format!("tma {old}"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) =
        status_with(&app, ("Authorization", format!("tma {}", user.init_data()))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn without_a_bot_token_nobody_signs_in() {
    let app = spawn_app_with(&[("TELEGRAM_BOT_TOKEN", "")]).await;
    let user = TestUser::new(4005);
    let (status, body) =
        status_with(&app, ("Authorization", format!("tma {}", user.init_data()))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["detail"].as_str().unwrap().contains("not configured"),
        "{body}"
    );
    let health = app.request(Method::GET, "/health").fetch().await;
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_profile_follows_what_telegram_signs() {
    let app = spawn_app().await;
    let mut user = TestUser::new(4006);
    user.first_name = "Алексей".into();
    user.language_code = "ru".into();
    let me = app.me(&user).await;
    assert_eq!(me["telegram_id"], 4006);
    assert_eq!(me["first_name"], "Алексей");
    assert_eq!(me["username"], "user4006");
    assert_eq!(
        me["language"], "ru",
        "the first language comes from Telegram"
    );
    assert_eq!(me["time_zone"], "UTC");

    app.set_me(&user, json!({"language": "en"})).await;
    user.first_name = "Alexey".into();
    let me_again = app.me(&user).await;
    assert_eq!(me_again["id"], me["id"], "one account per Telegram user");
    assert_eq!(
        me_again["first_name"], "Alexey",
        "names are refreshed from initData"
    );
    assert_eq!(
        me_again["language"], "en",
        "the user's own language choice stands"
    );
}

#[tokio::test]
async fn overlong_telegram_names_are_cut_to_fit() {
    let app = spawn_app().await;
    let mut user = TestUser::new(4007);
    user.first_name = "Щ".repeat(300);
    let response = app.get(&user, "/api/v1/me").await;
    assert_eq!(response.status(), StatusCode::OK);
    let me: Value = response.json().await.unwrap();
    assert_eq!(me["first_name"].as_str().unwrap().chars().count(), 256);
}
