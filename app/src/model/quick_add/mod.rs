//! Quick add: one line of text ("купить молоко завтра в 9 #дом !high") made into a new task, the
//! same for the bot's `/add` and `POST /api/v1/tasks/quick`.
//!
//! Rules:
//! - `#tag` adds a tag, `@category` sets the category (the last one wins), `!high` / `!low` /
//!   `!medium` (also `!normal`, `!важно`, `!срочно`, `!низкий`, …) sets the priority. Trailing
//!   punctuation is not part of them; a sigil alone, or `!` before an unknown word, is text.
//! - Dates, in Russian and English: `сегодня`/`today`, `завтра`/`tomorrow`,
//!   `послезавтра`/`day after tomorrow`; a weekday (`в пятницу`, `во вторник`, `к понедельнику`,
//!   `on friday`, `friday`; short forms such as `пт`/`fri` only after a preposition) is the first
//!   such day after today, and `next friday` / `в следующую пятницу` is the one of next week
//!   (weeks start on Monday), as `next week` / `на следующей неделе` is its Monday; `25.12`,
//!   `25.12.2027`, `25.12.27`, `2027-12-25`, `25 декабря`, `dec 25th`, `december 25 2027`;
//!   `25/12` is day/month for Russian speakers and month/day for English ones. A date without a
//!   year is the next one that is not past.
//! - Times: `18:30`, `9am`, `9:30 pm`, `9 утра`, `9 вечера`, `2 ночи`; a bare hour only after a
//!   preposition (`в 9`, `at 9`, `к 18`, and `в 18.30`), where it is a 24-hour time (`в 9` is
//!   09:00; `в 3 дня` is 15:00). Words: `утром`/`morning` 09:00, `в полдень`/`noon` 12:00,
//!   `днём`/`afternoon` 14:00, `вечером`/`evening`/`tonight` 19:00, `ночью`/`night` 23:00 (the
//!   English words only after a date, as in `tomorrow morning`, or as `in the evening`,
//!   `this evening`).
//! - Relative: `через 2 часа`, `через 30 минут`, `через полчаса`, `in 2 hours`, `in 2h` are that
//!   exact moment from now; `через 3 дня`, `через неделю`, `in 2 weeks` are a date.
//! - A date without a time is due at 09:00 that day, or at 23:59 when that is today and 09:00 has
//!   passed. A time without a date is today, or tomorrow when that time has passed.
//! - Dates and times are wall-clock times in the user's time zone, resolved as every local time
//!   is ([`When::resolve`]): a time skipped by a DST jump moves forward by the jump, and a time
//!   that happens twice is the earlier one.
//! - Each of date, time and relative moment is read once; a second one stays in the title. What
//!   is left, in its words as written, is the title, checked like any title; when nothing is left
//!   the error is [`FieldError::NoTitle`].

mod default_day;
mod scan;
mod words;

pub use default_day::DefaultDay;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{FieldError, FieldErrors, NewTask, NewTaskInput, Priority, When};
use crate::i18n::Lang;

/// `POST /api/v1/tasks/quick`: the line to understand.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuickAddInput {
    pub text: String,
}

/// What a quick-add line was understood as (a dry run's answer, the bot's confirmation).
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Understood {
    pub title: String,
    #[serde(with = "super::rfc3339::option")]
    pub date_time: Option<DateTime<Utc>>,
    pub priority: Priority,
    pub category: Option<String>,
    pub tags: Vec<String>,
}

impl Understood {
    pub fn of(task: &NewTask, zone: Tz) -> Understood {
        Understood {
            title: task.title.as_str().to_owned(),
            date_time: task.date_time.map(|when| when.resolve(zone)),
            priority: task.priority,
            category: task.category.as_ref().map(|c| c.as_str().to_owned()),
            tags: task.tags.as_slice().to_vec(),
        }
    }
}

fn hm(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time")
}

/// The longest quick-add line: a whole title with room for its date, tags and category.
pub const QUICK_ADD_MAX: usize = 1000;

/// The parts of a line to keep as words of the title instead of reading them: what the user
/// asked for by removing a chip in the app ("встреча в пятницу" is then a title, not a date).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Literal {
    /// Dates, times and relative moments.
    pub due: bool,
    pub tags: bool,
    pub priority: bool,
    pub category: bool,
}

impl Literal {
    /// From the names of the parts, comma-separated (`due,tags`); unknown names are ignored.
    pub fn parse(names: &str) -> Literal {
        let mut literal = Literal::default();
        for name in names.split(',').map(str::trim) {
            match name {
                "due" => literal.due = true,
                "tags" => literal.tags = true,
                "priority" => literal.priority = true,
                "category" => literal.category = true,
                _ => {}
            }
        }
        literal
    }
}

/// How a line is read besides its words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The day a line without a date is due on (a time alone is then that time on that day).
    pub default_day: Option<DefaultDay>,
    pub literal: Literal,
}

/// What a line says, before it is checked as a task: the app shows it as chips while the line is
/// typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub title: String,
    pub due: Option<DateTime<Utc>>,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    pub tags: Vec<String>,
}

/// Reads `text` as the user in `zone`, speaking `lang`, would mean it at `now`; the result has
/// passed the same checks as any new task.
pub fn parse_quick_add(
    text: &str,
    now: DateTime<Utc>,
    zone: Tz,
    lang: Lang,
) -> Result<NewTask, FieldErrors> {
    parse_quick_add_on(text, now, zone, lang, ReadOptions::default())
}

/// [`parse_quick_add`], read with `options`.
pub fn parse_quick_add_on(
    text: &str,
    now: DateTime<Utc>,
    zone: Tz,
    lang: Lang,
    options: ReadOptions,
) -> Result<NewTask, FieldErrors> {
    let reading = read_quick_add(text, now, zone, lang, options)?;
    let input = NewTaskInput {
        title: Some(reading.title.clone()),
        date_time: reading.due.map(|at| super::rfc3339::format(&at)),
        priority: reading.priority.map(|p| p.as_str().to_owned()),
        category: reading.category,
        tags: Some(reading.tags),
        ..Default::default()
    };
    let parsed = NewTask::parse(input);
    if !reading.title.is_empty() {
        return parsed;
    }
    let mut errors = FieldErrors::single("title", FieldError::NoTitle);
    if let Err(others) = parsed {
        for (field, error) in others.iter() {
            errors.add(field, error.clone());
        }
    }
    Err(errors)
}

/// What `text` says, unchecked but for its length.
pub fn read_quick_add(
    text: &str,
    now: DateTime<Utc>,
    zone: Tz,
    lang: Lang,
    options: ReadOptions,
) -> Result<Reading, FieldErrors> {
    if text.chars().count() > QUICK_ADD_MAX {
        return Err(FieldErrors::single(
            "text",
            FieldError::TooLong { max: QUICK_ADD_MAX },
        ));
    }
    let local_now = now.with_timezone(&zone).naive_local();
    let context = scan::Context {
        today: local_now.date(),
        now,
        day_first_slash: lang == Lang::Ru,
        literal: options.literal,
    };
    let mut found = scan::scan(text, &context);
    if found.instant.is_none() && found.date.is_none() {
        found.date = options.default_day.and_then(|day| day.date(context.today));
    }
    let due = match (found.instant, found.date, found.time) {
        (Some(at), _, _) => Some(at),
        (None, date, time) => {
            local_due(date, time, local_now).map(|l| When::Local(l).resolve(zone))
        }
    };
    let title = found
        .title
        .join(" ")
        .trim_matches([',', ';', ':', '-', '—', ' '])
        .to_owned();
    Ok(Reading {
        title,
        due,
        priority: found.priority,
        category: found.category,
        tags: found.tags,
    })
}

/// The local due moment of a date and a time, either of which may be missing.
fn local_due(
    date: Option<chrono::NaiveDate>,
    time: Option<NaiveTime>,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    match (date, time) {
        (Some(date), Some(time)) => Some(date.and_time(time)),
        (Some(date), None) => {
            let morning = date.and_time(hm(9, 0));
            if date == now.date() && morning <= now {
                Some(date.and_time(hm(23, 59)))
            } else {
                Some(morning)
            }
        }
        (None, Some(time)) => {
            let today = now.date().and_time(time);
            Some(if today > now {
                today
            } else {
                today + Duration::days(1)
            })
        }
        (None, None) => None,
    }
}
