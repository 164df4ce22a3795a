//! The development-only sign-in: usable with APP_ENV=development, absent in production.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::browser::*;
use crate::helpers::*;

/// Signs in as `telegram_id` and returns the `name=value` of the session cookie.
async fn sign_in(app: &TestApp, telegram_id: &str) -> String {
    app.dev_sign_in(&[
        ("telegram_id", telegram_id),
        ("first_name", "Dev"),
        ("language", "ru"),
    ])
    .await
}

#[tokio::test]
async fn development_sign_in_opens_the_app_as_that_user() {
    let app = spawn_app_with(&[("SECRET_KEY", SECRET_KEY)]).await;
    let cookie = sign_in(&app, "777").await;
    let response = app.me_by_cookie(&cookie).await;
    assert_eq!(response.status(), StatusCode::OK);
    let profile: Value = response.json().await.unwrap();
    assert_eq!(profile["telegram_id"], 777);
    assert_eq!(profile["first_name"], "Dev");
    assert_eq!(profile["language"], "ru");

    let forged = format!("{cookie}0");
    app.assert_signed_out(&forged).await;

    let user = TestUser::new(888);
    let profile = app
        .as_user(&user, Method::GET, "/api/v1/me")
        .header("cookie", &cookie)
        .fetch_json()
        .await;
    assert_eq!(profile["telegram_id"], 888, "initData, when sent, decides");

    let out = app.browser(Method::POST, "/auth/dev/logout").fetch().await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let cleared = header(&out, "set-cookie");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
}

#[tokio::test]
async fn production_has_no_development_sign_in() {
    let dev = spawn_app_with(&[("SECRET_KEY", SECRET_KEY)]).await;
    let cookie = sign_in(&dev, "777").await;
    let prod = dev.another_server(&PRODUCTION).await;
    let post = |path: &str| {
        prod.browser(Method::POST, path)
            .form(&[("telegram_id", "777")])
            .fetch()
    };
    let response = post("/auth/dev").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.headers().get("set-cookie").is_none());
    assert_eq!(
        post("/auth/dev/link").await.status(),
        StatusCode::NOT_FOUND,
        "no links without the bot"
    );
    // A development cookie, even one signed with the production key, signs nobody in.
    prod.assert_signed_out(&cookie).await;
}

#[tokio::test]
async fn development_issues_sign_in_links_like_the_bot() {
    let app = spawn_app().await;
    let link = app
        .browser(Method::POST, "/auth/dev/link")
        .form(&[("telegram_id", "779")])
        .fetch_text()
        .await;
    assert!(link.contains("/auth/link/"), "{link}");
    let redeemed = no_redirects().get(&link).fetch().await;
    assert_eq!(redeemed.status(), StatusCode::SEE_OTHER);
}
