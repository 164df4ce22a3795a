//! Who may call the API: signed initData only, in either header.

use chrono::Utc;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

async fn status_with(app: &TestApp, header: (&str, String)) -> (StatusCode, Value) {
    let response = app
        .request(Method::GET, "/api/v1/tasks")
        .header(header.0, header.1)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn both_headers_sign_in_the_same_user() {
    let app = spawn_app().await;
    let user = TestUser::new(4001);
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
    let app = spawn_app().await;
    let user = TestUser::new(4002);
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
    let missing = app
        .request(Method::GET, "/api/v1/tasks")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    let challenges: Vec<_> = missing
        .headers()
        .get_all("www-authenticate")
        .iter()
        .map(|value| value.to_str().unwrap())
        .collect();
    assert_eq!(challenges, [r#"Bearer realm="vectora""#, "tma"]);
}

#[tokio::test]
async fn every_api_route_needs_credentials() {
    let app = spawn_app().await;
    let routes = [
        (Method::GET, "/api/v1/tasks"),
        (Method::POST, "/api/v1/tasks"),
        (Method::GET, "/api/v1/tasks/1"),
        (Method::PUT, "/api/v1/tasks/1"),
        (Method::PATCH, "/api/v1/tasks/1"),
        (Method::DELETE, "/api/v1/tasks/1"),
        (Method::POST, "/api/v1/tasks/reorder"),
        (Method::GET, "/api/v1/tasks/metadata/categories"),
        (Method::GET, "/api/v1/tasks/metadata/tags"),
        (Method::GET, "/api/v1/stats"),
        (Method::GET, "/api/v1/me"),
        (Method::PATCH, "/api/v1/me"),
    ];
    for (method, path) in routes {
        let response = app
            .request(method.clone(), path)
            .json(&json!({"title": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
    }
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
    assert_eq!(
        app.request(Method::GET, "/health")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_profile_follows_what_telegram_signs() {
    let app = spawn_app().await;
    let mut user = TestUser::new(4006);
    user.first_name = "Алексей".into();
    user.language_code = "ru".into();
    let me: Value = app.get(&user, "/api/v1/me").await.json().await.unwrap();
    assert_eq!(me["telegram_id"], 4006);
    assert_eq!(me["first_name"], "Алексей");
    assert_eq!(me["username"], "user4006");
    assert_eq!(
        me["language"], "ru",
        "the first language comes from Telegram"
    );
    assert_eq!(me["time_zone"], "UTC");

    app.send_json(
        &user,
        Method::PATCH,
        "/api/v1/me",
        json!({"language": "en"}),
    )
    .await;
    user.first_name = "Alexey".into();
    let me_again: Value = app.get(&user, "/api/v1/me").await.json().await.unwrap();
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
