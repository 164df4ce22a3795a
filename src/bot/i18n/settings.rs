//! `/settings` and its buttons.

use app::i18n::plural;

pub struct SettingsTexts {
    pub days: fn(u64) -> String,
    pub hours: fn(u64) -> String,
    pub minutes: fn(u64) -> String,
    pub at_due_time: &'static str,
    /// A span of time before the due time: "за 1 ч", "1 h before".
    pub before: fn(span: &str) -> String,
    pub reminders_on: &'static str,
    pub reminders_off: &'static str,
    pub digest_at: fn(time: &str) -> String,
    pub digest_off: &'static str,
    /// The heading and the labels of the settings message.
    pub title: &'static str,
    pub reminders_label: &'static str,
    pub remind_label: &'static str,
    pub digest_label: &'static str,
    pub zone_label: &'static str,
    pub language_label: &'static str,
    /// Below the values: how to set one the buttons do not offer.
    pub exact_values: &'static str,
    pub turn_reminders_off: &'static str,
    pub turn_reminders_on: &'static str,
    pub on_time_button: &'static str,
    pub no_digest_button: &'static str,
    pub open_in_app: &'static str,
    pub saved: &'static str,
    pub usage: &'static str,
    pub refused: &'static str,
}

pub static EN: SettingsTexts = SettingsTexts {
    days: |n| plural::en(n, "day", "days"),
    hours: |n| format!("{n} h"),
    minutes: |n| format!("{n} min"),
    at_due_time: "at the due time",
    before: |span| format!("{span} before"),
    reminders_on: "on",
    reminders_off: "off",
    digest_at: |time| format!("at {time}"),
    digest_off: "off",
    title: "Settings",
    reminders_label: "Reminders",
    remind_label: "Remind",
    digest_label: "Daily digest",
    zone_label: "Time zone",
    language_label: "Language",
    exact_values: "The buttons below change them. For an exact value, send:\n\
                   /settings tz Europe/Berlin — time zone\n\
                   /settings digest 07:30 — digest time (off turns it off)\n\
                   /settings offset 45 — minutes before the due time to remind",
    turn_reminders_off: "🔕 Turn reminders off",
    turn_reminders_on: "🔔 Turn reminders on",
    on_time_button: "⏰ On time",
    no_digest_button: "📰 No digest",
    open_in_app: "⚙️ All settings in the app",
    saved: "✅ Saved",
    usage: "I didn't get what to change. For example:\n\
            /settings tz Europe/Berlin\n\
            /settings digest 07:30 (or off)\n\
            /settings offset 45\n\
            /settings reminders on (or off)\n\
            /settings lang ru\n\
            /settings alone shows every setting, with buttons.",
    refused: "Could not change the settings:",
};

pub static RU: SettingsTexts = SettingsTexts {
    days: |n| plural::ru(n, "день", "дня", "дней"),
    hours: |n| format!("{n} ч"),
    minutes: |n| format!("{n} мин"),
    at_due_time: "в момент срока",
    before: |span| format!("за {span}"),
    reminders_on: "включены",
    reminders_off: "выключены",
    digest_at: |time| format!("в {time}"),
    digest_off: "выключена",
    title: "Настройки",
    reminders_label: "Напоминания",
    remind_label: "Напоминать",
    digest_label: "Ежедневная сводка",
    zone_label: "Часовой пояс",
    language_label: "Язык",
    exact_values: "Кнопки ниже меняют их. Точное значение — командой:\n\
                   /settings tz Europe/Moscow — часовой пояс\n\
                   /settings digest 07:30 — время сводки (off — выключить)\n\
                   /settings offset 45 — за сколько минут до срока напоминать",
    turn_reminders_off: "🔕 Выключить напоминания",
    turn_reminders_on: "🔔 Включить напоминания",
    on_time_button: "⏰ В срок",
    no_digest_button: "📰 Без сводки",
    open_in_app: "⚙️ Все настройки в приложении",
    saved: "✅ Сохранено",
    usage: "Не понял, что изменить. Например:\n\
            /settings tz Europe/Moscow\n\
            /settings digest 07:30 (или off)\n\
            /settings offset 45\n\
            /settings reminders on (или off)\n\
            /settings lang en\n\
            /settings без слов покажет все настройки с кнопками.",
    refused: "Не получилось изменить настройки:",
};
