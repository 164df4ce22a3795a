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

crate::door_texts! {
    common: CommonTexts,
    tasks: TaskTexts,
    calendar: CalendarTexts,
    stats: StatsTexts,
    settings: SettingsTexts,
    account: AccountTexts,
}
