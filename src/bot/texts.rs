//! The bot's messages, put together from its strings (`i18n/`) and a task's data. Messages are
//! plain text (no parse mode), so titles need no escaping.

use app::i18n::Lang;
use app::model::{FieldErrors, Priority, Task, Understood};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::i18n::{ChatTexts, texts};

/// The commands the bot lists in Telegram's menu, with their descriptions.
pub fn command_list(lang: Lang) -> [(&'static str, &'static str); 8] {
    let t = texts(lang).chat;
    [
        ("start", t.command_start),
        ("add", t.command_add),
        ("today", t.command_today),
        ("tasks", t.command_tasks),
        ("done", t.command_done),
        ("settings", t.command_settings),
        ("login", t.command_login),
        ("help", t.command_help),
    ]
}

pub fn help(lang: Lang) -> String {
    let t = texts(lang).chat;
    let mut text = t.help_lead.to_owned();
    for (command, description) in command_list(lang) {
        text.push_str(&format!("/{command} — {description}\n"));
    }
    text.push_str(t.help_syntax);
    text
}

pub fn when(lang: Lang, at: DateTime<Utc>, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    local.format(texts(lang).chat.date_time).to_string()
}

fn priority(t: &ChatTexts, priority: Priority) -> &'static str {
    match priority {
        Priority::High => t.priority_high,
        Priority::Normal => t.priority_normal,
        Priority::Low => t.priority_low,
    }
}

/// The lines that describe a task: its title, then what else it has.
pub fn summary(lang: Lang, task: &Understood, zone: Tz) -> String {
    let t = texts(lang).chat;
    let mut lines = vec![task.title.clone()];
    if let Some(at) = task.date_time {
        lines.push(format!("🗓 {}", when(lang, at, zone)));
    }
    if task.priority != Priority::Normal {
        let label = t.priority;
        lines.push(format!("❗ {label}: {}", priority(t, task.priority)));
    }
    if let Some(category) = &task.category {
        lines.push(format!("📁 {category}"));
    }
    if !task.tags.is_empty() {
        let tags: Vec<String> = task.tags.iter().map(|t| format!("#{t}")).collect();
        lines.push(format!("🏷 {}", tags.join(" ")));
    }
    lines.join("\n")
}

pub fn understood(task: &Task) -> Understood {
    Understood {
        title: task.title.clone(),
        date_time: task.date_time,
        priority: task.priority,
        category: task.category.clone(),
        tags: task.tags.clone(),
    }
}

pub fn added(lang: Lang, task: &Task, zone: Tz) -> String {
    let lead = texts(lang).chat.added;
    format!("{lead}\n{}", summary(lang, &understood(task), zone))
}

pub fn offer(lang: Lang, task: &Understood, zone: Tz) -> String {
    let lead = texts(lang).chat.offer;
    format!("{lead}\n{}", summary(lang, task, zone))
}

pub fn removed(lang: Lang, title: &str) -> String {
    format!("{} {title}", texts(lang).chat.removed)
}

pub fn completed(lang: Lang, title: &str) -> String {
    format!("✅ {} {title}", texts(lang).chat.completed)
}

pub fn task_view(lang: Lang, task: &Task, zone: Tz) -> String {
    let t = texts(lang).chat;
    let state = if task.status {
        t.state_done
    } else {
        t.state_open
    };
    format!("{}\n{state}", summary(lang, &understood(task), zone))
}

/// Which list a message shows; the ✅ buttons redraw the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Today,
    Open,
}

/// `text` cut to `max` characters, with an ellipsis when cut: a list of twenty 500-character
/// titles would pass Telegram's 4096 characters a message.
pub fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// How much of a title a list line shows.
const LIST_TITLE_MAX: usize = 120;

pub fn list(lang: Lang, kind: ListKind, tasks: &[Task], zone: Tz) -> String {
    let t = texts(lang).chat;
    if tasks.is_empty() {
        return match kind {
            ListKind::Today => t.nothing_today,
            ListKind::Open => t.nothing_open,
        }
        .to_owned();
    }
    let head = match kind {
        ListKind::Today => t.list_today,
        ListKind::Open => t.list_open,
    };
    let mut lines = vec![head.to_owned()];
    for (n, task) in tasks.iter().enumerate() {
        let due = task
            .date_time
            .map(|at| format!(" — {}", when(lang, at, zone)))
            .unwrap_or_default();
        let mark = if task.priority == Priority::High {
            " ❗"
        } else {
            ""
        };
        let title = short(&task.title, LIST_TITLE_MAX);
        lines.push(format!("{}. {title}{due}{mark}", n + 1));
    }
    lines.join("\n")
}

/// Each refused field with its reason, as the API and the forms word them.
pub fn refused(lang: Lang, errors: &FieldErrors) -> String {
    field_errors(lang, texts(lang).chat.refused, errors)
}

/// `lead`, then a line for each refused field.
pub fn field_errors(lang: Lang, lead: &str, errors: &FieldErrors) -> String {
    let t = texts(lang).chat;
    let mut lines = vec![lead.to_owned()];
    for (field, error) in errors.iter() {
        lines.push(format!(
            "• {}: {}",
            field_name(t, field),
            error.message(lang)
        ));
    }
    lines.join("\n")
}

fn field_name<'a>(t: &ChatTexts, field: &'a str) -> &'a str {
    match field {
        "title" => t.field_title,
        "tags" => t.field_tags,
        "category" => t.field_category,
        "date_time" => t.field_date_time,
        "language" => t.field_language,
        "time_zone" => t.field_time_zone,
        "reminders_enabled" => t.field_reminders_enabled,
        "reminder_offset_minutes" => t.field_reminder_offset_minutes,
        "digest_time" => t.field_digest_time,
        other => other,
    }
}

/// The language for someone whose account could not be read: Telegram's guess.
pub fn lang_of(user: &teloxide::types::User) -> Lang {
    Lang::from_tag(user.language_code.as_deref().unwrap_or(""))
}
