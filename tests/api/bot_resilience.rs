//! Telegram's flood control and failures: a 429 is waited out, a 500 loses one reply but not
//! the bot.

use std::time::{Duration, Instant};

use crate::fake_telegram::*;
use crate::helpers::*;
use crate::log_capture::capture_logs;

#[tokio::test]
async fn a_429_is_waited_out_and_the_reply_sent_again() {
    let (_app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8401, "en");
    telegram.fail_next("sendMessage", Failure::RetryAfter(1));
    telegram.send_text(&chatter, "/help");
    let refused = telegram.reply(&chatter, 1).await;
    let sent = telegram.reply(&chatter, 2).await;
    assert_eq!(refused.body, sent.body);
    assert!(refused.result.is_null() && !sent.result.is_null());
    assert!(
        sent.at - refused.at >= Duration::from_secs(1),
        "waited retry_after"
    );
}

#[tokio::test]
async fn after_a_500_the_bot_keeps_answering() {
    let (_app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8402, "ru");
    telegram.fail_next("sendMessage", Failure::ServerError);
    telegram.send_text(&chatter, "/help");
    telegram.send_text(&chatter, "/today");
    assert!(telegram.reply(&chatter, 1).await.result.is_null());
    assert_eq!(
        telegram.reply(&chatter, 2).await.text(),
        "На сегодня задач нет 🎉"
    );
}

#[tokio::test]
async fn the_token_stays_out_of_the_log_when_telegram_cannot_be_reached() {
    let log = capture_logs();

    // Nothing listens there: every request fails with a network error that names the URL.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    // Shaped like a real token (teloxide recognises those and redacts just the token).
    let secret = "AAH3kX9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0SaQ";
    let token = format!("123456789:{secret}");
    let _app = spawn_app_with(&[
        ("TELEGRAM_API_URL", url.as_str()),
        ("BOT_MODE", "polling"),
        ("TELEGRAM_BOT_TOKEN", token.as_str()),
    ])
    .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !log.text().contains("telegram request failed: trying again") {
        assert!(
            Instant::now() < deadline,
            "no failure logged:\n{}",
            log.text()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let text = log.text();
    assert!(text.contains("network error"), "{text}");
    assert!(!text.contains(secret), "{text}");
    assert!(!text.contains("123456789:"), "{text}");
    assert!(
        text.contains("token:redacted"),
        "the URL is kept, without the token: {text}"
    );
}
