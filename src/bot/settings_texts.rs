//! What the bot says about settings (`/settings` and its buttons), in Russian and English.

use app::i18n::{Lang, plural};
use app::model::{FieldErrors, Profile};

use super::texts;

const MINUTES_A_DAY: i64 = 24 * 60;

/// A span of minutes in days, hours and minutes: "1 day 2 h", "1 день 2 ч".
fn span(lang: Lang, minutes: i64) -> String {
    let (days, hours, mins) = (
        minutes / MINUTES_A_DAY,
        minutes % MINUTES_A_DAY / 60,
        minutes % 60,
    );
    let mut parts = Vec::new();
    if days > 0 {
        let days = days.unsigned_abs();
        parts.push(match lang {
            Lang::Ru => plural::ru(days, "день", "дня", "дней"),
            Lang::En => plural::en(days, "day", "days"),
        });
    }
    if hours > 0 {
        parts.push(format!("{hours} {}", lang.pick("ч", "h")));
    }
    if mins > 0 {
        parts.push(format!("{mins} {}", lang.pick("мин", "min")));
    }
    parts.join(" ")
}

/// When a reminder comes: "30 min before", "за 30 мин".
fn offset(lang: Lang, minutes: i64) -> String {
    match (lang, minutes) {
        (_, 0) => lang.pick("в момент срока", "at the due time").to_owned(),
        (Lang::Ru, _) => format!("за {}", span(lang, minutes)),
        (Lang::En, _) => format!("{} before", span(lang, minutes)),
    }
}

/// The language's name in itself, as its button shows it.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Русский",
        Lang::En => "English",
    }
}

/// The settings as they are now, and how to set values the buttons do not offer.
pub fn view(profile: &Profile) -> String {
    let lang = profile.language;
    let reminders = if profile.reminders_enabled {
        lang.pick("включены", "on")
    } else {
        lang.pick("выключены", "off")
    };
    let digest = match &profile.digest_time {
        Some(time) => format!("{} {time}", lang.pick("в", "at")),
        None => lang.pick("выключена", "off").to_owned(),
    };
    let remind = offset(lang, i64::from(profile.reminder_offset_minutes));
    let zone = &profile.time_zone;
    let name = language_name(lang);
    match lang {
        Lang::Ru => format!(
            "⚙️ Настройки\n\
             🔔 Напоминания: {reminders}\n\
             ⏰ Напоминать: {remind}\n\
             📰 Ежедневная сводка: {digest}\n\
             🌍 Часовой пояс: {zone}\n\
             🗣 Язык: {name}\n\n\
             Кнопки ниже меняют их. Точное значение — командой:\n\
             /settings tz Europe/Moscow — часовой пояс\n\
             /settings digest 07:30 — время сводки (off — выключить)\n\
             /settings offset 45 — за сколько минут до срока напоминать"
        ),
        Lang::En => format!(
            "⚙️ Settings\n\
             🔔 Reminders: {reminders}\n\
             ⏰ Remind: {remind}\n\
             📰 Daily digest: {digest}\n\
             🌍 Time zone: {zone}\n\
             🗣 Language: {name}\n\n\
             The buttons below change them. For an exact value, send:\n\
             /settings tz Europe/Berlin — time zone\n\
             /settings digest 07:30 — digest time (off turns it off)\n\
             /settings offset 45 — minutes before the due time to remind"
        ),
    }
}

pub fn reminders_button(lang: Lang, enabled: bool) -> &'static str {
    if enabled {
        lang.pick("🔕 Выключить напоминания", "🔕 Turn reminders off")
    } else {
        lang.pick("🔔 Включить напоминания", "🔔 Turn reminders on")
    }
}

pub fn offset_button(lang: Lang, minutes: i64) -> String {
    match minutes {
        0 => lang.pick("⏰ В срок", "⏰ On time").to_owned(),
        _ => span(lang, minutes),
    }
}

/// `time` is `HH:MM`, or `None` for no digest.
pub fn digest_button(lang: Lang, time: Option<&str>) -> String {
    match time {
        Some(time) => time.to_owned(),
        None => lang.pick("📰 Без сводки", "📰 No digest").to_owned(),
    }
}

/// The label of the choice in effect.
pub fn current(label: &str) -> String {
    format!("✓ {label}")
}

pub fn open_in_app(lang: Lang) -> &'static str {
    lang.pick(
        "⚙️ Все настройки в приложении",
        "⚙️ All settings in the app",
    )
}

pub fn saved(lang: Lang) -> &'static str {
    lang.pick("✅ Сохранено", "✅ Saved")
}

pub fn usage(lang: Lang) -> &'static str {
    lang.pick(
        "Не понял, что изменить. Например:\n\
         /settings tz Europe/Moscow\n\
         /settings digest 07:30 (или off)\n\
         /settings offset 45\n\
         /settings reminders on (или off)\n\
         /settings lang en\n\
         /settings без слов покажет все настройки с кнопками.",
        "I didn't get what to change. For example:\n\
         /settings tz Europe/Berlin\n\
         /settings digest 07:30 (or off)\n\
         /settings offset 45\n\
         /settings reminders on (or off)\n\
         /settings lang ru\n\
         /settings alone shows every setting, with buttons.",
    )
}

pub fn refused(lang: Lang, errors: &FieldErrors) -> String {
    let lead = lang.pick(
        "Не получилось изменить настройки:",
        "Could not change the settings:",
    );
    texts::field_errors(lang, lead, errors)
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
