//! The development-only sign-in: usable with APP_ENV=development, absent in production.

use reqwest::{Method, StatusCode, redirect};
use serde_json::Value;

use crate::helpers::*;

const SECRET: &str = "k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa";

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

/// Signs in as `telegram_id` and returns the `name=value` of the session cookie.
async fn sign_in(app: &TestApp, telegram_id: &str) -> String {
    let response = no_redirects()
        .post(app.url("/auth/dev"))
        .form(&[
            ("telegram_id", telegram_id),
            ("first_name", "Dev"),
            ("language", "ru"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_owned()
}

async fn me(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.request(Method::GET, "/api/v1/me")
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn development_sign_in_opens_the_app_as_that_user() {
    let app = spawn_app_with(&[("SECRET_KEY", SECRET)]).await;
    let cookie = sign_in(&app, "777").await;
    let response = me(&app, &cookie).await;
    assert_eq!(response.status(), StatusCode::OK);
    let profile: Value = response.json().await.unwrap();
    assert_eq!(profile["telegram_id"], 777);
    assert_eq!(profile["first_name"], "Dev");
    assert_eq!(profile["language"], "ru");

    let forged = cookie.replacen('.', "0.", 1);
    assert_eq!(me(&app, &forged).await.status(), StatusCode::UNAUTHORIZED);

    let user = TestUser::new(888);
    let both = app
        .as_user(&user, Method::GET, "/api/v1/me")
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    let profile: Value = both.json().await.unwrap();
    assert_eq!(profile["telegram_id"], 888, "initData, when sent, decides");

    let out = no_redirects()
        .post(app.url("/auth/dev/logout"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
}

#[tokio::test]
async fn production_has_no_development_sign_in() {
    let dev = spawn_app_with(&[("SECRET_KEY", SECRET)]).await;
    let cookie = sign_in(&dev, "777").await;
    let prod = spawn_app_with(&[
        ("DATABASE_URL", &dev.db.url),
        ("APP_ENV", "production"),
        ("SECRET_KEY", SECRET),
        ("ALLOWED_HOSTS", "127.0.0.1"),
    ])
    .await;
    let response = no_redirects()
        .post(prod.url("/auth/dev"))
        .form(&[("telegram_id", "777")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(response.headers().get("set-cookie").is_none());
    let link = no_redirects()
        .post(prod.url("/auth/dev/link"))
        .form(&[("telegram_id", "777")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        link.status(),
        StatusCode::NOT_FOUND,
        "no links without the bot"
    );
    assert_eq!(
        me(&prod, &cookie).await.status(),
        StatusCode::UNAUTHORIZED,
        "a development cookie, even one signed with the production key, signs nobody in"
    );
}

#[tokio::test]
async fn development_issues_sign_in_links_like_the_bot() {
    let app = spawn_app().await;
    let response = no_redirects()
        .post(app.url("/auth/dev/link"))
        .form(&[("telegram_id", "779")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let link = response.text().await.unwrap();
    assert!(link.contains("/auth/link/"), "{link}");
    let redeemed = no_redirects().get(&link).send().await.unwrap();
    assert_eq!(redeemed.status(), StatusCode::SEE_OTHER);
}
