//! Reminders, their buttons and the daily digest.

pub struct ReminderTexts {
    pub reminder: &'static str,
    pub due: &'static str,
    pub remind_again: &'static str,
    pub snoozed_until: &'static str,
    pub already_done: &'static str,
    pub done_button: &'static str,
    pub hour_button: &'static str,
    pub tomorrow_button: &'static str,
    pub digest_heading: &'static str,
}

pub static EN: ReminderTexts = ReminderTexts {
    reminder: "Reminder:",
    due: "Due:",
    remind_again: "I'll remind you again on",
    snoozed_until: "Snoozed until",
    already_done: "The task is already done",
    done_button: "✅ Done",
    hour_button: "💤 1 h",
    tomorrow_button: "🌅 Tomorrow",
    digest_heading: "☀️ Your day",
};

pub static RU: ReminderTexts = ReminderTexts {
    reminder: "Напоминание:",
    due: "Срок:",
    remind_again: "Напомню снова",
    snoozed_until: "Отложено до",
    already_done: "Задача уже выполнена",
    done_button: "✅ Готово",
    hour_button: "💤 1 ч",
    tomorrow_button: "🌅 Завтра",
    digest_heading: "☀️ Ваш день",
};
