//! Every string the bot says, in Russian and English: a struct of texts per subject, with a
//! `static` of it per language, so that a string missing in one language does not compile.
//! `texts(lang)` hands out a language's parts together; `texts.rs`, `settings_texts.rs` and
//! `reminder_texts.rs` put them together with a task's or a profile's data.

mod chat;
mod reminders;
mod settings;

pub use chat::ChatTexts;
pub use reminders::ReminderTexts;
pub use settings::SettingsTexts;

app::door_texts! {
    chat: ChatTexts,
    settings: SettingsTexts,
    reminders: ReminderTexts,
}
