//! What reminders and the daily digest say, in Russian and English.

use app::i18n::Lang;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::texts::{self, short};

/// How much of a title a reminder shows (Telegram allows 4096 characters a message).
const TITLE_MAX: usize = 500;

pub fn reminder(lang: Lang, title: &str, due: Option<DateTime<Utc>>, zone: Tz) -> String {
    let mut text = format!(
        "⏰ {} {}",
        lang.pick("Напоминание:", "Reminder:"),
        short(title, TITLE_MAX)
    );
    if let Some(due) = due {
        text.push_str(&format!(
            "\n{} {}",
            lang.pick("Срок:", "Due:"),
            texts::when(lang, due, zone)
        ));
    }
    text
}

pub fn snoozed(lang: Lang, title: &str, until: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "💤 {}\n{} {}",
        short(title, TITLE_MAX),
        lang.pick("Напомню снова", "I'll remind you again on"),
        texts::when(lang, until, zone)
    )
}

pub fn snoozed_notice(lang: Lang, until: DateTime<Utc>, zone: Tz) -> String {
    format!(
        "{} {}",
        lang.pick("Отложено до", "Snoozed until"),
        texts::when(lang, until, zone)
    )
}

pub fn already_done(lang: Lang) -> &'static str {
    lang.pick("Задача уже выполнена", "The task is already done")
}

pub fn done_button(lang: Lang) -> &'static str {
    lang.pick("✅ Готово", "✅ Done")
}

pub fn hour_button(lang: Lang) -> &'static str {
    lang.pick("💤 1 ч", "💤 1 h")
}

pub fn tomorrow_button(lang: Lang) -> &'static str {
    lang.pick("🌅 Завтра", "🌅 Tomorrow")
}

pub fn digest_heading(lang: Lang) -> &'static str {
    lang.pick("☀️ Ваш день", "☀️ Your day")
}
