//! `/add`, plain text, `/today`, `/tasks`, `/done`, `/login` and what the bot does not know, in
//! both languages, through the fake Telegram.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::fake_telegram::*;
use crate::helpers::*;

async fn tasks_of(app: &TestApp, telegram_id: i64) -> Vec<Value> {
    app.list(&TestUser::new(telegram_id), "?sort_by=date")
        .await
        .0
}

#[tokio::test]
async fn add_creates_the_task_and_shows_what_it_understood() {
    let (app, telegram) = spawn_with_bot().await;
    let russian = Chatter::new(8201, "ru");
    telegram.send_text(
        &russian,
        "/add Купить молоко 25.12.2030 в 9 #дом !high @Магазин",
    );
    let reply = telegram.reply(&russian, 1).await;
    let task = &tasks_of(&app, 8201).await[0];
    assert_eq!(task["title"], "Купить молоко");
    assert_eq!(task["date_time"], "2030-12-25T09:00:00Z");
    assert_eq!(task["priority"], "high");
    assert_eq!(task["category"], "Магазин");
    assert_eq!(task["tags"], json!(["дом"]));
    assert_eq!(
        reply.text(),
        "Добавлено:\nКупить молоко\n🗓 25.12.2030 09:00\n❗ Приоритет: высокий\n📁 Магазин\n🏷 #дом"
    );
    let id = task["id"].as_i64().unwrap();
    assert_eq!(
        reply.buttons(),
        [[
            ("↩️ Отменить".to_owned(), format!("undo:{id}")),
            ("✏️ Изменить".to_owned(), format!("{PUBLIC_URL}/tasks/{id}")),
        ]]
    );

    let english = Chatter::new(8202, "en");
    telegram.send_text(&english, "/add Call Bob dec 24th 2030 6pm");
    let reply = telegram.reply(&english, 1).await;
    assert_eq!(reply.text(), "Added:\nCall Bob\n🗓 Dec 24, 2030 18:00");
    assert_eq!(reply.buttons()[0][0].0, "↩️ Undo");
    assert_eq!(reply.buttons()[0][1].0, "✏️ Edit");
    assert_eq!(
        tasks_of(&app, 8202).await[0]["date_time"],
        "2030-12-24T18:00:00Z"
    );
}

#[tokio::test]
async fn add_explains_what_is_missing_or_wrong() {
    let (app, telegram) = spawn_with_bot().await;
    let russian = Chatter::new(8203, "ru");
    telegram.send_text(&russian, "/add");
    let hint = telegram.reply(&russian, 1).await;
    assert_starts_with(hint.text(), "Напишите задачу после команды");
    telegram.send_text(&russian, "/add завтра в 9 #дом");
    let refused = telegram.reply(&russian, 2).await;
    assert_starts_with(
        refused.text(),
        "Не получилось добавить:\n• название: Напишите, что сделать",
    );
    let english = Chatter::new(8204, "en");
    let tags: String = (0..11).map(|i| format!(" #t{i}")).collect();
    telegram.send_text(&english, &format!("/add x{tags}"));
    let refused = telegram.reply(&english, 1).await;
    assert_eq!(
        refused.text(),
        "Could not add that:\n• tags: At most 10 tags."
    );
    assert!(tasks_of(&app, 8203).await.is_empty() && tasks_of(&app, 8204).await.is_empty());
}

#[tokio::test]
async fn plain_text_is_offered_as_a_task_in_reply_to_it() {
    let (app, telegram) = spawn_with_bot().await;
    for (chatter, text, offer) in [
        (
            Chatter::new(8205, "en"),
            "Water plants 01.06.2031 !low",
            "Add this task?\nWater plants\n🗓 Jun 1, 2031 09:00\n❗ Priority: low",
        ),
        (
            Chatter::new(8206, "ru"),
            "Полить цветы 01.06.2031 !low",
            "Добавить задачу?\nПолить цветы\n🗓 01.06.2031 09:00\n❗ Приоритет: низкий",
        ),
    ] {
        let original = telegram.send_text(&chatter, text);
        let reply = telegram.reply(&chatter, 1).await;
        assert_eq!(reply.text(), offer);
        assert_eq!(
            reply.body["reply_parameters"]["message_id"],
            original["message_id"]
        );
        assert_eq!(reply.buttons()[0][0].1, "add");
        assert!(
            tasks_of(&app, chatter.id).await.is_empty(),
            "nothing saved before the press"
        );
    }
}

#[tokio::test]
async fn today_and_tasks_list_open_tasks_with_a_button_each() {
    let (app, telegram) = spawn_with_bot().await;
    let user = TestUser::new(8207);
    let overdue = (Utc::now() - Duration::hours(1)).to_rfc3339();
    let later = (Utc::now() + Duration::days(3)).to_rfc3339();
    let due = app
        .post_task_id(
            &user,
            json!({"title": "Pay rent", "date_time": overdue, "priority": "high"}),
        )
        .await;
    let next = app
        .post_task_id(&user, json!({"title": "Dentist", "date_time": later}))
        .await;
    let undated = app
        .post_task_id(&user, json!({"title": "Read a book"}))
        .await;
    app.post_task(&user, json!({"title": "Finished", "status": true}))
        .await;

    let english = Chatter::new(8207, "en");
    telegram.send_text(&english, "/today");
    let today = telegram.reply(&english, 1).await;
    assert_starts_with(today.text(), "Due today:\n1. Pay rent — ");
    assert!(today.text().ends_with(" ❗"));
    assert_eq!(
        today.buttons(),
        [[("✅ 1. Pay rent".to_owned(), format!("done:today:{due}"))]]
    );

    telegram.send_text(&english, "/tasks");
    let open = telegram.reply(&english, 2).await;
    let lines: Vec<&str> = open.text().lines().collect();
    assert_eq!(lines[0], "Open tasks:");
    assert!(lines[2].starts_with("2. Dentist — "));
    assert_eq!(lines[3], "3. Read a book");
    let data: Vec<String> = open
        .buttons()
        .into_iter()
        .map(|row| row[0].1.clone())
        .collect();
    assert_eq!(
        data,
        [
            format!("done:open:{due}"),
            format!("done:open:{next}"),
            format!("done:open:{undated}")
        ]
    );

    let russian = Chatter::new(8208, "ru");
    telegram.send_text(&russian, "/today");
    assert_eq!(
        telegram.reply(&russian, 1).await.text(),
        "На сегодня задач нет 🎉"
    );
    telegram.send_text(&russian, "/tasks");
    let empty = telegram.reply(&russian, 2).await;
    assert_eq!(empty.text(), "Активных задач нет 🎉");
    assert!(empty.buttons().is_empty());
}

#[tokio::test]
async fn done_completes_the_one_task_that_matches() {
    let (app, telegram) = spawn_with_bot().await;
    let russian = Chatter::new(8209, "ru");
    let user = russian.api_user();
    let milk = app
        .post_task_id(&user, json!({"title": "Купить молоко"}))
        .await;
    app.post_task(&user, json!({"title": "Купить хлеб"})).await;

    telegram.send_text(&russian, "/done молоко");
    assert_eq!(
        telegram.reply(&russian, 1).await.text(),
        "✅ Выполнено: Купить молоко"
    );
    assert_eq!(app.get_task(&user, milk).await["status"], true);

    telegram.send_text(&russian, "/done пылесос");
    assert_eq!(
        telegram.reply(&russian, 2).await.text(),
        "Не нашёл активной задачи с «пылесос» в названии."
    );

    app.post_task(&user, json!({"title": "Купить сыр"})).await;
    telegram.send_text(&russian, "/done купить");
    let several = telegram.reply(&russian, 3).await;
    assert_starts_with(several.text(), "Подходит несколько задач");
    assert_eq!(several.buttons().len(), 2);

    let english = Chatter::new(8210, "en");
    app.post_task(&TestUser::new(8210), json!({"title": "Stretch"}))
        .await;
    telegram.send_text(&english, "/done");
    let listed = telegram.reply(&english, 1).await;
    assert_starts_with(listed.text(), "Which task? Press ✅");
    assert!(listed.text().ends_with("Open tasks:\n1. Stretch"));
    assert_eq!(listed.buttons()[0][0].0, "✅ 1. Stretch");
}

#[tokio::test]
async fn login_sends_a_one_time_sign_in_link() {
    let (app, telegram) = spawn_with_bot().await;
    for (chatter, lead, button) in [
        (Chatter::new(8211, "en"), "Your sign-in link", "Sign in"),
        (Chatter::new(8212, "ru"), "Ссылка для входа", "Войти"),
    ] {
        telegram.send_text(&chatter, "/login");
        let reply = telegram.reply(&chatter, 1).await;
        assert_starts_with(reply.text(), lead);
        let (label, url) = reply.buttons()[0][0].clone();
        assert_eq!(label, button);
        assert!(reply.text().ends_with(&url));
        let path = url.strip_prefix(PUBLIC_URL).expect("under PUBLIC_URL");
        assert!(path.starts_with("/auth/link/"), "{path}");
        let redeem = || app.browser(Method::GET, path).fetch();
        assert_eq!(
            redeem().await.status(),
            StatusCode::SEE_OTHER,
            "the link signs in"
        );
        assert_eq!(redeem().await.status(), StatusCode::GONE, "but only once");
    }
}

#[tokio::test]
async fn unknown_commands_and_stickers_get_a_short_helpful_answer() {
    let (_app, telegram) = spawn_with_bot().await;
    let english = Chatter::new(8213, "en");
    let russian = Chatter::new(8214, "ru");
    let unknown = [
        (
            &english,
            "/frobnicate now",
            "I don't know /frobnicate. /help lists what I can do.",
        ),
        (
            &russian,
            "/frobnicate",
            "Не знаю команды /frobnicate. Список команд — /help.",
        ),
    ];
    for (chatter, text, answer) in unknown {
        telegram.send_text(chatter, text);
        assert_eq!(telegram.reply(chatter, 1).await.text(), answer);
    }
    telegram.send_sticker(&russian);
    let sticker = telegram.reply(&russian, 2).await;
    assert_eq!(
        sticker.text(),
        "Я понимаю только текст. Напишите задачу или /help."
    );
    telegram.send_text(&english, "/today@VectoraTestBot");
    let addressed = telegram.reply(&english, 2).await;
    assert_eq!(addressed.text(), "Nothing due today 🎉");
}

#[tokio::test]
async fn in_a_group_only_commands_are_answered() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8215, "en");
    let group = -100_8215;
    telegram.send_group_text(&chatter, group, "lunch tomorrow?");
    telegram.send_group_text(&chatter, group, "/help");
    // One chat's updates are handled in order: once /help is answered, the talk before it was
    // seen, and left alone.
    telegram
        .wait_for_matching("sendMessage", 1, |body| body["chat_id"] == group)
        .await;
    let sent = telegram.sent_to(group);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].text().starts_with("What I can do:"));
    assert!(tasks_of(&app, 8215).await.is_empty());
}

#[tokio::test]
async fn long_titles_are_shortened_in_lists_so_the_message_fits() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8216, "en");
    let user = chatter.api_user();
    for n in 0..20 {
        let title = format!("{n:02} {}", "word ".repeat(99));
        app.post_task(&user, json!({ "title": title })).await;
    }
    telegram.send_text(&chatter, "/tasks");
    let list = telegram.reply(&chatter, 1).await;
    assert!(list.text().chars().count() <= 4096, "{}", list.text().len());
    assert_eq!(list.buttons().len(), 20);
    let line = list.text().lines().nth(1).unwrap();
    assert!(
        line.starts_with("1. 00 word word") && line.ends_with('…'),
        "{line}"
    );
    assert!(list.buttons()[0][0].0.ends_with('…'));
}
