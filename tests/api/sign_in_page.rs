//! The pages: the welcome page offers the browser's ways in as plain forms (and the Login Widget
//! when the bot's username is set); Settings shows the Account section; sign-out is offered to
//! cookie sessions only.

use reqwest::{Method, StatusCode};

use crate::helpers::*;

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> String {
    let mut request = app.browser(Method::GET, path);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.fetch().await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    body_text(response).await
}

/// One test, so that its pages render one after another: two tests rendering pages at once (each
/// on its own current-thread runtime) have been seen to stall a render until the 30 s timeout.
#[tokio::test]
async fn sign_in_pages() {
    the_welcome_page_offers_forms_and_the_widget().await;
    settings_show_the_account_and_sign_out_for_cookie_sessions().await;
}

async fn the_welcome_page_offers_forms_and_the_widget() {
    let app = spawn_app_with(&[("TELEGRAM_BOT_USERNAME", "@VectoraTestBot")]).await;
    let html = page(&app, "/", None).await;
    for part in [
        r#"action="/auth/login""#,
        r#"action="/auth/register""#,
        r#"name="username""#,
        r#"name="password""#,
        // The widget's script is added by the WASM into this container: rendered here, the
        // iframe it inserts would break hydration.
        r#"data-testid="telegram-login""#,
        "frame-src https://oauth.telegram.org",
    ] {
        assert!(html.contains(part), "{part} missing");
    }
    assert!(!html.contains("telegram-widget.js"));

    let without_bot = spawn_app().await;
    let html = page(&without_bot, "/", None).await;
    assert!(!html.contains(r#"data-testid="telegram-login""#));
    assert!(html.contains(r#"action="/auth/login""#));

    let refused = page(&app, "/?auth_error=wrong_credentials&form=login", None).await;
    assert!(refused.contains("Wrong username or password."));
}

async fn settings_show_the_account_and_sign_out_for_cookie_sessions() {
    let app = spawn_app_with(&[("TELEGRAM_BOT_USERNAME", "VectoraTestBot")]).await;
    let cookie = app.registered("settings_user").await;
    let html = page(&app, "/settings", Some(&cookie)).await;
    // The Account section is rendered in the browser (see `AccountSectionInBrowser`); its data
    // comes from this server function.
    let account = app.account(&cookie).await;
    assert_eq!(account["username"], "settings_user");
    assert_eq!(account["has_password"], true);
    assert!(
        account["telegram_link_url"]
            .as_str()
            .is_some_and(|url| url.starts_with("/auth/telegram?state=")),
        "the widget links this session: {account}"
    );
    assert!(
        html.contains(r#"action="/auth/logout""#),
        "sign-out offered"
    );

    // Inside Telegram (initData, no cookie) there is nothing to sign out of.
    let user = TestUser::new(6301);
    let html = app
        .as_user(&user, Method::GET, "/settings")
        .fetch_text()
        .await;
    assert!(!html.contains(r#"action="/auth/logout""#));
}
