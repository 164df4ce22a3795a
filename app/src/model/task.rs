use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::present;
use super::{Category, Description, FieldError, FieldErrors, Priority, TagList, Title, When};

pub type TaskId = i64;

/// A task as every door shows it.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    #[cfg_attr(feature = "ssr", schema(value_type = i64))]
    pub id: TaskId,
    pub title: String,
    pub description: Option<String>,
    #[serde(with = "super::rfc3339::option")]
    pub date_time: Option<DateTime<Utc>>,
    #[serde(with = "super::rfc3339::option")]
    pub remind_at: Option<DateTime<Utc>>,
    pub priority: Priority,
    pub status: bool,
    #[serde(with = "super::rfc3339::option")]
    pub completed_at: Option<DateTime<Utc>>,
    pub position: i32,
    pub category: Option<String>,
    pub tags: Vec<String>,
    #[serde(with = "super::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "super::rfc3339")]
    pub updated_at: DateTime<Utc>,
}

/// A new task as sent, before its rules are checked: every field error is reported at once.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewTaskInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub date_time: Option<String>,
    pub remind_at: Option<String>,
    pub priority: Option<String>,
    pub status: Option<bool>,
    pub position: Option<i64>,
    pub category: Option<String>,
    pub tags: Option<Vec<String>>,
}

/// A new task whose every field follows the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTask {
    pub title: Title,
    pub description: Option<Description>,
    pub date_time: Option<When>,
    pub remind_at: Option<When>,
    pub priority: Priority,
    pub status: bool,
    pub position: Option<i32>,
    pub category: Option<Category>,
    pub tags: TagList,
}

fn parse_position(value: i64) -> Result<i32, FieldError> {
    i32::try_from(value)
        .ok()
        .filter(|p| *p >= 0)
        .ok_or(FieldError::OutOfRange {
            min: 0,
            max: i32::MAX as i64,
        })
}

fn parse_when(value: Option<&str>) -> Result<Option<When>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => When::parse(text).map(Some),
    }
}

impl NewTask {
    pub fn parse(input: NewTaskInput) -> Result<NewTask, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", Title::parse(input.title.as_deref().unwrap_or("")));
        let description = errors.check(
            "description",
            input
                .description
                .as_deref()
                .map_or(Ok(None), Description::parse),
        );
        let date_time = errors.check("date_time", parse_when(input.date_time.as_deref()));
        let remind_at = errors.check("remind_at", parse_when(input.remind_at.as_deref()));
        let priority = errors.check(
            "priority",
            input
                .priority
                .as_deref()
                .map_or(Ok(Priority::default()), Priority::parse),
        );
        let position = errors.check("position", input.position.map(parse_position).transpose());
        let category = errors.check(
            "category",
            input.category.as_deref().map_or(Ok(None), Category::parse),
        );
        let tags = errors.check("tags", TagList::parse(input.tags.as_deref().unwrap_or(&[])));
        errors.finish(|| NewTask {
            title: title.expect("checked"),
            description: description.expect("checked"),
            date_time: date_time.expect("checked"),
            remind_at: remind_at.expect("checked"),
            priority: priority.expect("checked"),
            status: input.status.unwrap_or(false),
            position: position.expect("checked"),
            category: category.expect("checked"),
            tags: tags.expect("checked"),
        })
    }
}

/// A partial update as sent: only the fields present change; `null` clears an optional field.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskPatchInput {
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub title: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_time: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub remind_at: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub priority: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<Option<bool>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub position: Option<Option<i64>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub category: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub tags: Option<Option<Vec<String>>>,
}

/// A checked partial update. `Some(None)` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskPatch {
    pub title: Option<Title>,
    pub description: Option<Option<Description>>,
    pub date_time: Option<Option<When>>,
    pub remind_at: Option<Option<When>>,
    pub priority: Option<Priority>,
    pub status: Option<bool>,
    pub position: Option<i32>,
    pub category: Option<Option<Category>>,
    pub tags: Option<TagList>,
}

impl TaskPatch {
    pub fn parse(input: TaskPatchInput) -> Result<TaskPatch, FieldErrors> {
        let mut e = FieldErrors::new();
        let patch = TaskPatch {
            title: input.title.and_then(|v| {
                e.check(
                    "title",
                    v.ok_or(FieldError::Required).and_then(|t| Title::parse(&t)),
                )
            }),
            description: input.description.and_then(|v| {
                e.check(
                    "description",
                    v.as_deref().map_or(Ok(None), Description::parse),
                )
            }),
            date_time: input
                .date_time
                .and_then(|v| e.check("date_time", parse_when(v.as_deref()))),
            remind_at: input
                .remind_at
                .and_then(|v| e.check("remind_at", parse_when(v.as_deref()))),
            priority: input.priority.and_then(|v| {
                e.check(
                    "priority",
                    v.ok_or(FieldError::InvalidPriority)
                        .and_then(|p| Priority::parse(&p)),
                )
            }),
            status: input
                .status
                .and_then(|v| e.check("status", v.ok_or(FieldError::InvalidBoolean))),
            position: input.position.and_then(|v| {
                e.check(
                    "position",
                    v.ok_or(FieldError::OutOfRange {
                        min: 0,
                        max: i32::MAX as i64,
                    })
                    .and_then(parse_position),
                )
            }),
            category: input
                .category
                .and_then(|v| e.check("category", v.as_deref().map_or(Ok(None), Category::parse))),
            tags: input
                .tags
                .and_then(|v| e.check("tags", TagList::parse(v.as_deref().unwrap_or(&[])))),
        };
        e.finish(|| patch)
    }

    pub fn is_empty(&self) -> bool {
        *self == TaskPatch::default()
    }
}

/// `POST /tasks/reorder`: the ids in their new order.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReorderInput {
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<i64>))]
    pub ids: Vec<TaskId>,
}

impl ReorderInput {
    pub const MAX_IDS: usize = 10_000;

    pub fn parse(self) -> Result<Vec<TaskId>, FieldErrors> {
        if self.ids.len() > Self::MAX_IDS {
            return Err(FieldErrors::single(
                "ids",
                FieldError::TooLong { max: Self::MAX_IDS },
            ));
        }
        let mut seen = std::collections::HashSet::with_capacity(self.ids.len());
        if self.ids.iter().all(|id| seen.insert(*id)) {
            Ok(self.ids)
        } else {
            Err(FieldErrors::single("ids", FieldError::DuplicateIds))
        }
    }
}

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityCounts {
    pub low: u64,
    pub normal: u64,
    pub high: u64,
}

/// The user's numbers; "today" and "overdue" are in the user's time zone.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub total: u64,
    pub done: u64,
    pub active: u64,
    /// Done as a percentage of all tasks, 0–100 with one decimal.
    pub completion_rate: f64,
    /// Active tasks whose due moment has passed.
    pub overdue: u64,
    /// Active tasks due between the start and the end of the user's today.
    pub due_today: u64,
    /// Active tasks by priority.
    pub by_priority: PriorityCounts,
    /// Tasks completed on each of the user's last 14 days, oldest first, today last.
    pub completed_by_day: Vec<DayCount>,
}

/// How many tasks one local day has.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub count: u64,
}

/// One day of a calendar month: its tasks by state. Days without tasks are left out.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub total: u64,
    pub done: u64,
    /// Not done, and their due moment has passed.
    pub overdue: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patch(json: &str) -> Result<TaskPatch, FieldErrors> {
        TaskPatch::parse(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn new_task_reports_every_bad_field_at_once() {
        let input = NewTaskInput {
            title: Some("  ".into()),
            priority: Some("urgent".into()),
            date_time: Some("soon".into()),
            position: Some(-1),
            tags: Some(vec!["".into()]),
            ..Default::default()
        };
        let errors = NewTask::parse(input).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            ["date_time", "position", "priority", "tags", "title"]
        );
    }

    #[test]
    fn new_task_defaults() {
        let task = NewTask::parse(NewTaskInput {
            title: Some("x".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(task.priority, Priority::Normal);
        assert!(!task.status);
        assert_eq!(task.tags, TagList::default());
    }

    #[test]
    fn patch_tells_absent_from_null() {
        assert!(patch("{}").unwrap().is_empty());
        let p = patch(r#"{"description": null, "category": "Дом"}"#).unwrap();
        assert_eq!(p.description, Some(None));
        assert_eq!(p.category.unwrap().unwrap().as_str(), "Дом");
        assert_eq!(p.title, None);
        let errors = patch(r#"{"title": null, "status": null, "priority": null}"#).unwrap_err();
        assert_eq!(errors.get("title"), Some(&FieldError::Required));
        assert_eq!(errors.get("status"), Some(&FieldError::InvalidBoolean));
        assert_eq!(errors.get("priority"), Some(&FieldError::InvalidPriority));
    }

    #[test]
    fn reorder_refuses_duplicates() {
        assert_eq!(
            ReorderInput { ids: vec![3, 1, 2] }.parse().unwrap(),
            [3, 1, 2]
        );
        assert!(ReorderInput { ids: vec![1, 1] }.parse().is_err());
    }
}
