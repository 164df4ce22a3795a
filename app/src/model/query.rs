use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Category, FieldError, FieldErrors, Priority, TagList};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// The user's manual order, newest first among equals.
    #[default]
    Position,
    /// Soonest due first, undated last.
    Date,
    /// High, normal, low.
    Priority,
    /// Alphabetical, ignoring case.
    Title,
    /// Newest first.
    Created,
}

impl SortBy {
    pub fn parse(value: &str) -> Result<SortBy, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "position" => Ok(SortBy::Position),
            "date" | "date_time" => Ok(SortBy::Date),
            "priority" => Ok(SortBy::Priority),
            "title" => Ok(SortBy::Title),
            "created" | "created_at" => Ok(SortBy::Created),
            _ => Err(FieldError::InvalidSort),
        }
    }
}

/// Which due dates a list keeps, in the user's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueFilter {
    /// Due before now.
    Overdue,
    /// Due within the user's today.
    Today,
    /// Due before the end of the user's today, overdue included.
    ByToday,
    /// Due after the user's today.
    Upcoming,
    /// Without a due date.
    None,
    /// Due on that local day.
    On(NaiveDate),
}

impl DueFilter {
    pub fn parse(value: &str) -> Result<DueFilter, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "overdue" => Ok(DueFilter::Overdue),
            "today" => Ok(DueFilter::Today),
            "by_today" => Ok(DueFilter::ByToday),
            "upcoming" => Ok(DueFilter::Upcoming),
            "none" => Ok(DueFilter::None),
            day => NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map(DueFilter::On)
                .map_err(|_| FieldError::InvalidDueFilter),
        }
    }

    /// Whether the tasks it keeps change as time passes, without any task changing.
    pub fn moves_with_time(self) -> bool {
        !matches!(self, DueFilter::None | DueFilter::On(_))
    }
}

/// The list's query string as sent; every value is text until checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskQueryInput {
    pub skip: Option<String>,
    pub limit: Option<String>,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub search: Option<String>,
    pub category: Option<String>,
    pub tag: Option<String>,
    pub due: Option<String>,
    pub sort_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskQuery {
    pub skip: u64,
    pub limit: u64,
    pub status: Option<bool>,
    pub priority: Option<Priority>,
    /// Lower-cased, trimmed; matched as a substring of title or description.
    pub search: Option<String>,
    pub category: Option<String>,
    /// Compared by `TagList::key`.
    pub tag: Option<String>,
    pub due: Option<DueFilter>,
    pub sort_by: SortBy,
}

impl Default for TaskQuery {
    fn default() -> Self {
        TaskQuery {
            skip: 0,
            limit: TaskQuery::DEFAULT_LIMIT,
            status: None,
            priority: None,
            search: None,
            category: None,
            tag: None,
            due: None,
            sort_by: SortBy::Position,
        }
    }
}

fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn parse_number(value: &str, min: u64, max: u64) -> Result<u64, FieldError> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(FieldError::OutOfRange {
            min: min as i64,
            max: max as i64,
        })
}

fn parse_bool(value: &str) -> Result<bool, FieldError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(FieldError::InvalidBoolean),
    }
}

impl TaskQuery {
    pub const DEFAULT_LIMIT: u64 = 100;
    pub const MAX_LIMIT: u64 = 500;
    pub const MAX_SKIP: u64 = i32::MAX as u64;
    pub const MAX_SEARCH: usize = 200;

    /// A search as lists match it: lower-cased, at most `MAX_SEARCH` characters.
    pub fn parse_search(text: &str) -> Result<String, FieldError> {
        let search = text.trim().to_lowercase();
        if search.chars().count() > Self::MAX_SEARCH {
            return Err(FieldError::TooLong {
                max: Self::MAX_SEARCH,
            });
        }
        Ok(search)
    }

    pub fn parse(input: TaskQueryInput) -> Result<TaskQuery, FieldErrors> {
        let mut e = FieldErrors::new();
        let defaults = TaskQuery::default();
        let skip = non_blank(input.skip.as_deref())
            .and_then(|v| e.check("skip", parse_number(v, 0, Self::MAX_SKIP)))
            .unwrap_or(defaults.skip);
        let limit = non_blank(input.limit.as_deref())
            .and_then(|v| e.check("limit", parse_number(v, 1, Self::MAX_LIMIT)))
            .unwrap_or(defaults.limit);
        let status =
            non_blank(input.status.as_deref()).and_then(|v| e.check("status", parse_bool(v)));
        let priority = non_blank(input.priority.as_deref())
            .and_then(|v| e.check("priority", Priority::parse(v)));
        let search = non_blank(input.search.as_deref())
            .and_then(|v| e.check("search", Self::parse_search(v)));
        let category = non_blank(input.category.as_deref())
            .and_then(|v| e.check("category", Category::parse(v)).flatten())
            .map(|c| c.as_str().to_owned());
        let tag = non_blank(input.tag.as_deref())
            .and_then(|v| e.check("tag", TagList::parse(&[v])))
            .map(|tags| TagList::key(&tags.as_slice()[0]));
        let due = non_blank(input.due.as_deref()).and_then(|v| e.check("due", DueFilter::parse(v)));
        let sort_by = non_blank(input.sort_by.as_deref())
            .and_then(|v| e.check("sort_by", SortBy::parse(v)))
            .unwrap_or_default();
        e.finish(|| TaskQuery {
            skip,
            limit,
            status,
            priority,
            search,
            category,
            tag,
            due,
            sort_by,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(pairs: &[(&str, &str)]) -> TaskQueryInput {
        let mut q = TaskQueryInput::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "skip" => q.skip = v,
                "limit" => q.limit = v,
                "status" => q.status = v,
                "priority" => q.priority = v,
                "search" => q.search = v,
                "category" => q.category = v,
                "tag" => q.tag = v,
                "due" => q.due = v,
                "sort_by" => q.sort_by = v,
                _ => unreachable!(),
            }
        }
        q
    }

    #[test]
    fn defaults_and_normalisation() {
        assert_eq!(
            TaskQuery::parse(TaskQueryInput::default()).unwrap(),
            TaskQuery::default()
        );
        let q = TaskQuery::parse(input(&[
            ("search", " КУПИТЬ "),
            ("tag", "Дом"),
            ("status", "true"),
            ("sort_by", "date"),
        ]))
        .unwrap();
        assert_eq!(q.search.as_deref(), Some("купить"));
        assert_eq!(q.tag.as_deref(), Some("дом"));
        assert_eq!(q.status, Some(true));
        assert_eq!(q.sort_by, SortBy::Date);
    }

    #[test]
    fn due_filters() {
        let due = |v: &str| TaskQuery::parse(input(&[("due", v)])).map(|q| q.due);
        assert_eq!(due(" Today "), Ok(Some(DueFilter::Today)));
        assert_eq!(due("by_today"), Ok(Some(DueFilter::ByToday)));
        assert_eq!(
            due("2026-11-25"),
            Ok(Some(DueFilter::On(
                NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
            )))
        );
        assert!(due("tomorrow").is_err());
        assert!(DueFilter::Overdue.moves_with_time());
        assert!(!DueFilter::None.moves_with_time());
    }

    #[test]
    fn bad_values_are_reported_per_field() {
        let errors = TaskQuery::parse(input(&[
            ("skip", "-1"),
            ("limit", "501"),
            ("status", "maybe"),
            ("priority", "x"),
            ("sort_by", "random"),
            ("due", "2026-02-30"),
        ]))
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            ["due", "limit", "priority", "skip", "sort_by", "status"]
        );
        assert!(TaskQuery::parse(input(&[("limit", "0")])).is_err());
        assert!(TaskQuery::parse(input(&[("limit", "abc")])).is_err());
    }
}
