//! A reminder as the bot shows it, the daily digest, and what the reminder's buttons do.

use app::i18n::Lang;
use app::model::{TaskId, When};
use app::server::entity::task;
use app::server::{AppState, CurrentUser, clock, reminders, tasks};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::callback_data::{Action, Snooze};
use super::replies::{Reply, service_error};
use super::texts::{self, ListKind};
use super::{i18n, keyboards, lists, reminder_texts};

/// When "Snooze until tomorrow" reminds again: this hour, local time.
const TOMORROW_AT: NaiveTime = NaiveTime::from_hms_opt(9, 0, 0).expect("a valid time");

/// The reminder message: the task, its due time, and Done / Snooze / Open.
pub fn reminder_reply(state: &AppState, lang: Lang, task: &task::Model, zone: Tz) -> Reply {
    let t = i18n::texts(lang).reminders;
    let text = reminder_texts::reminder(lang, &task.title, task.date_time, zone);
    let snooze = |label: &str, snooze| {
        InlineKeyboardButton::callback(
            label,
            Action::Snooze {
                snooze,
                id: task.id,
            }
            .encode(),
        )
    };
    let mut rows = vec![vec![
        InlineKeyboardButton::callback(t.done_button, Action::Finish(task.id).encode()),
        snooze(t.hour_button, Snooze::Hour),
        snooze(t.tomorrow_button, Snooze::Tomorrow),
    ]];
    rows.extend(keyboards::open_task(lang, &keyboards::app_url(state), task.id).inline_keyboard);
    Reply::with(text, InlineKeyboardMarkup::new(rows))
}

/// Today's open tasks with their ✅ buttons, or `None` when nothing is due: an empty digest is
/// not sent.
pub async fn digest_reply(
    state: &AppState,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Option<Reply> {
    let due = match lists::load_at(state, user, ListKind::Today, None, now).await {
        Ok(due) => due,
        Err(error) => {
            tracing::error!(%error, "reminders: cannot load a digest");
            return None;
        }
    };
    if due.is_empty() {
        return None;
    }
    let lang = user.language;
    Some(Reply::with(
        format!(
            "{}\n\n{}",
            i18n::texts(lang).reminders.digest_heading,
            texts::list(lang, ListKind::Today, &due, user.time_zone)
        ),
        keyboards::list(ListKind::Today, &due),
    ))
}

/// The moment a snooze button means, from `now`.
pub fn snooze_until(snooze: Snooze, now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    match snooze {
        Snooze::Hour => now + Duration::hours(1),
        Snooze::Tomorrow => {
            let tomorrow = now.with_timezone(&zone).date_naive() + Duration::days(1);
            When::Local(tomorrow.and_time(TOMORROW_AT)).resolve(zone)
        }
    }
}

/// What pressing a reminder's button did: a notice on the button, and the message's new look.
pub struct Pressed {
    pub notice: String,
    pub message: Option<Reply>,
}

pub async fn finish(state: &AppState, user: &CurrentUser, id: TaskId) -> Pressed {
    let lang = user.language;
    match lists::complete(state, user, id).await {
        Ok(task) => Pressed {
            notice: texts::completed(lang, &task.title),
            message: Some(Reply::with(
                texts::completed(lang, &task.title),
                keyboards::open_task(lang, &keyboards::app_url(state), id),
            )),
        },
        Err(error) => Pressed {
            notice: service_error(lang, &error),
            message: None,
        },
    }
}

pub async fn snooze(state: &AppState, user: &CurrentUser, snooze: Snooze, id: TaskId) -> Pressed {
    let lang = user.language;
    let until = snooze_until(snooze, clock::now(), user.time_zone);
    let snoozed = match reminders::snooze(&state.db, user, id, until).await {
        Ok(true) => tasks::get_task(&state.db, user, id).await.map(Some),
        Ok(false) => Ok(None),
        Err(error) => Err(error),
    };
    match snoozed {
        Ok(Some(task)) => Pressed {
            notice: reminder_texts::snoozed_notice(lang, until, user.time_zone),
            message: Some(Reply::with(
                reminder_texts::snoozed(lang, &task.title, until, user.time_zone),
                keyboards::open_task(lang, &keyboards::app_url(state), id),
            )),
        },
        Ok(None) => Pressed {
            notice: i18n::texts(lang).reminders.already_done.to_owned(),
            message: None,
        },
        Err(error) => Pressed {
            notice: service_error(lang, &error),
            message: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn tomorrow_is_nine_in_the_morning_local_time() {
        let moscow: Tz = "Europe/Moscow".parse().unwrap();
        // 22:30 in Moscow on 1 March: tomorrow is 2 March, 09:00 MSK = 06:00 UTC.
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 19, 30, 0).unwrap();
        assert_eq!(
            snooze_until(Snooze::Tomorrow, now, moscow),
            Utc.with_ymd_and_hms(2026, 3, 2, 6, 0, 0).unwrap()
        );
        assert_eq!(
            snooze_until(Snooze::Hour, now, moscow),
            now + Duration::hours(1)
        );
    }
}
