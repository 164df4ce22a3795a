//! How long dispatching 1,000 due reminders takes against the fake Bot API: once at Telegram's
//! pace (30 messages a second overall, one a second per chat) and once unthrottled, which shows
//! what claiming, sending and recording cost by themselves. Run by `bench/reminders.sh`:
//!   cargo test -p vectora --test api reminders_bench -- --ignored --nocapture

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::time::Instant;

use chrono::{Duration, SubsecRound, Utc};
use serde_json::json;
use vectora::Config;
use vectora::scheduler::{Pace, Scheduler};
use vectora::server::Application;

use crate::fake_telegram::*;
use crate::helpers::*;

const REMINDERS: i64 = 1_000;

/// A scheduler of its own on `db`, at `pace`.
async fn scheduler_on(db: &TestDb, telegram: &FakeTelegram, pace: Pace) -> Scheduler {
    let url = telegram.url();
    let env: HashMap<&str, &str> = HashMap::from([
        ("DATABASE_URL", db.url.as_str()),
        ("TELEGRAM_BOT_TOKEN", BOT_TOKEN),
        ("TELEGRAM_API_URL", url.as_str()),
        ("BOT_MODE", "polling"),
        ("PUBLIC_URL", PUBLIC_URL),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0"),
    ]);
    let config = Config::from_lookup(|name| env.get(name).map(|v| v.to_string())).unwrap();
    let application = Application::build(config).await.unwrap();
    let bot = application.bot().cloned().unwrap();
    Scheduler::with_pace(bot, application.state().clone(), pace)
}

async fn dispatch(label: &str, pace: Pace) -> f64 {
    let (app, telegram) = spawn_with_bot().await;
    let due = (Utc::now() + Duration::hours(2)).trunc_subsecs(0);
    let seeding = Instant::now();
    for n in 0..REMINDERS {
        let chatter = Chatter::new(500_000 + n, "en");
        app.post_task_id(
            &chatter.api_user(),
            json!({"title": format!("Task {n}"), "date_time": due.to_rfc3339()}),
        )
        .await;
    }
    eprintln!(
        "{label}: seeded {REMINDERS} users and tasks in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    let scheduler = scheduler_on(&app.db, &telegram, pace).await;
    let started = Instant::now();
    let tick = scheduler.tick(due).await.unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(tick.sent, REMINDERS as u64, "{tick:?}");
    let sent = telegram
        .calls_of("sendMessage")
        .into_iter()
        .filter(|call| call.text().starts_with('⏰'))
        .count();
    assert_eq!(sent, REMINDERS as usize);
    eprintln!(
        "{label}: {REMINDERS} reminders in {seconds:.2} s ({:.0}/s)",
        REMINDERS as f64 / seconds
    );
    println!("BENCH {label} {seconds:.3}");
    seconds
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: bench/reminders.sh runs it"]
async fn reminders_bench_dispatch_1000_due_reminders() {
    dispatch("telegram-pace", Pace::telegram()).await;
    let fast = NonZeroU32::new(100_000).unwrap();
    dispatch("unthrottled", Pace::new(fast, fast)).await;
}
