//! The daily digest: today's open tasks, sent at each user's chosen local time.

use app::server::reminders::digest::claim_due;
use app::server::{AppState, CurrentUser, reminders};
use chrono::{DateTime, Utc};
use sea_orm::DbErr;
use teloxide::prelude::*;

use super::attempt::{self, Failure};
use super::pace::Pace;
use crate::bot::{self, Bot};

/// Digests claimed at once.
const BATCH: u64 = 100;

fn count(outcome: &'static str) {
    metrics::counter!("digests_total", "outcome" => outcome).increment(1);
}

/// Sends every digest due at `now` (one attempt each: a digest that fails waits for the next
/// day); returns how many went out.
pub async fn send_due(
    state: &AppState,
    bot: &Bot,
    pace: &Pace,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut sent = 0;
    loop {
        let due = claim_due(&state.db, now, BATCH).await?;
        let full = due.len() as u64 == BATCH;
        for digest in due {
            let user = &digest.user;
            let Some(chat) = user.telegram_id.filter(|_| user.reminders_enabled) else {
                continue;
            };
            if digest.missed {
                count("missed");
                continue;
            }
            let person = CurrentUser::from(user);
            let Some(reply) = bot::digest_reply(state, &person, now).await else {
                count("empty");
                continue;
            };
            pace.wait(chat).await;
            match reply.send_once(bot, ChatId(chat)).await {
                Ok(_) => {
                    count("sent");
                    sent += 1;
                }
                Err(error) => {
                    count("failed");
                    tracing::warn!(%error, "reminders: a digest was not sent");
                    if attempt::classify(&error, 0) == Failure::Blocked {
                        reminders::stop_for_blocked(&state.db, user.id, now).await?;
                    }
                }
            }
        }
        if !full {
            return Ok(sent);
        }
    }
}
