//! Dates and numbers as the pages write them.

use chrono::{Datelike, NaiveDate};

use super::i18n::Texts;
use crate::model::{Month, Priority};

pub fn day_and_month(t: &Texts, day: NaiveDate) -> String {
    format!(
        "{} {}",
        day.day(),
        t.common.months_short[day.month0() as usize]
    )
}

/// "November 2026".
pub fn month_title(t: &Texts, month: Month) -> String {
    format!(
        "{} {}",
        t.common.months[month.number() as usize - 1],
        month.year()
    )
}

pub fn priority(t: &Texts, priority: Priority) -> &'static str {
    match priority {
        Priority::Low => t.tasks.priority_low,
        Priority::Normal => t.tasks.priority_normal,
        Priority::High => t.tasks.priority_high,
    }
}

/// A reminder offset in minutes, shortly: "15 min", "2 h", "1 d".
pub fn offset(t: &Texts, minutes: i32) -> String {
    let [min, hours, days] = t.settings.offset_units;
    match minutes {
        0 => t.settings.at_due_time.to_owned(),
        m if m % 1440 == 0 => format!("{} {days}", m / 1440),
        m if m % 60 == 0 => format!("{} {hours}", m / 60),
        m => format!("{m} {min}"),
    }
}
