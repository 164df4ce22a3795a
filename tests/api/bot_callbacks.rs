//! The inline buttons: ✅ completes and redraws the list in place, Undo removes what `/add` made,
//! Add saves an offered text; in both languages.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::fake_telegram::*;
use crate::helpers::*;

#[tokio::test]
async fn the_check_button_completes_the_task_and_edits_the_list_in_place() {
    let (app, telegram) = spawn_with_bot().await;
    for (id, lang, done, redrawn, empty) in [
        (
            8301,
            "en",
            "✅ Done: Pay rent",
            "Open tasks:\n1. Read",
            "Nothing due today 🎉",
        ),
        (
            8302,
            "ru",
            "✅ Выполнено: Pay rent",
            "Активные задачи:\n1. Read",
            "На сегодня задач нет 🎉",
        ),
    ] {
        let chatter = Chatter::new(id, lang);
        let user = chatter.api_user();
        let overdue = (Utc::now() - Duration::hours(1)).to_rfc3339();
        let rent = app
            .post_task_id(&user, json!({"title": "Pay rent", "date_time": overdue}))
            .await;
        let read = app.post_task_id(&user, json!({"title": "Read"})).await;

        telegram.send_text(&chatter, "/today");
        let today = telegram.reply(&chatter, 1).await;
        let press = telegram.press(
            &chatter,
            &today.message(None),
            &format!("done:today:{rent}"),
        );
        assert_eq!(telegram.answer_to(&press).await.body["text"], done);
        let edited = telegram.nth_to("editMessageText", &chatter, 1).await;
        assert_eq!(edited.body["message_id"], today.result["message_id"]);
        assert_eq!(edited.text(), empty);
        assert!(edited.buttons().is_empty());
        let task = app.get_task(&user, rent).await;
        assert_eq!(task["status"], true);
        assert!(task["completed_at"].is_string());

        // The same button again (an old message): the task is already done, the list is redrawn.
        telegram.send_text(&chatter, "/tasks");
        let open = telegram.reply(&chatter, 2).await;
        assert_eq!(
            open.buttons(),
            [[("✅ 1. Read".to_owned(), format!("done:open:{read}"))]]
        );
        let stale = telegram.press(&chatter, &open.message(None), &format!("done:open:{rent}"));
        telegram.answer_to(&stale).await;
        let redrawn_call = telegram.nth_to("editMessageText", &chatter, 2).await;
        assert_eq!(redrawn_call.text(), redrawn);
    }
}

#[tokio::test]
async fn another_users_task_cannot_be_completed_by_its_id() {
    let (app, telegram) = spawn_with_bot().await;
    let owner = TestUser::new(8303);
    let id = app.post_task_id(&owner, json!({"title": "Mine"})).await;
    let stranger = Chatter::new(8304, "en");
    telegram.send_text(&stranger, "/tasks");
    let list = telegram.reply(&stranger, 1).await;
    let press = telegram.press(&stranger, &list.message(None), &format!("done:open:{id}"));
    assert_eq!(
        telegram.answer_to(&press).await.body["text"],
        "There is no such task."
    );
    assert_eq!(app.get_task(&owner, id).await["status"], false);
}

#[tokio::test]
async fn undo_removes_the_task_just_added() {
    let (app, telegram) = spawn_with_bot().await;
    for (id, lang, text, removed) in [
        (8305, "en", "/add Buy milk tomorrow", "Removed: Buy milk"),
        (
            8306,
            "ru",
            "/add Купить молоко завтра",
            "Удалено: Купить молоко",
        ),
    ] {
        let chatter = Chatter::new(id, lang);
        telegram.send_text(&chatter, text);
        let added = telegram.reply(&chatter, 1).await;
        let undo = added.buttons()[0][0].1.clone();
        assert!(undo.starts_with("undo:"));
        let press = telegram.press(&chatter, &added.message(None), &undo);
        telegram.answer_to(&press).await;
        let edited = telegram.nth_to("editMessageText", &chatter, 1).await;
        assert_eq!(edited.text(), removed);
        assert!(edited.buttons().is_empty());
        assert_eq!(app.list(&TestUser::new(id), "").await.1, 0);

        // Pressed again: nothing left to remove, and the bot says so.
        let again = telegram.press(&chatter, &added.message(None), &undo);
        let answer = telegram.answer_to(&again).await;
        assert!(!answer.body["text"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn add_saves_the_offered_text() {
    let (app, telegram) = spawn_with_bot().await;
    for (id, lang, text, added) in [
        (
            8307,
            "en",
            "Gym 02.06.2031 7am #health",
            "Added:\nGym\n🗓 Jun 2, 2031 07:00\n🏷 #health",
        ),
        (
            8308,
            "ru",
            "Зал 02.06.2031 в 7 #здоровье",
            "Добавлено:\nЗал\n🗓 02.06.2031 07:00\n🏷 #здоровье",
        ),
    ] {
        let chatter = Chatter::new(id, lang);
        let original = telegram.send_text(&chatter, text);
        let offer = telegram.reply(&chatter, 1).await;
        let press = telegram.press(&chatter, &offer.message(Some(&original)), "add");
        telegram.answer_to(&press).await;
        let edited = telegram.nth_to("editMessageText", &chatter, 1).await;
        assert_eq!(edited.text(), added);
        let tasks = app.list(&TestUser::new(id), "").await.0;
        assert_eq!(tasks.len(), 1);
        assert_eq!(tasks[0]["date_time"], "2031-06-02T07:00:00Z");
        assert_eq!(edited.buttons()[0][0].1, format!("undo:{}", tasks[0]["id"]));
    }
}

#[tokio::test]
async fn buttons_the_bot_cannot_read_get_an_answer_and_change_nothing() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8309, "ru");
    let original = telegram.send_text(&chatter, "Зал завтра");
    let offer = telegram.reply(&chatter, 1).await;
    // The offer without the message it answered (Telegram leaves it out when that was deleted).
    let press = telegram.press(&chatter, &offer.message(None), "add");
    let answer = telegram.answer_to(&press).await;
    assert_eq!(
        answer.body["text"],
        "Не вижу исходного текста — отправьте задачу ещё раз."
    );
    let junk = telegram.press(
        &chatter,
        &offer.message(Some(&original)),
        "drop table tasks",
    );
    let answer = telegram.answer_to(&junk).await;
    assert_eq!(
        answer.body["text"],
        "Что-то пошло не так. Попробуйте ещё раз чуть позже."
    );
    assert!(telegram.calls_of("editMessageText").is_empty());
    assert_eq!(app.list(&TestUser::new(8309), "").await.1, 0);
}
