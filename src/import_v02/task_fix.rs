//! One v0.2 task made to follow today's rules (the model's own `parse`), with the smallest change
//! for each field it breaks, or refused when it has no owner.

use chrono::{DateTime, NaiveDateTime, SubsecRound, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::Value;

use app::i18n::Lang;
use app::model::{FieldError, NewTask, NewTaskInput, TagList};

use super::source::V02Task;

/// What an empty v0.2 title becomes.
pub const UNTITLED: &str = "(untitled)";

/// A v0.2 task ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct FixedTask {
    pub v02_id: i64,
    pub telegram_id: i64,
    /// Every field checked; `position` is `None` when v0.2 had none usable.
    pub task: NewTask,
    pub date_time: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What was changed to make it valid, for the report.
    pub changes: Vec<String>,
}

/// The owner's Telegram id: v0.2 kept it as text.
pub fn telegram_id(raw: Option<&str>) -> Result<i64, String> {
    let raw = raw.ok_or("it has no user id")?;
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| format!("its user id {raw:?} is not a Telegram user id"))
}

pub fn utc(naive: NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&naive).trunc_subsecs(6)
}

pub fn fix_task(row: &V02Task, zone: Tz, now: DateTime<Utc>) -> Result<FixedTask, String> {
    let telegram_id = telegram_id(row.user_id.as_deref())?;
    let mut changes = Vec::new();
    if row.position.is_none() {
        changes.push("no position: placed after the user's other tasks".into());
    }
    let mut input = NewTaskInput {
        title: Some(row.title.clone()),
        description: row.description.clone(),
        date_time: row
            .date_time
            .map(|local| local.format("%Y-%m-%dT%H:%M:%S%.f").to_string()),
        remind_at: None,
        priority: row.priority.clone(),
        status: row.status,
        position: row.position.map(i64::from),
        category: row.category.clone(),
        tags: Some(decode_tags(row.tags.as_deref(), &mut changes)),
    };
    let task = match NewTask::parse(input.clone()) {
        Ok(task) => task,
        Err(errors) => {
            for (field, error) in errors.iter() {
                changes.push(fix_field(&mut input, field, error));
            }
            NewTask::parse(input).map_err(|errors| {
                let fields: Vec<String> = errors
                    .iter()
                    .map(|(field, error)| format!("{field}: {}", error.message(Lang::En)))
                    .collect();
                format!("it cannot be made valid ({})", fields.join("; "))
            })?
        }
    };
    let (created_at, updated_at) = match (row.created_at, row.updated_at) {
        (Some(created), Some(updated)) => (utc(created), utc(updated)),
        (Some(created), None) => (utc(created), utc(created)),
        (None, Some(updated)) => {
            changes.push("no created_at: set to its updated_at".into());
            (utc(updated), utc(updated))
        }
        (None, None) => {
            changes.push("no created_at or updated_at: set to the time of the import".into());
            (now, now)
        }
    };
    Ok(FixedTask {
        v02_id: i64::from(row.id),
        telegram_id,
        date_time: task.date_time.map(|when| when.resolve(zone)),
        task,
        created_at,
        updated_at,
        changes,
    })
}

/// v0.2's tags column: a JSON array of strings (with `\u` escapes), or NULL.
fn decode_tags(raw: Option<&str>, changes: &mut Vec<String>) -> Vec<String> {
    let value = match raw.map(serde_json::from_str::<Value>) {
        None | Some(Ok(Value::Null)) => return Vec::new(),
        Some(Ok(value)) => value,
        Some(Err(_)) => {
            changes.push("tags were not valid JSON: dropped".into());
            return Vec::new();
        }
    };
    let Value::Array(items) = value else {
        changes.push("tags were not a JSON list: dropped".into());
        return Vec::new();
    };
    let mut tags = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::String(tag) => tags.push(tag),
            Value::Number(_) | Value::Bool(_) => {
                changes.push(format!("tag {item} was not text: kept as text"));
                tags.push(item.to_string());
            }
            other => changes.push(format!("tag {other} was not text: dropped")),
        }
    }
    tags
}

fn cut(value: &str, max: usize) -> String {
    value.trim().chars().take(max).collect()
}

/// Changes one refused field of `input` so that it passes, and says what was done.
fn fix_field(input: &mut NewTaskInput, field: &str, error: &FieldError) -> String {
    let why = error.message(Lang::En);
    match (field, error) {
        ("title", FieldError::TooLong { max }) => {
            input.title = input.title.as_deref().map(|t| cut(t, *max));
            format!("title: {why} Cut to {max} characters")
        }
        ("title", _) => {
            input.title = Some(UNTITLED.into());
            format!("title: {why} Set to {UNTITLED:?}")
        }
        ("description", FieldError::TooLong { max }) => {
            input.description = input
                .description
                .as_deref()
                .map(|d| d.chars().take(*max).collect());
            format!("description: {why} Cut to {max} characters")
        }
        ("category", FieldError::TooLong { max }) => {
            input.category = input.category.as_deref().map(|c| cut(c, *max));
            format!("category: {why} Cut to {max} characters")
        }
        ("priority", _) => {
            let was = input.priority.take().unwrap_or_default();
            format!("priority {was:?}: {why} Set to normal")
        }
        ("position", _) => {
            input.position = None;
            format!("position: {why} Placed after the user's other tasks")
        }
        ("tags", _) => {
            let (kept, dropped) = fit_tags(input.tags.take().unwrap_or_default());
            input.tags = Some(kept);
            format!("tags: {why} Dropped {dropped:?}")
        }
        (field, _) => {
            clear(input, field);
            format!("{field}: {why} Cleared")
        }
    }
}

fn clear(input: &mut NewTaskInput, field: &str) {
    match field {
        "date_time" => input.date_time = None,
        "description" => input.description = None,
        "category" => input.category = None,
        _ => {}
    }
}

/// The tags that fit, in order (over-long ones cut, blank ones and any past the limit dropped),
/// and the dropped ones.
fn fit_tags(tags: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut kept: Vec<String> = Vec::new();
    let mut dropped = Vec::new();
    for tag in tags {
        let tag = match TagList::parse(&[tag.as_str()]) {
            Err(FieldError::TagLength { max }) if !tag.trim().is_empty() => cut(&tag, max),
            _ => tag,
        };
        kept.push(tag);
        if TagList::parse(&kept).is_err() {
            dropped.extend(kept.pop());
        }
    }
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::model::Priority;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    fn row() -> V02Task {
        V02Task {
            id: 7,
            user_id: Some("111111111".into()),
            title: "Купить ёлку 🎄".into(),
            description: Some("Живую".into()),
            date_time: Some(at("2026-12-25 12:00:00")),
            priority: Some("low".into()),
            status: Some(true),
            position: Some(18),
            created_at: Some(at("2026-11-24 23:21:10")),
            updated_at: Some(at("2026-11-24 23:21:11")),
            category: Some("дом".into()),
            tags: Some(r#"["\u043d\u043e\u0432\u044b\u0439 \u0433\u043e\u0434", "x", "X"]"#.into()),
        }
    }

    fn now() -> DateTime<Utc> {
        utc(at("2026-11-30 08:00:00"))
    }

    #[test]
    fn a_valid_row_comes_over_unchanged_with_local_due_dates_in_the_zone() {
        let moscow: Tz = "Europe/Moscow".parse().unwrap();
        let fixed = fix_task(&row(), moscow, now()).unwrap();
        assert!(fixed.changes.is_empty(), "{:?}", fixed.changes);
        assert_eq!(fixed.telegram_id, 111111111);
        assert_eq!(fixed.task.title.as_str(), "Купить ёлку 🎄");
        assert_eq!(fixed.task.tags.as_slice(), ["новый год", "x"]);
        assert_eq!(fixed.task.priority, Priority::Low);
        assert_eq!(fixed.task.position, Some(18));
        assert_eq!(fixed.date_time, Some(utc(at("2026-12-25 09:00:00"))));
        assert_eq!(fixed.created_at, utc(at("2026-11-24 23:21:10")));
    }

    #[test]
    fn broken_fields_get_the_smallest_fix_and_are_reported() {
        let mut broken = row();
        broken.title = "  ".into();
        broken.priority = Some("urgent".into());
        broken.category = Some("c".repeat(150));
        broken.position = Some(-3);
        let twelve: Vec<String> = (0..12).map(|i| format!("\"t{i}\"")).collect();
        broken.tags = Some(format!("[{}, \"{}\", 5]", twelve.join(","), "y".repeat(60)));
        let fixed = fix_task(&broken, Tz::UTC, now()).unwrap();
        assert_eq!(fixed.task.title.as_str(), UNTITLED);
        assert_eq!(fixed.task.priority, Priority::Normal);
        assert_eq!(fixed.task.category.unwrap().as_str().chars().count(), 100);
        assert_eq!(fixed.task.position, None);
        assert_eq!(fixed.task.tags.as_slice().len(), 10);
        assert_eq!(fixed.task.tags.as_slice()[9], "t9");
        let report = fixed.changes.join("\n");
        for word in [
            "title", "urgent", "category", "position", "tags", "t11", "5",
        ] {
            assert!(report.contains(word), "{word} in {report}");
        }
    }

    #[test]
    fn long_titles_are_cut_and_rows_without_an_owner_are_refused() {
        let mut long = row();
        long.title = "я".repeat(600);
        let fixed = fix_task(&long, Tz::UTC, now()).unwrap();
        assert_eq!(fixed.task.title.as_str().chars().count(), 500);

        for owner in [None, Some("test_user"), Some("-5"), Some("")] {
            let mut orphan = row();
            orphan.user_id = owner.map(str::to_owned);
            assert!(fix_task(&orphan, Tz::UTC, now()).is_err(), "{owner:?}");
        }
    }

    #[test]
    fn bad_tag_json_and_missing_times_are_fixed() {
        let mut odd = row();
        odd.tags = Some("{\"a\": 1}".into());
        odd.created_at = None;
        odd.updated_at = None;
        odd.date_time = Some(at("0900-01-01 00:00:00"));
        let fixed = fix_task(&odd, Tz::UTC, now()).unwrap();
        assert!(fixed.task.tags.as_slice().is_empty());
        assert_eq!(fixed.created_at, now());
        assert_eq!(fixed.date_time, None);
        assert_eq!(fixed.changes.len(), 3, "{:?}", fixed.changes);
    }
}
