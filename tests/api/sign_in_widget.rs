//! The Telegram Login Widget's callback: the widget's own hash rule, freshness, one account per
//! Telegram user whichever way they come.

use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::json;

use crate::browser::*;
use crate::helpers::*;

#[tokio::test]
async fn a_genuine_callback_signs_in_and_redirects_home() {
    let app = spawn_app().await;
    let response = app
        .widget_sign_in(&widget_query(6001, now(), BOT_TOKEN))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/");
    let cookie = session_cookie(response.headers());
    assert!(
        !header(&response, "set-cookie").contains("Secure"),
        "no Secure outside production (plain http in development)"
    );
    let profile = app.profile_by_cookie(&cookie).await.unwrap();
    assert_eq!(profile["telegram_id"], 6001);
    assert_eq!(profile["first_name"], "Widget 6001");
}

#[tokio::test]
async fn a_new_account_speaks_the_browsers_language() {
    let app = spawn_app().await;
    for (telegram_id, accept, language) in [
        (6011, "ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        (6012, "en-GB,en", "en"),
    ] {
        let response = app
            .browser(
                Method::GET,
                &format!(
                    "/auth/telegram?{}",
                    widget_query(telegram_id, now(), BOT_TOKEN)
                ),
            )
            .header("accept-language", accept)
            .fetch()
            .await;
        let cookie = session_cookie(response.headers());
        let profile = app.profile_by_cookie(&cookie).await.unwrap();
        assert_eq!(profile["language"], language, "{accept}");
    }
}

#[tokio::test]
async fn every_bad_callback_is_refused_with_a_page_and_no_cookie() {
    let app = spawn_app().await;
    let fresh = widget_query(6002, now(), BOT_TOKEN);
    let user = TestUser::new(6002);
    let cases = [
        ("tampered", fresh.replace("id=6002", "id=6003")),
        (
            "another bot's token",
            widget_query(6002, now(), "999:OTHER"),
        ),
        ("stale", widget_query(6002, now() - 86_401, BOT_TOKEN)),
        ("no hash", fresh.split("&hash=").next().unwrap().to_owned()),
        ("empty", String::new()),
        ("initData, the Mini App's rule", user.init_data()),
    ];
    for (case, query) in cases {
        let response = app.widget_sign_in(&query).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{case}");
        assert!(response.headers().get("set-cookie").is_none(), "{case}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Sign-in failed") && body.contains("Войти не удалось"),
            "{case}: a bilingual page: {body}"
        );
    }

    // And the other way round: a widget payload is not initData.
    let response = app
        .get_with_header("/api/v1/me", "Authorization", &format!("tma {fresh}"))
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn production_cookies_are_secure() {
    let app = spawn_app_with(&PRODUCTION).await;
    let response = app
        .widget_sign_in(&widget_query(6004, now(), BOT_TOKEN))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let set_cookie = header(&response, "set-cookie");
    assert!(set_cookie.contains("; Secure"), "{set_cookie}");
}

#[tokio::test]
async fn init_data_widget_and_link_land_in_one_account() {
    let (app, user) = spawn_app_for(6005).await;
    app.post_task(&user, json!({"title": "from the Mini App"}))
        .await;
    let id = app.account_id(&user).await;

    let widget = app
        .widget_sign_in(&widget_query(6005, now(), BOT_TOKEN))
        .await;
    let by_widget = session_cookie(widget.headers());
    assert_eq!(app.profile_by_cookie(&by_widget).await.unwrap()["id"], id);

    let link = app.issue_link(id).await;
    let redeemed = no_redirects().get(&link).fetch().await;
    assert_eq!(redeemed.status(), StatusCode::SEE_OTHER);
    let by_link = session_cookie(redeemed.headers());
    assert_eq!(app.profile_by_cookie(&by_link).await.unwrap()["id"], id);

    let tasks = app
        .with_cookie(Method::GET, "/api/v1/tasks", &by_link)
        .fetch_json()
        .await;
    assert_eq!(tasks[0]["title"], "from the Mini App");
}

#[tokio::test]
async fn a_password_account_links_telegram_with_its_own_state_only() {
    let app = spawn_app().await;
    let cookie = app.registered("linker").await;
    let query = widget_query(6006, now(), BOT_TOKEN);

    // A state that is not this session's (forged, or made for another browser) links nothing.
    let forged = link_telegram(&app, &cookie, &query, "00ff").fetch().await;
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    assert!(
        app.profile_by_cookie(&cookie).await.unwrap()["telegram_id"].is_null(),
        "still unlinked"
    );

    let state = link_state(&app, &cookie).await;
    let linked = link_telegram(&app, &cookie, &query, &state).fetch().await;
    assert_eq!(linked.status(), StatusCode::SEE_OTHER);
    assert_eq!(linked.headers()["location"], "/settings");
    let profile = app.profile_by_cookie(&cookie).await.unwrap();
    assert_eq!(profile["telegram_id"], 6006);

    // The Mini App now opens the same account.
    assert_eq!(app.account_id(&TestUser::new(6006)).await, profile["id"]);
}

#[tokio::test]
async fn linking_a_telegram_account_in_use_is_refused_unless_it_is_empty() {
    let app = spawn_app().await;
    // 6007 has only signed in once (no tasks): it may be merged away.
    let empty = TestUser::new(6007);
    app.account_id(&empty).await;
    let cookie = app.registered("merger").await;
    let state = link_state(&app, &cookie).await;
    let query = widget_query(6007, now(), BOT_TOKEN);
    let linked = link_telegram(&app, &cookie, &query, &state).fetch().await;
    assert_eq!(linked.status(), StatusCode::SEE_OTHER);
    let merged = app.profile_by_cookie(&cookie).await.unwrap();
    assert_eq!(merged["telegram_id"], 6007);
    assert_eq!(app.account_id(&empty).await, merged["id"]);

    // 6008 has tasks: refused, clearly.
    let busy = TestUser::new(6008);
    app.post_task(&busy, json!({"title": "keep me"})).await;
    let other = app.registered("refused").await;
    let state = link_state(&app, &other).await;
    let query = widget_query(6008, now(), BOT_TOKEN);
    let refused = link_telegram(&app, &other, &query, &state)
        .header("accept-language", "en")
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("already belongs to another account"),
        "{page}"
    );
    assert!(app.profile_by_cookie(&other).await.unwrap()["telegram_id"].is_null());
    assert_eq!(app.titles(&busy, "").await, ["keep me"]);
}

/// The widget's callback `query` with `state`, arriving in the browser signed in by `cookie`.
fn link_telegram(app: &TestApp, cookie: &str, query: &str, state: &str) -> RequestBuilder {
    let path = format!("/auth/telegram?{query}&state={state}");
    app.with_cookie(Method::GET, &path, cookie)
}

/// The `state` the Settings page puts on its widget's callback for this session.
async fn link_state(app: &TestApp, cookie: &str) -> String {
    let account = app.account(cookie).await;
    let url = account["telegram_link_url"]
        .as_str()
        .unwrap_or_else(|| panic!("no link url in {account}"));
    url.split("state=").nth(1).unwrap().to_owned()
}
