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

use app::i18n::{Lang, Translated};

pub struct Texts {
    pub chat: &'static ChatTexts,
    pub settings: &'static SettingsTexts,
    pub reminders: &'static ReminderTexts,
}

static EN: Texts = Texts {
    chat: &chat::EN,
    settings: &settings::EN,
    reminders: &reminders::EN,
};

static RU: Texts = Texts {
    chat: &chat::RU,
    settings: &settings::RU,
    reminders: &reminders::RU,
};

pub fn texts(lang: Lang) -> &'static Texts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
