//! The reminder scheduler: a background task of the server that, every second, records what was
//! missed, claims the reminders that are due, sends them at Telegram's pace and records how each
//! went; then sends the daily digests that are due. `tick(now)` is one such round, at a moment
//! the caller chooses (the tests' controllable clock).

mod attempt;
mod digest;
mod pace;

use std::sync::Arc;
use std::time::Duration;

use app::server::reminders::queue::{self, Claimed, Outcome};
use app::server::{AppState, CurrentUser, clock, reminders};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use sea_orm::DbErr;
use teloxide::prelude::*;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::bot::{self, Bot};
use attempt::Failure;
pub use attempt::MAX_ATTEMPTS;
pub use pace::Pace;

/// How often the scheduler looks for due reminders.
const INTERVAL: Duration = Duration::from_secs(1);
/// Reminders claimed at once.
const BATCH: u64 = 100;
/// Sends in flight at once; the pace still limits how many start each second.
const IN_FLIGHT: usize = 32;
/// How long stopping waits for a round at work.
const STOP_WAIT: Duration = Duration::from_secs(5);
/// How long a claim holds: a scheduler that stops mid-send leaves its rows to others after this.
const LEASE: chrono::Duration = chrono::Duration::minutes(10);

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    pub sent: u64,
    pub retried: u64,
    pub failed: u64,
    pub cancelled: u64,
    pub missed: u64,
    pub digests: u64,
}

impl Tick {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Sent => self.sent += 1,
            Outcome::Retry { .. } => self.retried += 1,
            Outcome::Failed { .. } => self.failed += 1,
            Outcome::Cancelled { .. } => self.cancelled += 1,
        }
    }

    fn is_empty(&self) -> bool {
        *self == Tick::default()
    }
}

#[derive(Clone)]
pub struct Scheduler {
    inner: Arc<Inner>,
}

struct Inner {
    state: AppState,
    bot: Bot,
    pace: Pace,
}

fn count(outcome: &'static str, n: u64) {
    if n > 0 {
        metrics::counter!("reminders_total", "outcome" => outcome).increment(n);
    }
}

impl Scheduler {
    pub fn new(bot: Bot, state: AppState) -> Scheduler {
        Scheduler::with_pace(bot, state, Pace::telegram())
    }

    pub fn with_pace(bot: Bot, state: AppState, pace: Pace) -> Scheduler {
        Scheduler {
            inner: Arc::new(Inner { state, bot, pace }),
        }
    }

    /// One round at `now`: missed reminders recorded, due ones sent, due digests sent.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<Tick, DbErr> {
        let db = &self.inner.state.db;
        let mut tick = Tick {
            missed: queue::mark_missed(db, now).await?,
            ..Tick::default()
        };
        loop {
            let claimed = queue::claim_due(db, now, BATCH, LEASE).await?;
            let full = claimed.len() as u64 == BATCH;
            let outcomes: Vec<Result<Outcome, DbErr>> = futures_util::stream::iter(claimed)
                .map(|claimed| self.deliver(claimed, now))
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            for outcome in outcomes {
                tick.add(&outcome?);
            }
            if !full {
                break;
            }
        }
        tick.digests =
            digest::send_due(&self.inner.state, &self.inner.bot, &self.inner.pace, now).await?;
        count("sent", tick.sent);
        count("retried", tick.retried);
        count("failed", tick.failed);
        count("cancelled", tick.cancelled);
        count("missed", tick.missed);
        if !tick.is_empty() {
            tracing::info!(
                sent = tick.sent,
                retried = tick.retried,
                failed = tick.failed,
                cancelled = tick.cancelled,
                missed = tick.missed,
                digests = tick.digests,
                "reminders: round done"
            );
        }
        Ok(tick)
    }

    /// Sends one claimed reminder and records how it went.
    async fn deliver(&self, claimed: Claimed, now: DateTime<Utc>) -> Result<Outcome, DbErr> {
        let state = &self.inner.state;
        let outcome = match (&claimed.task, &claimed.user) {
            (None, _) | (_, None) => Outcome::Cancelled { reason: "gone" },
            (Some(task), _) if task.status => Outcome::Cancelled { reason: "done" },
            (_, Some(user)) if !user.reminders_enabled => Outcome::Cancelled { reason: "disabled" },
            (Some(task), Some(user)) => match user.telegram_id {
                None => Outcome::Cancelled { reason: "no_chat" },
                Some(chat) => {
                    let person = CurrentUser::from(user);
                    let reply = bot::reminder_reply(state, person.language, task, person.time_zone);
                    self.send(chat, reply, claimed.reminder.attempts, user.id, now)
                        .await?
                }
            },
        };
        if !queue::record(&state.db, &claimed.reminder, &outcome, now).await? {
            tracing::info!(
                task_id = claimed.reminder.task_id,
                "reminders: the reminder changed while it was sent"
            );
        }
        Ok(outcome)
    }

    async fn send(
        &self,
        chat: i64,
        reply: bot::Reply,
        attempts: i32,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Outcome, DbErr> {
        self.inner.pace.wait(chat).await;
        let Err(error) = reply.send_once(&self.inner.bot, ChatId(chat)).await else {
            return Ok(Outcome::Sent);
        };
        Ok(match attempt::classify(&error, attempts) {
            Failure::Retry { after, reason } => {
                tracing::warn!(%error, attempts, "reminders: sending failed; will try again");
                Outcome::Retry {
                    at: now + chrono::Duration::from_std(after).unwrap_or(LEASE),
                    reason,
                }
            }
            Failure::Blocked => {
                tracing::info!(
                    user_id,
                    "reminders: the bot is blocked; reminders turned off"
                );
                reminders::stop_for_blocked(&self.inner.state.db, user_id, now).await?;
                Outcome::Failed { reason: "blocked" }
            }
            Failure::GiveUp { reason } => {
                tracing::error!(%error, attempts, "reminders: sending failed for good");
                Outcome::Failed { reason }
            }
        })
    }

    /// Runs `tick` every second until stopped.
    pub fn start(self) -> Running {
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let mut every = tokio::time::interval(INTERVAL);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = every.tick() => {}
                    _ = stopped.changed() => break,
                }
                if let Err(error) = self.tick(clock::now()).await {
                    tracing::error!(%error, "reminders: a round failed");
                }
                self.inner.pace.forget_idle();
            }
            tracing::info!("reminders: stopped");
        });
        Running { stop, task }
    }
}

/// The running scheduler; `stop` lets the round at work finish.
pub struct Running {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Running {
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(STOP_WAIT, &mut task).await.is_err() {
            // Its claims lapse after `LEASE`; another scheduler (or this one, restarted) sends
            // them then.
            tracing::warn!("reminders: a round was still sending at shutdown");
            task.abort();
        }
    }
}
