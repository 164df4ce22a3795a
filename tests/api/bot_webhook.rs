//! The bot by webhook, as deployed (production, `PUBLIC_URL`, `ALLOWED_HOSTS`): `setWebhook` at
//! start, `POST /telegram/webhook` answered like polling, and every call without the secret
//! refused with nothing done.

use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::fake_telegram::*;
use crate::helpers::*;
use crate::log_capture::capture_logs;

/// The secret derived from the test token when `WEBHOOK_SECRET` is not set.
fn derived_secret() -> String {
    hex::encode(Sha256::digest(format!("vectora-webhook:{BOT_TOKEN}")))
}

/// A call to the webhook as anyone may make it, with `secret` (if any) and this body.
async fn call_webhook(app: &TestApp, secret: Option<&str>, body: String) -> StatusCode {
    let mut request = app
        .request(Method::POST, "/telegram/webhook")
        .header("Host", "vectora.example")
        .header("Content-Type", "application/json")
        .body(body);
    if let Some(secret) = secret {
        request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    request.fetch().await.status()
}

/// A request to the webhook with the right secret, addressed to `host`.
fn webhook_request(app: &TestApp, method: Method, host: &str, secret: &str) -> RequestBuilder {
    app.request(method, "/telegram/webhook")
        .header("Host", host)
        .header("X-Telegram-Bot-Api-Secret-Token", secret)
}

#[tokio::test]
async fn at_start_the_webhook_is_set_with_its_secret_and_never_deleted() {
    let (_app, telegram) = spawn_with_webhook_bot(&[]).await;
    let set = telegram.wait_for("setWebhook", 1).await.swap_remove(0);
    assert_eq!(set.body["url"], format!("{PUBLIC_URL}/telegram/webhook"));
    assert_eq!(set.body["secret_token"], derived_secret());
    assert_eq!(
        set.body["allowed_updates"],
        json!(["message", "callback_query"])
    );
    // The same command list and menu button as by polling.
    telegram.wait_for("setMyCommands", 2).await;
    telegram.wait_for("setChatMenuButton", 1).await;

    let chatter = Chatter::new(8601, "en");
    telegram.send_text(&chatter, "/help");
    telegram.reply(&chatter, 1).await;
    assert!(telegram.calls_of("deleteWebhook").is_empty());
    assert!(telegram.calls_of("getUpdates").is_empty());
}

#[tokio::test]
async fn polling_never_sets_a_webhook_and_deletes_an_old_one() {
    let (_app, telegram) = spawn_with_bot().await;
    telegram.wait_for("getUpdates", 2).await;
    assert!(telegram.calls_of("setWebhook").is_empty());
    assert!(
        telegram.calls_of("deleteWebhook").is_empty(),
        "none was set"
    );

    // Switched back from the webhook: polling removes it first (getUpdates would be refused).
    let telegram = FakeTelegram::start().await;
    telegram.pretend_webhook_set(&format!("{PUBLIC_URL}/telegram/webhook"));
    let _app = bot_server_on(TestDb::new().await, &telegram).await;
    telegram.wait_for("getUpdates", 1).await;
    let calls: Vec<String> = telegram.calls().into_iter().map(|c| c.method).collect();
    let deleted = calls.iter().position(|m| m == "deleteWebhook");
    let polled = calls.iter().position(|m| m == "getUpdates");
    assert!(deleted.is_some() && deleted < polled, "{calls:?}");
    assert!(telegram.calls_of("setWebhook").is_empty());
}

#[tokio::test]
async fn updates_by_webhook_get_the_same_answers_as_by_polling() {
    let (_polled_app, polled) = spawn_with_bot().await;
    let (app, hooked) = spawn_with_webhook_bot(&[]).await;
    for (id, lang) in [(8602, "ru"), (8603, "en")] {
        let chatter = Chatter::new(id, lang);
        let mut answers: Vec<Vec<Value>> = Vec::new();
        for telegram in [&polled, &hooked] {
            telegram.send_text(&chatter, "/start");
            let welcome = telegram.reply(&chatter, 1).await;
            let original = telegram.send_text(&chatter, "Gym 02.06.2031 7:00 #health");
            let offer = telegram.reply(&chatter, 2).await;
            let press = telegram.press(&chatter, &offer.message(Some(&original)), "add");
            let notice = telegram.answer_to(&press).await;
            let added = telegram.nth_to("editMessageText", &chatter, 1).await;
            answers.push(
                [welcome, offer, added]
                    .iter()
                    .map(|call| json!([call.body["text"], call.body["reply_markup"]]))
                    .chain([notice.body["text"].clone()])
                    .collect(),
            );
        }
        assert_eq!(answers[0], answers[1], "{lang}");
        assert!(answers[1][1][0].as_str().unwrap().contains("Gym"));
        let tasks = app.list(&chatter.api_user(), "").await.0;
        assert_eq!(tasks.len(), 1, "the Add button worked by webhook too");
    }
    assert!(
        hooked.deliveries().iter().all(|s| *s == StatusCode::OK),
        "{:?}",
        hooked.deliveries()
    );
}

#[tokio::test]
async fn calls_without_the_right_secret_are_refused_and_change_nothing() {
    let (app, telegram) = spawn_with_webhook_bot(&[]).await;
    telegram.wait_for("setWebhook", 1).await;
    let chatter = Chatter::new(8604, "en");
    let add = || {
        telegram
            .text_update(&chatter, "/add Forged task")
            .to_string()
    };
    let right = derived_secret();
    let wrong_case = right.to_uppercase();
    for secret in [None, Some("wrong"), Some(wrong_case.as_str()), Some("")] {
        assert_eq!(
            call_webhook(&app, secret, add()).await,
            StatusCode::UNAUTHORIZED,
            "{secret:?}"
        );
    }
    let prefix = &right[..right.len() - 1];
    assert_eq!(
        call_webhook(&app, Some(prefix), add()).await,
        StatusCode::UNAUTHORIZED
    );
    let longer = format!("{right}0");
    assert_eq!(
        call_webhook(&app, Some(&longer), add()).await,
        StatusCode::UNAUTHORIZED
    );
    // The right secret sent to a host the app does not serve: the perimeter refuses it.
    let foreign = webhook_request(&app, Method::POST, "evil.example", &right)
        .body(add())
        .fetch()
        .await;
    assert_eq!(foreign.status(), StatusCode::BAD_REQUEST);
    // Only GET would be a page: the webhook takes POST alone.
    let get = webhook_request(&app, Method::GET, "vectora.example", &right)
        .fetch()
        .await;
    assert_eq!(get.status(), StatusCode::METHOD_NOT_ALLOWED);

    // What Telegram itself sends next is answered; the refused calls did nothing.
    telegram.send_text(&chatter, "/tasks");
    assert_eq!(telegram.reply(&chatter, 1).await.text(), "No open tasks 🎉");
    assert_eq!(telegram.sent_to(chatter.id).len(), 1);
    assert_eq!(app.list(&chatter.api_user(), "").await.1, 0);
}

#[tokio::test]
async fn a_body_that_is_no_update_is_refused_and_the_bot_keeps_answering() {
    let (app, telegram) = spawn_with_webhook_bot(&[]).await;
    telegram.wait_for("setWebhook", 1).await;
    let secret = derived_secret();
    for junk in [
        "{not json",
        "",
        "[]",
        r#"{"update_id": "seven"}"#,
        r#"{"message": {"text": "/start"}}"#,
        // teloxide's parser panics on this one (a poll answer without a voter).
        r#"{"update_id": 98, "poll_answer": {"poll_id": "1", "option_ids": [0]}}"#,
    ] {
        assert_eq!(
            call_webhook(&app, Some(&secret), junk.to_owned()).await,
            StatusCode::BAD_REQUEST,
            "{junk}"
        );
    }
    // An update of a kind the bot does not handle is taken and ignored.
    let voter = json!({"id": 8605, "is_bot": false, "first_name": "Voter"});
    let poll =
        json!({"update_id": 99, "poll_answer": {"poll_id": "1", "user": voter, "option_ids": [0]}});
    assert_eq!(
        call_webhook(&app, Some(&secret), poll.to_string()).await,
        StatusCode::OK
    );
    let chatter = Chatter::new(8605, "ru");
    telegram.send_text(&chatter, "/help");
    assert_starts_with(telegram.reply(&chatter, 1).await.text(), "Что я умею:");
    let health = app.request(Method::GET, "/health").fetch().await;
    assert_eq!(health.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_webhook_secret_stays_out_of_the_log() {
    let log = capture_logs();

    let secret = "Kq7-webhook_Secret-x9Zt2";
    let (app, telegram) = spawn_with_webhook_bot(&[("WEBHOOK_SECRET", secret)]).await;
    let set = telegram.wait_for("setWebhook", 1).await.swap_remove(0);
    assert_eq!(set.body["secret_token"], secret);
    let chatter = Chatter::new(8606, "en");
    telegram.send_text(&chatter, "/help");
    telegram.reply(&chatter, 1).await;
    let near_miss = &secret[..secret.len() - 1];
    assert_eq!(
        call_webhook(&app, Some(near_miss), "{}".into()).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call_webhook(&app, Some(secret), "{not json".into()).await,
        StatusCode::BAD_REQUEST
    );

    let text = log.text();
    assert!(text.contains("webhook set"), "{text}");
    assert!(text.contains("/telegram/webhook"), "{text}");
    assert!(!text.contains(near_miss), "{text}");
    assert!(!text.contains(BOT_TOKEN), "{text}");
}

#[tokio::test]
async fn the_bot_stops_with_the_server_and_leaves_the_webhook_set() {
    let (app, telegram) = spawn_with_webhook_bot(&[]).await;
    let chatter = Chatter::new(8607, "en");
    telegram.send_text(&chatter, "/help");
    telegram.reply(&chatter, 1).await;
    app.stop().await;
    assert!(telegram.calls_of("deleteWebhook").is_empty());
}
