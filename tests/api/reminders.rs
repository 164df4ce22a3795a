//! Reminders against the fake Bot API, on a clock the tests turn by hand (`Scheduler::tick`):
//! sent once at the right time, in the user's language, moved by an edit, cancelled by
//! completion, snoozed and finished from their buttons, kept across a restart, missed after the
//! grace window, retried after a 500, delayed by a 429, stopped by a 403.

use chrono::{DateTime, Duration, SubsecRound, Timelike, Utc};
use sea_orm::{Database, DatabaseConnection, EntityTrait};
use serde_json::{Value, json};

use app::server::entity::reminder::State;
use app::server::reminders;
use vectora::scheduler::{Scheduler, Tick};

use crate::fake_telegram::*;
use crate::helpers::*;

fn scheduler(app: &TestApp) -> &Scheduler {
    app.scheduler.as_ref().expect("the bot is on")
}

async fn tick(app: &TestApp, at: DateTime<Utc>) -> Tick {
    scheduler(app).tick(at).await.expect("a round")
}

async fn database(app: &TestApp) -> DatabaseConnection {
    Database::connect(&app.db.url).await.unwrap()
}

async fn state_of(app: &TestApp, task: i64) -> Option<State> {
    let db = database(app).await;
    let row = reminders::find(&db, task).await.unwrap();
    db.close().await.ok();
    row.map(|row| row.state)
}

/// A moment two hours ahead, to the second.
fn later(hours: i64) -> DateTime<Utc> {
    (Utc::now() + Duration::hours(hours)).trunc_subsecs(0)
}

async fn task_due(app: &TestApp, chatter: &Chatter, title: &str, due: DateTime<Utc>) -> i64 {
    app.post_task_id(
        &chatter.api_user(),
        json!({"title": title, "date_time": due.to_rfc3339()}),
    )
    .await
}

/// The message of the reminder about `title` among `sent`, as a button press carries it.
fn message_about(sent: &[Call], title: &str) -> Value {
    let call = sent.iter().find(|c| c.text().contains(title)).unwrap();
    call.message(None)
}

/// The reminders Telegram accepted for `chatter` (a refused attempt is not one).
fn reminders_to(telegram: &FakeTelegram, chatter: &Chatter) -> Vec<Call> {
    telegram
        .sent_to(chatter.id)
        .into_iter()
        .filter(|call| call.text().starts_with('⏰') && !call.result.is_null())
        .collect()
}

#[tokio::test]
async fn a_reminder_is_sent_once_at_its_time_with_its_buttons_in_the_users_language() {
    let (app, telegram) = spawn_with_bot().await;
    for (id, lang, lead, due_label, buttons) in [
        (
            9101,
            "en",
            "⏰ Reminder: Call mum",
            "Due:",
            ["✅ Done", "💤 1 h", "🌅 Tomorrow", "Open the task"],
        ),
        (
            9102,
            "ru",
            "⏰ Напоминание: Call mum",
            "Срок:",
            ["✅ Готово", "💤 1 ч", "🌅 Завтра", "Открыть задачу"],
        ),
    ] {
        let chatter = Chatter::new(id, lang);
        let due = later(2);
        let task = task_due(&app, &chatter, "Call mum", due).await;
        assert_eq!(state_of(&app, task).await, Some(State::Pending));

        tick(&app, due - Duration::seconds(1)).await;
        assert!(
            reminders_to(&telegram, &chatter).is_empty(),
            "not before its time"
        );
        let round = tick(&app, due).await;
        assert!(round.sent >= 1, "{round:?}");
        tick(&app, due + Duration::minutes(1)).await;
        let sent = reminders_to(&telegram, &chatter);
        assert_eq!(sent.len(), 1, "once");
        let text = sent[0].text();
        assert!(text.starts_with(lead), "{text}");
        assert!(text.contains(due_label), "{text}");
        let labels: Vec<String> = sent[0]
            .buttons()
            .into_iter()
            .flatten()
            .map(|(label, _)| label)
            .collect();
        assert_eq!(labels, buttons.map(str::to_owned), "{lang}");
        let open = &sent[0].buttons()[1][0].1;
        assert_eq!(open, &format!("{PUBLIC_URL}/tasks/{task}"));
        assert_eq!(state_of(&app, task).await, Some(State::Sent));
    }
}

#[tokio::test]
async fn the_users_offset_moves_the_reminder_before_the_due_time() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9111, "en");
    let user = chatter.api_user();
    app.set_me(&user, json!({"reminder_offset_minutes": 30}))
        .await;
    let due = later(3);
    task_due(&app, &chatter, "Standup", due).await;
    tick(&app, due - Duration::minutes(31)).await;
    assert!(reminders_to(&telegram, &chatter).is_empty());
    tick(&app, due - Duration::minutes(30)).await;
    assert_eq!(reminders_to(&telegram, &chatter).len(), 1);

    // A changed offset plans the open tasks again; an explicit remind_at is left alone.
    let second = later(5);
    let explicit = later(4) - Duration::minutes(30);
    task_due(&app, &chatter, "Dentist", second).await;
    app.post_task_id(
        &user,
        json!({"title": "Pills", "date_time": second.to_rfc3339(), "remind_at": explicit.to_rfc3339()}),
    )
    .await;
    app.set_me(&user, json!({"reminder_offset_minutes": 60}))
        .await;
    tick(&app, second - Duration::minutes(61)).await;
    assert_eq!(reminders_to(&telegram, &chatter).len(), 2, "Pills at 3.5 h");
    tick(&app, second - Duration::minutes(60)).await;
    let sent = reminders_to(&telegram, &chatter);
    assert_eq!(sent.len(), 3);
    assert!(sent[1].text().contains("Pills") && sent[2].text().contains("Dentist"));
}

#[tokio::test]
async fn editing_the_due_time_moves_the_reminder_and_completing_cancels_it() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9121, "en");
    let user = chatter.api_user();
    let due = later(2);
    let moved = task_due(&app, &chatter, "Move me", due).await;
    let done = task_due(&app, &chatter, "Finish me", due).await;
    let undated = task_due(&app, &chatter, "Undate me", due).await;

    let new_due = later(6);
    let response = app
        .put_task(&user, moved, json!({"date_time": new_due.to_rfc3339()}))
        .await;
    assert!(response.status().is_success());
    app.put_task(&user, done, json!({"status": true})).await;
    app.put_task(&user, undated, json!({"date_time": null}))
        .await;
    assert_eq!(state_of(&app, done).await, Some(State::Cancelled));
    assert_eq!(state_of(&app, undated).await, Some(State::Cancelled));

    tick(&app, due).await;
    assert!(
        reminders_to(&telegram, &chatter).is_empty(),
        "nothing at the old time"
    );
    tick(&app, new_due).await;
    let sent = reminders_to(&telegram, &chatter);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].text().contains("Move me"));

    // A task deleted before its time takes its reminder with it.
    let gone = task_due(&app, &chatter, "Delete me", later(7)).await;
    assert_eq!(
        app.delete(&user, &format!("/api/v1/tasks/{gone}"))
            .await
            .status(),
        204
    );
    assert_eq!(state_of(&app, gone).await, None);
}

#[tokio::test]
async fn the_buttons_complete_or_snooze_from_the_reminder() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9131, "en");
    let user = chatter.api_user();
    let due = later(2);
    let finish = task_due(&app, &chatter, "Water plants", due).await;
    let snooze = task_due(&app, &chatter, "Reply to Ann", due).await;
    let tomorrow = task_due(&app, &chatter, "Buy bread", due).await;
    tick(&app, due).await;
    let sent = reminders_to(&telegram, &chatter);
    assert_eq!(sent.len(), 3);
    let message_of = |title: &str| message_about(&sent, title);

    let press = telegram.press(
        &chatter,
        &message_of("Water plants"),
        &format!("fin:{finish}"),
    );
    let answer = telegram.answer_to(&press).await;
    assert_eq!(answer.body["text"], "✅ Done: Water plants");
    assert_eq!(app.get_task(&user, finish).await["status"], true);
    let edited = telegram
        .wait_for_matching("editMessageText", 1, |b| {
            b["text"]
                .as_str()
                .is_some_and(|t| t.contains("Water plants"))
        })
        .await;
    assert_eq!(edited[0].text(), "✅ Done: Water plants");

    let before = Utc::now();
    let press = telegram.press(
        &chatter,
        &message_of("Reply to Ann"),
        &format!("snz:1h:{snooze}"),
    );
    let answer = telegram.answer_to(&press).await;
    assert_starts_with(answer.body["text"].as_str().unwrap(), "Snoozed until");
    let db = database(&app).await;
    let row = reminders::find(&db, snooze).await.unwrap().unwrap();
    assert_eq!(row.state, State::Pending);
    let hour = row.send_at - before;
    assert!(
        hour >= Duration::minutes(59) && hour <= Duration::minutes(61),
        "{hour}"
    );
    tick(&app, row.send_at - Duration::seconds(1)).await;
    assert_eq!(reminders_to(&telegram, &chatter).len(), 3);
    tick(&app, row.send_at).await;
    let again = reminders_to(&telegram, &chatter);
    assert_eq!(again.len(), 4);
    assert!(again[3].text().contains("Reply to Ann"));

    let press = telegram.press(
        &chatter,
        &message_of("Buy bread"),
        &format!("snz:tmrw:{tomorrow}"),
    );
    telegram.answer_to(&press).await;
    let row = reminders::find(&db, tomorrow).await.unwrap().unwrap();
    // Tomorrow at 09:00 in the user's zone (UTC here).
    let expected = (Utc::now() + Duration::days(1))
        .date_naive()
        .and_hms_opt(9, 0, 0)
        .unwrap()
        .and_utc();
    assert_eq!(row.send_at, expected);
    db.close().await.ok();

    // Someone else's task id in a forged button changes nothing.
    let stranger = Chatter::new(9132, "en");
    let press = telegram.press(
        &stranger,
        &message_of("Buy bread"),
        &format!("fin:{tomorrow}"),
    );
    let answer = telegram.answer_to(&press).await;
    assert_eq!(answer.body["text"], "There is no such task.");
    assert_eq!(app.get_task(&user, tomorrow).await["status"], false);
}

#[tokio::test]
async fn reminders_survive_a_restart_and_late_ones_are_missed_after_the_grace_window() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9141, "en");
    let due = later(2);
    let late = task_due(&app, &chatter, "Late but sent", due).await;
    let missed = task_due(&app, &chatter, "Too late", due - Duration::minutes(40)).await;
    let crashed = task_due(&app, &chatter, "Claimed, then a crash", later(3)).await;

    // A second server on the same database: the reminders are rows, not memory.
    let restarted = bot_server_on(app.db.shared(), &telegram).await;
    let round = tick(&restarted, due + Duration::minutes(10)).await;
    assert_eq!(round.missed, 1, "{round:?}");
    assert_eq!(state_of(&app, missed).await, Some(State::Missed));
    assert_eq!(state_of(&app, late).await, Some(State::Sent));
    let sent = reminders_to(&telegram, &chatter);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].text().contains("Late but sent"));

    // A scheduler that claimed a reminder and stopped before sending: once the claim lapses,
    // another one sends it.
    let db = database(&app).await;
    let at = later(3);
    let claimed = reminders::queue::claim_due(&db, at, 10, Duration::minutes(10))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].reminder.task_id, crashed);
    db.close().await.ok();
    tick(&restarted, at + Duration::minutes(5)).await;
    assert_eq!(
        reminders_to(&telegram, &chatter).len(),
        1,
        "the claim still holds"
    );
    tick(&restarted, at + Duration::minutes(11)).await;
    let sent = reminders_to(&telegram, &chatter);
    assert_eq!(sent.len(), 2);
    assert!(sent[1].text().contains("Claimed, then a crash"));
}

#[tokio::test]
async fn two_schedulers_on_one_database_send_each_reminder_exactly_once() {
    let (app, telegram) = spawn_with_bot().await;
    let other = bot_server_on(app.db.shared(), &telegram).await;
    let due = later(2);
    let people: Vec<Chatter> = (0..60).map(|n| Chatter::new(9200 + n, "en")).collect();
    for (n, chatter) in people.iter().enumerate() {
        task_due(&app, chatter, &format!("Task {n}"), due).await;
    }
    let (a, b) = tokio::join!(tick(&app, due), tick(&other, due));
    assert_eq!(a.sent + b.sent, 60, "{a:?} {b:?}");
    for chatter in &people {
        assert_eq!(
            reminders_to(&telegram, chatter).len(),
            1,
            "chat {}",
            chatter.id
        );
    }
    let (a, b) = tokio::join!(tick(&app, due), tick(&other, due));
    assert_eq!(a.sent + b.sent, 0);
}

#[tokio::test]
async fn a_server_error_is_retried_with_backoff_and_a_429_waits_retry_after() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9151, "en");
    let due = later(2);
    let task = task_due(&app, &chatter, "Flaky", due).await;

    telegram.fail_next("sendMessage", Failure::ServerError);
    let round = tick(&app, due).await;
    assert_eq!(round.retried, 1, "{round:?}");
    let db = database(&app).await;
    let row = reminders::find(&db, task).await.unwrap().unwrap();
    assert_eq!((row.state, row.attempts), (State::Pending, 1));
    assert_eq!(row.last_error.as_deref(), Some("server_error"));
    assert_eq!(row.send_at, due + Duration::seconds(30));

    telegram.fail_next("sendMessage", Failure::RetryAfter(7));
    let round = tick(&app, due + Duration::seconds(30)).await;
    assert_eq!(round.retried, 1, "{round:?}");
    let row = reminders::find(&db, task).await.unwrap().unwrap();
    assert_eq!(row.send_at, due + Duration::seconds(37));
    assert_eq!(row.last_error.as_deref(), Some("rate_limited"));

    tick(&app, due + Duration::seconds(36)).await;
    assert!(reminders_to(&telegram, &chatter).is_empty());
    let round = tick(&app, due + Duration::seconds(37)).await;
    assert_eq!(round.sent, 1, "{round:?}");
    assert_eq!(reminders_to(&telegram, &chatter).len(), 1);
    let row = reminders::find(&db, task).await.unwrap().unwrap();
    assert_eq!((row.state, row.last_error), (State::Sent, None));
    db.close().await.ok();

    let metrics = app.metrics().await;
    for outcome in ["sent", "retried"] {
        assert!(
            metrics.contains(&format!("reminders_total{{outcome=\"{outcome}\"}}")),
            "{metrics}"
        );
    }
}

#[tokio::test]
async fn a_blocked_bot_turns_the_users_reminders_off() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9161, "en");
    let user = chatter.api_user();
    let due = later(2);
    let first = task_due(&app, &chatter, "First", due).await;
    let second = task_due(&app, &chatter, "Second", due + Duration::hours(1)).await;

    telegram.fail_next("sendMessage", Failure::Blocked);
    let round = tick(&app, due).await;
    assert_eq!(round.failed, 1, "{round:?}");
    assert_eq!(state_of(&app, first).await, Some(State::Failed));
    assert_eq!(state_of(&app, second).await, Some(State::Cancelled));
    assert_eq!(app.me(&user).await["reminders_enabled"], false);

    tick(&app, due + Duration::hours(1)).await;
    let third = task_due(&app, &chatter, "Third", due + Duration::hours(2)).await;
    tick(&app, due + Duration::hours(2)).await;
    assert_eq!(state_of(&app, third).await, Some(State::Cancelled));
    assert_eq!(
        telegram.sent_to(chatter.id).len(),
        1,
        "only the refused attempt"
    );
}

#[tokio::test]
async fn the_daily_digest_lists_today_once_at_the_chosen_local_time() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9171, "en");
    let user = chatter.api_user();
    let target = later(3).with_second(0).unwrap();
    let digest_at = target
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .format("%H:%M")
        .to_string();
    let settings = json!({"time_zone": "Asia/Tokyo", "digest_time": digest_at});
    app.set_me(&user, settings).await;
    let db = database(&app).await;
    let next = |db: &DatabaseConnection| {
        let db = db.clone();
        async move {
            app::server::entity::user::Entity::find()
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .find(|u| u.telegram_id == Some(9171))
                .unwrap()
                .next_digest_at
                .unwrap()
        }
    };
    let at = next(&db).await;
    assert_eq!(at, target);
    // Due at the digest's moment: today's, in Tokyo.
    task_due(&app, &chatter, "Morning run", at).await;
    app.post_task_id(&user, json!({"title": "Someday"})).await;

    tick(&app, at - Duration::seconds(1)).await;
    let digests = |t: &FakeTelegram| -> Vec<Call> {
        t.sent_to(9171)
            .into_iter()
            .filter(|c| c.text().starts_with("☀️"))
            .collect()
    };
    assert!(digests(&telegram).is_empty());
    let round = tick(&app, at).await;
    assert_eq!(round.digests, 1, "{round:?}");
    tick(&app, at + Duration::minutes(1)).await;
    let sent = digests(&telegram);
    assert_eq!(sent.len(), 1);
    assert_starts_with(sent[0].text(), "☀️ Your day\n\nDue today:\n1. Morning run");
    assert!(!sent[0].text().contains("Someday"));
    assert_eq!(next(&db).await, at + Duration::days(1));

    // A digest whose moment passed while no server ran is skipped, not sent late.
    tick(&app, at + Duration::days(1) + Duration::hours(2)).await;
    assert_eq!(digests(&telegram).len(), 1);
    assert_eq!(next(&db).await, at + Duration::days(2));
    db.close().await.ok();
}

#[tokio::test]
async fn the_reminders_buttons_answer_in_russian_too() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(9181, "ru");
    let due = later(2);
    let finish = task_due(&app, &chatter, "Полить цветы", due).await;
    let snooze = task_due(&app, &chatter, "Ответить Ане", due).await;
    tick(&app, due).await;
    let sent = reminders_to(&telegram, &chatter);
    assert_eq!(sent.len(), 2);
    let message_of = |title: &str| message_about(&sent, title);

    let press = telegram.press(&chatter, &message_of("Полить"), &format!("fin:{finish}"));
    let answer = telegram.answer_to(&press).await;
    assert_eq!(answer.body["text"], "✅ Выполнено: Полить цветы");

    let press = telegram.press(
        &chatter,
        &message_of("Ответить"),
        &format!("snz:tmrw:{snooze}"),
    );
    let answer = telegram.answer_to(&press).await;
    let notice = answer.body["text"].as_str().unwrap();
    assert!(
        notice.starts_with("Отложено до") && notice.ends_with("09:00"),
        "{notice}"
    );
    let edited = telegram
        .wait_for_matching("editMessageText", 1, |b| {
            b["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("💤 Ответить Ане"))
        })
        .await;
    assert!(
        edited[0].text().contains("Напомню снова"),
        "{}",
        edited[0].text()
    );

    // Snoozing a task that is already done changes nothing and says so.
    let press = telegram.press(&chatter, &message_of("Полить"), &format!("snz:1h:{finish}"));
    let answer = telegram.answer_to(&press).await;
    assert_eq!(answer.body["text"], "Задача уже выполнена");
}
