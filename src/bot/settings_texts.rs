//! What the bot says about settings (`/settings` and its buttons), put together from its strings
//! (`i18n/settings.rs`) and the profile.

use app::i18n::Lang;
use app::model::{FieldErrors, Profile};

use super::i18n::texts;
use super::texts as chat;

const MINUTES_A_DAY: u64 = 24 * 60;

/// A span of minutes in days, hours and minutes: "1 day 2 h", "1 день 2 ч".
fn span(lang: Lang, minutes: u64) -> String {
    let t = texts(lang).settings;
    let (days, hours, mins) = (
        minutes / MINUTES_A_DAY,
        minutes % MINUTES_A_DAY / 60,
        minutes % 60,
    );
    let mut parts = Vec::new();
    if days > 0 {
        parts.push((t.days)(days));
    }
    if hours > 0 {
        parts.push((t.hours)(hours));
    }
    if mins > 0 {
        parts.push((t.minutes)(mins));
    }
    parts.join(" ")
}

/// When a reminder comes: "30 min before", "за 30 мин".
fn offset(lang: Lang, minutes: i64) -> String {
    let t = texts(lang).settings;
    match u64::try_from(minutes).unwrap_or(0) {
        0 => t.at_due_time.to_owned(),
        minutes => (t.before)(&span(lang, minutes)),
    }
}

/// The settings as they are now, and how to set values the buttons do not offer.
pub fn view(profile: &Profile) -> String {
    let lang = profile.language;
    let t = texts(lang).settings;
    let digest = match &profile.digest_time {
        Some(time) => (t.digest_at)(time),
        None => t.digest_off.to_owned(),
    };
    let reminders = if profile.reminders_enabled {
        t.reminders_on
    } else {
        t.reminders_off
    };
    let remind = offset(lang, i64::from(profile.reminder_offset_minutes));
    format!(
        "⚙️ {}\n🔔 {}: {reminders}\n⏰ {}: {remind}\n📰 {}: {digest}\n🌍 {}: {}\n🗣 {}: {}\n\n{}",
        t.title,
        t.reminders_label,
        t.remind_label,
        t.digest_label,
        t.zone_label,
        profile.time_zone,
        t.language_label,
        lang.name(),
        t.exact_values,
    )
}

pub fn reminders_button(lang: Lang, enabled: bool) -> &'static str {
    let t = texts(lang).settings;
    if enabled {
        t.turn_reminders_off
    } else {
        t.turn_reminders_on
    }
}

pub fn offset_button(lang: Lang, minutes: i64) -> String {
    match u64::try_from(minutes).unwrap_or(0) {
        0 => texts(lang).settings.on_time_button.to_owned(),
        minutes => span(lang, minutes),
    }
}

/// `time` is `HH:MM`, or `None` for no digest.
pub fn digest_button(lang: Lang, time: Option<&str>) -> String {
    match time {
        Some(time) => time.to_owned(),
        None => texts(lang).settings.no_digest_button.to_owned(),
    }
}

/// The label of the choice in effect.
pub fn current(label: &str) -> String {
    format!("✓ {label}")
}

pub fn refused(lang: Lang, errors: &FieldErrors) -> String {
    chat::field_errors(lang, texts(lang).settings.refused, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_read_naturally_in_both_languages() {
        for (minutes, ru, en) in [
            (0, "в момент срока", "at the due time"),
            (10, "за 10 мин", "10 min before"),
            (90, "за 1 ч 30 мин", "1 h 30 min before"),
            (1440, "за 1 день", "1 day before"),
            (2 * 1440, "за 2 дня", "2 days before"),
            (5 * 1440 + 5, "за 5 дней 5 мин", "5 days 5 min before"),
            (11 * 1440, "за 11 дней", "11 days before"),
            (21 * 1440, "за 21 день", "21 days before"),
            (22 * 1440, "за 22 дня", "22 days before"),
        ] {
            assert_eq!(offset(Lang::Ru, minutes), ru);
            assert_eq!(offset(Lang::En, minutes), en);
        }
    }
}
