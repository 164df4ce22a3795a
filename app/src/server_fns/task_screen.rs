//! The tasks screen as the server answers it: the list its URL asks for (`view`, `q`, `priority`,
//! `category`, `tag`, `sort`), in the groups it shows, with the labels its filters offer. The
//! screen sends its URL's query string as it is, and every change made on it (a tick, a quick add,
//! "move to today") answers with the list again: one action is one request.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, Labels, TaskView, TmaClient};
use crate::model::TaskId;

/// The list of the tasks screen, grouped as it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskList {
    /// In order; empty when nothing matched.
    pub groups: Vec<TaskGroup>,
    /// How many tasks matched before paging (for other clients: the screen does not read it).
    #[serde(skip_deserializing)]
    pub total: u64,
    /// Whether the list is in the user's manual order, the one dragging a row changes.
    pub manual: bool,
    pub labels: Labels,
}

/// Tasks under one heading: the overdue ones in Today, one day of Upcoming, or a whole list
/// (no heading).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskGroup {
    pub heading: Option<String>,
    /// Due before today: offered to move to today in one tap.
    pub overdue: bool,
    pub tasks: Vec<TaskView>,
}

/// `screen`: the tasks screen's query string (`view=today&q=milk`).
#[server(endpoint = "tasks/list", client = TmaClient, output = super::JsonText)]
pub async fn list_tasks(screen: String) -> Result<TaskList, AppError> {
    let (state, user) = signed_in().await?;
    screen_list(&state, &user, &screen).await
}

/// Moves the listed overdue tasks to today (their time of day kept while it is still ahead, else
/// the end of today), and answers the screen's list.
#[server(endpoint = "tasks/move-to-today", client = TmaClient, output = super::JsonText)]
pub async fn move_to_today(ids: Vec<TaskId>, screen: String) -> Result<TaskList, AppError> {
    let (state, user) = signed_in().await?;
    let ids = crate::model::ReorderInput { ids }.parse()?;
    let now = crate::server::clock::now();
    crate::server::tasks::move_overdue_to_today(&state.db, &user, &ids, now).await?;
    screen_list(&state, &user, &screen).await
}

/// Which list of the screen a query string asks for.
#[cfg(feature = "ssr")]
#[derive(Debug, Default, PartialEq)]
struct Screen {
    view: String,
    query: crate::model::TaskQueryInput,
}

#[cfg(feature = "ssr")]
impl Screen {
    /// The most a screen shows; a longer list is cut there (and says how many matched).
    const LIMIT: &str = "500";

    fn parse(screen: &str) -> Screen {
        let mut parsed = Screen::default();
        let query = &mut parsed.query;
        for (key, value) in form_urlencoded::parse(screen.trim_start_matches('?').as_bytes()) {
            let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
            match key.as_ref() {
                "view" => parsed.view = value.unwrap_or_default(),
                "q" => query.search = value,
                "priority" => query.priority = value,
                "category" => query.category = value,
                "tag" => query.tag = value,
                "sort" => query.sort_by = value,
                _ => {}
            }
        }
        let (status, due) = match parsed.view.as_str() {
            "today" => (Some("false"), Some("by_today")),
            "upcoming" => (Some("false"), Some("upcoming")),
            "done" => (Some("true"), None),
            _ => (None, None),
        };
        query.status = status.map(str::to_owned);
        query.due = due.map(str::to_owned);
        query.limit = Some(Screen::LIMIT.to_owned());
        if parsed.by_day() {
            parsed.query.sort_by = Some("date".to_owned());
        }
        parsed
    }

    /// Upcoming is a list of days unless another order than the manual one is chosen.
    fn by_day(&self) -> bool {
        self.view == "upcoming"
            && matches!(
                self.query.sort_by.as_deref(),
                None | Some("position" | "date")
            )
    }
}

/// The screen's list for `screen` (its query string), with the user's labels.
#[cfg(feature = "ssr")]
pub(super) async fn screen_list(
    state: &crate::server::AppState,
    user: &crate::server::CurrentUser,
    screen: &str,
) -> Result<TaskList, AppError> {
    use crate::model::{SortBy, TaskQuery};
    use crate::server::task_list::{list_categories, list_tags, list_tasks};
    let screen = Screen::parse(screen);
    let query = TaskQuery::parse(screen.query.clone())?;
    let now = crate::server::clock::now();
    let (page, categories, tags) = tokio::try_join!(
        list_tasks(&state.db, user, &query, now),
        list_categories(&state.db, user),
        list_tags(&state.db, user),
    )?;
    let views = page
        .tasks
        .into_iter()
        .map(|task| super::tasks::view(task, user, now));
    let groups = match screen.view.as_str() {
        "today" => overdue_first(views.collect(), user.language),
        _ if screen.by_day() => by_day(views, user, now),
        _ => whole(views.collect()),
    };
    Ok(TaskList {
        groups,
        total: page.total,
        manual: query.sort_by == SortBy::Position && !screen.by_day(),
        labels: Labels { categories, tags },
    })
}

#[cfg(feature = "ssr")]
fn whole(tasks: Vec<TaskView>) -> Vec<TaskGroup> {
    let group = TaskGroup {
        heading: None,
        overdue: false,
        tasks,
    };
    (!group.tasks.is_empty())
        .then_some(group)
        .into_iter()
        .collect()
}

/// Today's list: what was due before today first, under "Overdue", then today's under "Today"
/// (no headings when nothing is overdue).
#[cfg(feature = "ssr")]
fn overdue_first(tasks: Vec<TaskView>, lang: crate::i18n::Lang) -> Vec<TaskGroup> {
    let (overdue, today): (Vec<_>, Vec<_>) = tasks
        .into_iter()
        .partition(|view| view.due.as_ref().is_some_and(|due| due.days_away < 0));
    if overdue.is_empty() {
        return whole(today);
    }
    let t = crate::i18n::lists::texts(lang);
    let mut groups = vec![TaskGroup {
        heading: Some(t.overdue.to_owned()),
        overdue: true,
        tasks: overdue,
    }];
    if !today.is_empty() {
        groups.push(TaskGroup {
            heading: Some(t.today.to_owned()),
            overdue: false,
            tasks: today,
        });
    }
    groups
}

/// A group per due day, under the day's name and date (each task then says only its time); the
/// tasks arrive sorted by date.
#[cfg(feature = "ssr")]
fn by_day(
    tasks: impl Iterator<Item = TaskView>,
    user: &crate::server::CurrentUser,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<TaskGroup> {
    let t = crate::i18n::lists::texts(user.language);
    let today = now.with_timezone(&user.time_zone).date_naive();
    let mut groups: Vec<(Option<chrono::NaiveDate>, TaskGroup)> = Vec::new();
    for mut view in tasks {
        let day = view.due.as_ref().map(|due| due.at.date());
        // Under its day's heading a task says only its time.
        if let Some(due) = view.due.as_mut() {
            due.label = due.time();
        }
        match groups.last_mut() {
            Some((last, group)) if *last == day => group.tasks.push(view),
            _ => groups.push((
                day,
                TaskGroup {
                    heading: day.map(|day| t.day_heading(day, today)),
                    overdue: false,
                    tasks: vec![view],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_screen_query_names_its_list() {
        let screen = Screen::parse("view=today&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE&tag=+&x=1");
        assert_eq!(screen.view, "today");
        assert_eq!(screen.query.status.as_deref(), Some("false"));
        assert_eq!(screen.query.due.as_deref(), Some("by_today"));
        assert_eq!(screen.query.search.as_deref(), Some("молоко"));
        assert_eq!(screen.query.tag, None, "a blank filter is no filter");
        assert_eq!(screen.query.limit.as_deref(), Some("500"));

        let upcoming = Screen::parse("?view=upcoming");
        assert!(upcoming.by_day());
        assert_eq!(upcoming.query.sort_by.as_deref(), Some("date"));
        let by_title = Screen::parse("view=upcoming&sort=title");
        assert!(!by_title.by_day(), "another order is not a list of days");
        assert_eq!(by_title.query.sort_by.as_deref(), Some("title"));

        let done = Screen::parse("view=done");
        assert_eq!(done.query.status.as_deref(), Some("true"));
        let all = Screen::parse("");
        assert_eq!((all.query.status, all.query.due), (None, None));
    }
}
