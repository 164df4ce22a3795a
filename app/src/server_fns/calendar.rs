//! The calendar screen: a month with the chosen day's tasks, and the quick add on that day.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, TaskView, TmaClient};
use crate::model::{CalendarDay, Month};

/// A month of the calendar, and the user's today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalendarMonth {
    pub month: Month,
    pub today: NaiveDate,
    pub days: Vec<CalendarDay>,
    /// The day whose tasks are listed: the one asked for when it is in this month, else today
    /// when today is.
    pub chosen: Option<NaiveDate>,
    /// The chosen day's tasks, by time.
    pub agenda: Vec<TaskView>,
}

/// `month` as `YYYY-MM` (empty for the user's current month) and the `day` to list
/// (`YYYY-MM-DD`). One call for the whole screen: a page that loaded the day's tasks in a second
/// call, after the first, would render differently on the server and in the browser.
#[server(endpoint = "calendar", client = TmaClient, output = super::JsonText)]
pub async fn load_calendar(month: String, day: Option<String>) -> Result<CalendarMonth, AppError> {
    let (state, user) = signed_in().await?;
    let now = crate::server::clock::now();
    let month = match month.trim() {
        "" => Month::of(now.with_timezone(&user.time_zone).date_naive()),
        text => Month::parse(text).map_err(|e| crate::model::FieldErrors::single("month", e))?,
    };
    let asked = day.and_then(|day| NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok());
    calendar(&state, &user, month, asked, now).await
}

/// The calendar's quick add: the line is read as the tasks screen's ([`super::quick_add_task`]),
/// and when it names no date it is due on `day`, the calendar's chosen day (`YYYY-MM-DD`; none
/// is today): a time alone is that time on that day. The answer is the month of `day` with `day`
/// chosen, so that the grid's counts and the agenda follow in the same request. `key` and
/// `literal` as in [`super::quick_add_task`].
#[server(endpoint = "calendar/quick", client = TmaClient, output = super::JsonText)]
pub async fn quick_add_on_day(
    text: String,
    day: Option<String>,
    key: Option<String>,
    literal: Option<String>,
) -> Result<CalendarMonth, AppError> {
    use super::quick_add::{add_line, chosen_day, read_options};
    let (state, user) = signed_in().await?;
    let now = crate::server::clock::now();
    let chosen = chosen_day(day.as_deref().unwrap_or_default())?;
    let options = read_options(Some(chosen), literal.as_deref());
    add_line(&state, &user, &text, options, key, now).await?;
    let today = now.with_timezone(&user.time_zone).date_naive();
    let day = chosen.date(today).unwrap_or(today);
    calendar(&state, &user, Month::of(day), Some(day), now).await
}

/// `month` with each day's count, and the tasks of its chosen day ([`chosen_day`]) from `asked`.
///
/// [`chosen_day`]: crate::server::calendar::chosen_day
#[cfg(feature = "ssr")]
async fn calendar(
    state: &crate::server::AppState,
    user: &crate::server::CurrentUser,
    month: Month,
    asked: Option<NaiveDate>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<CalendarMonth, AppError> {
    use crate::server::{calendar, task_list};
    let today = now.with_timezone(&user.time_zone).date_naive();
    let days = calendar::month_days(&state.db, user, month, now).await?;
    let chosen = calendar::chosen_day(month, asked, today);
    let agenda = match chosen {
        Some(day) => task_list::list_due_on(&state.db, user, day, now)
            .await?
            .tasks
            .into_iter()
            .map(|task| super::tasks::view(task, user, now))
            .collect(),
        None => Vec::new(),
    };
    Ok(CalendarMonth {
        month,
        today,
        days,
        chosen,
        agenda,
    })
}
