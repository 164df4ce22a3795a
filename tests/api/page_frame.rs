//! Pages are rendered with their frame (the ways in, the profile) loaded before: each of a page's
//! resources is then loaded and sent once, not once for every time the renderer runs a
//! Suspense's children. The browser loads the frame again through `/api/frame`.

use reqwest::Method;
use serde_json::json;

use crate::helpers::*;

const NO_ARGUMENTS: &[(&str, &str)] = &[];

/// How many times the page at `path` carries `part`.
async fn times(app: &TestApp, cookie: &str, path: &str, part: &str) -> usize {
    let page = app
        .browser(Method::GET, path)
        .header("cookie", cookie)
        .fetch()
        .await;
    body_text(page).await.matches(part).count()
}

#[tokio::test]
async fn each_resource_of_a_page_is_loaded_and_sent_once() {
    let app = spawn_app().await;
    let cookie = app.registered("resources_once").await;
    let task = json!({"title": "Only once", "category": "Дом"});
    let created = app
        .with_cookie(Method::POST, "/api/v1/tasks", &cookie)
        .json(&task)
        .fetch()
        .await;
    assert!(created.status().is_success());

    // The list: the row's title and its drag handle's label, and once as the data the row
    // hydrates from.
    assert_eq!(times(&app, &cookie, "/", "Only once").await, 3);
    // The time zones: an option's value and label, and once as their data.
    assert_eq!(times(&app, &cookie, "/settings", "Africa/Abidjan").await, 3);
    // The frame's profile, once.
    assert_eq!(times(&app, &cookie, "/settings", "resources_once").await, 1);
}

#[tokio::test]
async fn the_frame_says_who_is_signed_in_and_answers_200_when_nobody_is() {
    let (app, user) = spawn_app_for(6401).await;
    let frame = app
        .server_fn(&user, "/api/frame")
        .form(NO_ARGUMENTS)
        .fetch_json()
        .await;
    assert_eq!(frame["profile"]["Ok"]["telegram_id"], 6401, "{frame}");
    assert_eq!(frame["options"]["by_cookie"], false);

    let forged = app
        .request(Method::POST, "/api/frame")
        .header("accept", "application/json")
        .header(
            "authorization",
            "tma user=%7B%22id%22%3A1%7D&auth_date=1&hash=00",
        )
        .form(NO_ARGUMENTS)
        .fetch()
        .await;
    assert_eq!(forged.status(), reqwest::StatusCode::OK);
    let frame: serde_json::Value = forged.json().await.unwrap();
    assert_eq!(frame["profile"]["Err"], "unauthorized", "{frame}");
}

#[tokio::test]
async fn a_page_asked_for_with_init_data_is_rendered_for_its_user_and_refused_when_forged() {
    let (app, user) = spawn_app_for(6402).await;
    app.post_titled(&user, &["Позвонить маме"]).await;

    // What the Telegram page's first script asks for (app/src/ui/telegram_boot.rs).
    let page = app.get(&user, "/").await;
    assert_eq!(page.status(), reqwest::StatusCode::OK);
    assert_eq!(page.headers()["cache-control"], "private, no-cache");
    let html = body_text(page).await;
    assert!(html.contains("Позвонить маме"), "{html}");
    assert!(!html.contains("<template id=\"page-loads\""), "{html}");

    let forged = app
        .get_with_header(
            "/",
            "authorization",
            "tma user=%7B%22id%22%3A6402%7D&auth_date=1&hash=00",
        )
        .await;
    assert_eq!(forged.status(), reqwest::StatusCode::UNAUTHORIZED);
    assert!(!body_text(forged).await.contains("Позвонить маме"));

    // Without credentials: the welcome, its scripts held back for the first script to decide.
    let signed_out = app.browser(Method::GET, "/").fetch().await;
    assert_eq!(signed_out.status(), reqwest::StatusCode::OK);
    let html = body_text(signed_out).await;
    assert!(html.contains("<template id=\"page-loads\">"), "{html}");
    assert!(html.contains("__vectoraLoadPage()"), "{html}");
}
