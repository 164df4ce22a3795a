//! Every string the pages show, in Russian and English: a struct of texts per screen (and one
//! for what screens share), with a `static` of it per language, so that a string missing in one
//! language does not compile. `texts(lang)` hands out a language's parts together.

mod account;
mod calendar;
mod common;
mod settings;
mod stats;
mod tasks;

pub use account::AccountTexts;
pub use calendar::CalendarTexts;
pub use common::CommonTexts;
pub use settings::SettingsTexts;
pub use stats::StatsTexts;
pub use tasks::TaskTexts;

use crate::i18n::{Lang, Translated};

pub struct Texts {
    pub common: &'static CommonTexts,
    pub tasks: &'static TaskTexts,
    pub calendar: &'static CalendarTexts,
    pub stats: &'static StatsTexts,
    pub settings: &'static SettingsTexts,
    pub account: &'static AccountTexts,
}

static EN: Texts = Texts {
    common: &common::EN,
    tasks: &tasks::EN,
    calendar: &calendar::EN,
    stats: &stats::EN,
    settings: &settings::EN,
    account: &account::EN,
};

static RU: Texts = Texts {
    common: &common::RU,
    tasks: &tasks::RU,
    calendar: &calendar::RU,
    stats: &stats::RU,
    settings: &settings::RU,
    account: &account::RU,
};

pub fn texts(lang: Lang) -> &'static Texts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
