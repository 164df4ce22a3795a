//! The quick add: one line read by the bot's parser (the tasks screen's here, the calendar's in
//! `calendar.rs`), and what the line says so far, shown as chips while it is typed.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, Changed, TmaClient};

/// The tasks screen's quick add: the line is read as the bot's `/add` and
/// `POST /api/v1/tasks/quick` read it (dates, times, `#tags`, `!priority`, `@category`); added
/// from the Today or Upcoming list (`view`), a line without a date is due on that list's day.
/// `key` names this submission: the same key again (Enter and a tap, a form sent twice) answers
/// the task the first one created. `literal`: the parts to keep as words (`due,tags`: chips the
/// user removed). `screen`: the tasks screen's query string, whose list the answer carries.
#[server(endpoint = "tasks/quick", client = TmaClient, output = super::JsonText)]
pub async fn quick_add_task(
    text: String,
    view: Option<String>,
    key: Option<String>,
    literal: Option<String>,
    screen: Option<String>,
) -> Result<Changed, AppError> {
    let (state, user) = signed_in().await?;
    let now = crate::server::clock::now();
    let options = read_options(list_day(view.as_deref()), literal.as_deref());
    let task = add_line(&state, &user, &text, options, key, now).await?;
    super::tasks::changed(&state, &user, task, screen).await
}

/// What a line says so far, as the quick add's chips show it (`app/src/ui/quick_add_chips.js`
/// draws them): each part read, in the user's words and language, and the label of the button
/// that keeps a part as words of the title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineChips {
    pub chips: Vec<LineChip>,
    /// "Keep as words".
    pub keep: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineChip {
    /// `due`, `tags`, `priority` or `category`: what `literal` names to keep it as words.
    pub part: String,
    /// "Tomorrow, 09:00", "#дом #дача", "High", "@работа".
    pub text: String,
}

/// The chips of a line typed in the `view` list, or on the calendar's chosen `day`
/// ([`super::quick_add_on_day`]), with the `literal` parts kept as words.
#[server(endpoint = "tasks/quick/chips", client = TmaClient, output = super::JsonText)]
pub async fn quick_add_chips(
    text: String,
    view: Option<String>,
    day: Option<String>,
    literal: Option<String>,
) -> Result<LineChips, AppError> {
    let (_, user) = signed_in().await?;
    let now = crate::server::clock::now();
    let default_day = match day {
        Some(day) => Some(chosen_day(&day)?),
        None => list_day(view.as_deref()),
    };
    let options = read_options(default_day, literal.as_deref());
    let reading = crate::model::read_quick_add(&text, now, user.time_zone, user.language, options)?;
    let zone = user.time_zone;
    let t = crate::i18n::lists::texts(user.language);
    let due = reading.due.map(|at| {
        let today = now.with_timezone(&zone).date_naive();
        t.due(at.with_timezone(&zone).naive_local(), today)
    });
    let tags = (!reading.tags.is_empty()).then(|| {
        let tags: Vec<String> = reading.tags.iter().map(|tag| format!("#{tag}")).collect();
        tags.join(" ")
    });
    let parts = [
        ("due", due),
        ("tags", tags),
        (
            "priority",
            reading
                .priority
                .map(|p| t.priorities[p.rank() as usize].to_owned()),
        ),
        ("category", reading.category.map(|c| format!("@{c}"))),
    ];
    let chips = parts
        .into_iter()
        .filter_map(|(part, text)| {
            text.map(|text| LineChip {
                part: part.to_owned(),
                text,
            })
        })
        .collect();
    Ok(LineChips {
        chips,
        keep: t.keep_as_words.to_owned(),
    })
}

/// The day of the Today or Upcoming list (`view`), which a line without a date is due on.
#[cfg(feature = "ssr")]
fn list_day(view: Option<&str>) -> Option<crate::model::DefaultDay> {
    use crate::model::DefaultDay;
    match view {
        Some("today") => Some(DefaultDay::Today),
        Some("upcoming") => Some(DefaultDay::Tomorrow),
        _ => None,
    }
}

/// The calendar's chosen day as its form sends it (the `day` field).
#[cfg(feature = "ssr")]
pub(super) fn chosen_day(day: &str) -> Result<crate::model::DefaultDay, crate::model::FieldErrors> {
    use crate::model::{DefaultDay, FieldErrors};
    DefaultDay::parse_chosen(day).map_err(|error| FieldErrors::single("day", error))
}

/// How a line is read: a line without a date is due on `default_day`; `literal` names the parts
/// kept as words.
#[cfg(feature = "ssr")]
pub(super) fn read_options(
    default_day: Option<crate::model::DefaultDay>,
    literal: Option<&str>,
) -> crate::model::ReadOptions {
    use crate::model::{Literal, ReadOptions};
    ReadOptions {
        default_day,
        literal: literal.map(Literal::parse).unwrap_or_default(),
    }
}

/// Creates the task a line says, read with `options`; `key` names the submission, so that the
/// same key again answers the task the first one created.
#[cfg(feature = "ssr")]
pub(super) async fn add_line(
    state: &crate::server::AppState,
    user: &crate::server::CurrentUser,
    text: &str,
    options: crate::model::ReadOptions,
    key: Option<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<crate::model::Task, AppError> {
    use crate::model::{FieldErrors, IdempotencyKey, parse_quick_add_on};
    let key = key
        .filter(|key| !key.is_empty())
        .map(|key| IdempotencyKey::parse(&key))
        .transpose()
        .map_err(|error| FieldErrors::single("key", error))?;
    let new = parse_quick_add_on(text, now, user.time_zone, user.language, options)?;
    Ok(crate::server::tasks::create_task_once(&state.db, user, new, key.as_ref()).await?)
}
