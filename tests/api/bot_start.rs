//! The bot at start-up, `/start` (with and without a task link), `/help`, and the bot switched off.

use serde_json::json;
use vectora::Config;

use crate::fake_telegram::*;
use crate::helpers::*;

#[tokio::test]
async fn sets_its_commands_in_both_languages_and_the_menu_button() {
    let (_app, telegram) = spawn_with_bot().await;
    let lists = telegram.wait_for("setMyCommands", 2).await;
    let english = lists
        .iter()
        .find(|c| c.body.get("language_code").is_none())
        .unwrap();
    let russian = lists
        .iter()
        .find(|c| c.body["language_code"] == "ru")
        .unwrap();
    for (call, description) in [(english, "Due today"), (russian, "Задачи на сегодня")]
    {
        let commands = call.body["commands"].as_array().unwrap();
        let names: Vec<&str> = commands
            .iter()
            .map(|c| c["command"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "start", "add", "today", "tasks", "done", "settings", "login", "help"
            ]
        );
        assert!(
            commands.iter().any(|c| c["description"] == description),
            "{commands:?}"
        );
    }
    let menu = &telegram.wait_for("setChatMenuButton", 1).await[0].body["menu_button"];
    assert_eq!(menu["type"], "web_app");
    assert_eq!(menu["web_app"]["url"], format!("{PUBLIC_URL}/"));
}

#[tokio::test]
async fn start_welcomes_with_the_mini_app_and_a_browser_link() {
    let (_app, telegram) = spawn_with_bot().await;
    for (chatter, greeting, open) in [
        (Chatter::new(8101, "en"), "I'm Vectora", "Open Vectora"),
        (Chatter::new(8102, "ru"), "Я Vectora", "Открыть Vectora"),
    ] {
        telegram.send_text(&chatter, "/start");
        let reply = telegram.reply(&chatter, 1).await;
        assert!(reply.text().contains(greeting), "{}", reply.text());
        assert!(reply.text().contains(&chatter.first_name));
        let keyboard = &reply.body["reply_markup"]["inline_keyboard"];
        assert_eq!(keyboard[0][0]["text"], open);
        assert_eq!(keyboard[0][0]["web_app"]["url"], format!("{PUBLIC_URL}/"));
        assert_eq!(keyboard[1][0]["url"], format!("{PUBLIC_URL}/"));
    }
}

#[tokio::test]
async fn the_first_message_creates_the_same_account_the_mini_app_uses() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8103, "ru");
    telegram.send_text(&chatter, "/start");
    telegram.reply(&chatter, 1).await;
    let me = app.me(&TestUser::new(8103)).await;
    assert_eq!(me["telegram_id"], 8103);
    assert_eq!(
        me["language"], "ru",
        "from the bot's first sight of the user"
    );
}

#[tokio::test]
async fn a_start_link_opens_that_task_but_only_ones_own() {
    let (app, telegram) = spawn_with_bot().await;
    let id = app
        .post_task_id(
            &TestUser::new(8104),
            json!({"title": "Report", "date_time": "2030-05-01T09:00:00Z", "priority": "high"}),
        )
        .await;
    let owner = Chatter::new(8104, "en");
    telegram.send_text(&owner, &format!("/start task_{id}"));
    let reply = telegram.reply(&owner, 1).await;
    assert_starts_with(reply.text(), "Report\n🗓 May 1, 2030 09:00");
    assert!(reply.text().contains("⏳ Open"));
    assert_eq!(
        reply.buttons(),
        [[(
            "Open the task".to_owned(),
            format!("{PUBLIC_URL}/tasks/{id}")
        )]]
    );

    let stranger = Chatter::new(8105, "ru");
    telegram.send_text(&stranger, &format!("/start task_{id}"));
    assert_eq!(
        telegram.reply(&stranger, 1).await.text(),
        "Такой задачи нет."
    );
}

#[tokio::test]
async fn help_lists_the_commands_in_the_users_language() {
    let (_app, telegram) = spawn_with_bot().await;
    for (chatter, lead, line) in [
        (
            Chatter::new(8106, "en"),
            "What I can do:",
            "/today — Due today",
        ),
        (
            Chatter::new(8107, "ru"),
            "Что я умею:",
            "/today — Задачи на сегодня",
        ),
    ] {
        telegram.send_text(&chatter, "/help");
        let text = telegram.reply(&chatter, 1).await.text().to_owned();
        assert!(text.starts_with(lead), "{text}");
        assert!(text.contains(line), "{text}");
        assert!(text.contains("/login"), "{text}");
        assert!(text.contains("/settings"), "{text}");
    }
}

#[test]
fn no_token_or_bot_mode_off_means_no_bot() {
    let config = |pairs: &[(&str, &str)]| {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
        .unwrap()
    };
    assert!(vectora::bot::build(&config(&[])).unwrap().is_none());
    let off = config(&[("TELEGRAM_BOT_TOKEN", BOT_TOKEN), ("BOT_MODE", "off")]);
    assert!(vectora::bot::build(&off).unwrap().is_none());
    let on = config(&[
        ("TELEGRAM_BOT_TOKEN", BOT_TOKEN),
        ("TELEGRAM_API_URL", "http://127.0.0.1:9/"),
    ]);
    let telegram = vectora::bot::build(&on).unwrap().expect("a bot");
    assert_eq!(telegram.bot.api_url().as_str(), "http://127.0.0.1:9/");
    assert!(telegram.webhook_door().is_none(), "polling by default");
}

#[tokio::test]
async fn with_the_bot_off_the_rest_works_and_telegram_hears_nothing() {
    let telegram = FakeTelegram::start().await;
    let url = telegram.url();
    let app = spawn_app_with(&[("TELEGRAM_API_URL", url.as_str()), ("BOT_MODE", "off")]).await;
    app.post_task(&TestUser::new(8108), json!({"title": "still works"}))
        .await;
    assert!(telegram.calls().is_empty(), "{:?}", telegram.calls());
}

#[tokio::test]
async fn the_bot_stops_with_the_server() {
    let (app, telegram) = spawn_with_bot().await;
    telegram.wait_for("getUpdates", 2).await;
    // `run_until` returns only after the bot's task has ended.
    app.stop().await;
}

#[tokio::test]
async fn updates_and_sends_are_counted_in_metrics() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8199, "en");
    telegram.send_text(&chatter, "/help");
    telegram.reply(&chatter, 1).await;
    let metrics = app.metrics().await;
    assert!(
        metrics.contains(r#"bot_updates_total{kind="message"}"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"bot_requests_total{outcome="sent"}"#),
        "{metrics}"
    );
}
