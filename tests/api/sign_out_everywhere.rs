//! "Sign out of other browsers" in Settings: every other session of the account ends at once,
//! the caller's own stays; from the Mini App (no session of its own) every browser is signed out.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::browser::*;
use crate::helpers::*;

async fn other_sessions(app: &TestApp, cookie: &str) -> Value {
    app.account(cookie).await["other_sessions"].clone()
}

#[tokio::test]
async fn ends_every_other_browser_and_keeps_this_one() {
    let app = spawn_app().await;
    let here = app.registered("roamer").await;
    let laptop = app.signed_in_elsewhere("roamer").await;
    let phone = app.signed_in_elsewhere("roamer").await;
    let stranger = app.registered("stranger").await;
    assert_eq!(other_sessions(&app, &here).await, 2);

    app.server_fn_by_cookie("/api/account/sessions/end-others", &here)
        .fetch_text()
        .await;

    assert!(
        app.profile_by_cookie(&here).await.is_ok(),
        "this browser stays in"
    );
    for cookie in [&laptop, &phone] {
        app.assert_signed_out(cookie).await;
    }
    assert!(
        app.profile_by_cookie(&stranger).await.is_ok(),
        "another account's browsers are left alone"
    );
    assert_eq!(other_sessions(&app, &here).await, 0);
}

#[tokio::test]
async fn from_the_mini_app_every_browser_is_signed_out() {
    let (app, user) = spawn_app_for(6201).await;
    let first = session_cookie(
        app.widget_sign_in(&widget_query(6201, now(), BOT_TOKEN))
            .await
            .headers(),
    );
    let second = session_cookie(
        app.widget_sign_in(&widget_query(6201, now(), BOT_TOKEN))
            .await
            .headers(),
    );
    app.server_fn(&user, "/api/account/sessions/end-others")
        .fetch_text()
        .await;
    for cookie in [&first, &second] {
        app.assert_signed_out(cookie).await;
    }
}

#[tokio::test]
async fn a_cross_site_request_cannot_sign_anyone_out() {
    let app = spawn_app().await;
    let here = app.registered("target").await;
    let elsewhere = app.signed_in_elsewhere("target").await;
    let forged = app
        .browser(Method::POST, "/api/account/sessions/end-others")
        .header("cookie", &here)
        .header("origin", "https://evil.example")
        .fetch()
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(app.profile_by_cookie(&elsewhere).await.is_ok());
}
