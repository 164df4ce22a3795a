//! What reminders and the daily digest say, put together from the bot's strings
//! (`i18n/reminders.rs`) and the task.

use app::i18n::Lang;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::i18n::texts;
use super::texts::{short, when};

/// How much of a title a reminder shows (Telegram allows 4096 characters a message).
const TITLE_MAX: usize = 500;

pub fn reminder(lang: Lang, title: &str, due: Option<DateTime<Utc>>, zone: Tz) -> String {
    let t = texts(lang).reminders;
    let mut text = format!("⏰ {} {}", t.reminder, short(title, TITLE_MAX));
    if let Some(due) = due {
        text.push_str(&format!("\n{} {}", t.due, when(lang, due, zone)));
    }
    text
}

pub fn snoozed(lang: Lang, title: &str, until: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "💤 {}\n{} {}",
        short(title, TITLE_MAX),
        texts(lang).reminders.remind_again,
        when(lang, until, zone)
    )
}

pub fn snoozed_notice(lang: Lang, until: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "{} {}",
        texts(lang).reminders.snoozed_until,
        when(lang, until, zone)
    )
}
