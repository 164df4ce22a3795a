//! Everything the bot says, in Russian and English. Messages are plain text (no parse mode), so
//! titles need no escaping.

use app::i18n::Lang;
use app::model::{FieldErrors, Priority, Task, Understood};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The commands the bot lists in Telegram's menu, with their descriptions.
pub fn command_list(lang: Lang) -> [(&'static str, &'static str); 8] {
    [
        ("start", lang.pick("Открыть Vectora", "Open Vectora")),
        (
            "add",
            lang.pick(
                "Добавить задачу: /add купить молоко завтра в 9 #дом",
                "Add a task: /add buy milk tomorrow 9am #home",
            ),
        ),
        ("today", lang.pick("Задачи на сегодня", "Due today")),
        ("tasks", lang.pick("Активные задачи", "Active tasks")),
        (
            "done",
            lang.pick("Отметить задачу выполненной", "Mark a task done"),
        ),
        (
            "settings",
            lang.pick(
                "Настройки: напоминания, сводка, часовой пояс, язык",
                "Settings: reminders, digest, time zone, language",
            ),
        ),
        (
            "login",
            lang.pick(
                "Ссылка для входа в браузере",
                "Sign-in link for the browser",
            ),
        ),
        ("help", lang.pick("Что умеет бот", "What the bot can do")),
    ]
}

pub fn welcome(lang: Lang, first_name: &str) -> String {
    match lang {
        Lang::Ru => format!(
            "Привет, {first_name}! Я Vectora, планировщик задач.\n\n\
             Напишите задачу прямо сюда, например «купить молоко завтра в 9 #дом !high», \
             или /add с текстом. /today покажет задачи на сегодня, /tasks все активные.\n\n\
             Кнопка ниже открывает приложение в Telegram, ссылка — в браузере."
        ),
        Lang::En => format!(
            "Hi, {first_name}! I'm Vectora, a task planner.\n\n\
             Write a task right here, like \"buy milk tomorrow 9am #home !high\", or /add \
             with the text. /today shows what is due today, /tasks everything still open.\n\n\
             The button below opens the app in Telegram; the link opens it in a browser."
        ),
    }
}

pub fn help(lang: Lang) -> String {
    let mut text = lang.pick("Что я умею:\n", "What I can do:\n").to_owned();
    for (command, description) in command_list(lang) {
        text.push_str(&format!("/{command} — {description}\n"));
    }
    text.push_str(lang.pick(
        "\nВ тексте задачи я понимаю дату и время («завтра в 9», «в пятницу 18:30», \
         «через 2 часа», «25.12 10:00»), #теги, !high или !low и @категорию.",
        "\nIn a task's text I understand a date and time (\"tomorrow 9am\", \"next monday\", \
         \"in 2 hours\", \"25.12 10:00\"), #tags, !high or !low, and @category.",
    ));
    text
}

pub fn open_app(lang: Lang) -> &'static str {
    lang.pick("Открыть Vectora", "Open Vectora")
}

pub fn open_in_browser(lang: Lang) -> &'static str {
    lang.pick("Открыть в браузере", "Open in a browser")
}

pub fn open_task(lang: Lang) -> &'static str {
    lang.pick("Открыть задачу", "Open the task")
}

pub fn edit(lang: Lang) -> &'static str {
    lang.pick("✏️ Изменить", "✏️ Edit")
}

pub fn undo(lang: Lang) -> &'static str {
    lang.pick("↩️ Отменить", "↩️ Undo")
}

pub fn confirm_add(lang: Lang) -> &'static str {
    lang.pick("✅ Добавить", "✅ Add")
}

pub fn add_usage(lang: Lang) -> &'static str {
    lang.pick(
        "Напишите задачу после команды: /add купить молоко завтра в 9 #дом !high",
        "Write the task after the command: /add buy milk tomorrow 9am #home !high",
    )
}

pub fn when(lang: Lang, at: DateTime<Utc>, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    match lang {
        Lang::Ru => local.format("%d.%m.%Y %H:%M").to_string(),
        Lang::En => local.format("%b %-d, %Y %H:%M").to_string(),
    }
}

fn priority(lang: Lang, priority: Priority) -> &'static str {
    match priority {
        Priority::High => lang.pick("высокий", "high"),
        Priority::Normal => lang.pick("обычный", "normal"),
        Priority::Low => lang.pick("низкий", "low"),
    }
}

/// The lines that describe a task: its title, then what else it has.
pub fn summary(lang: Lang, task: &Understood, zone: Tz) -> String {
    let mut lines = vec![task.title.clone()];
    if let Some(at) = task.date_time {
        lines.push(format!("🗓 {}", when(lang, at, zone)));
    }
    if task.priority != Priority::Normal {
        let label = lang.pick("Приоритет", "Priority");
        lines.push(format!("❗ {label}: {}", priority(lang, task.priority)));
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
    let lead = lang.pick("Добавлено:", "Added:");
    format!("{lead}\n{}", summary(lang, &understood(task), zone))
}

pub fn offer(lang: Lang, task: &Understood, zone: Tz) -> String {
    let lead = lang.pick("Добавить задачу?", "Add this task?");
    format!("{lead}\n{}", summary(lang, task, zone))
}

pub fn removed(lang: Lang, title: &str) -> String {
    format!("{} {title}", lang.pick("Удалено:", "Removed:"))
}

pub fn completed(lang: Lang, title: &str) -> String {
    format!("✅ {} {title}", lang.pick("Выполнено:", "Done:"))
}

pub fn task_view(lang: Lang, task: &Task, zone: Tz) -> String {
    let state = if task.status {
        lang.pick("✅ Выполнена", "✅ Done")
    } else {
        lang.pick("⏳ Не выполнена", "⏳ Open")
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
    if tasks.is_empty() {
        return match kind {
            ListKind::Today => lang.pick("На сегодня задач нет 🎉", "Nothing due today 🎉"),
            ListKind::Open => lang.pick("Активных задач нет 🎉", "No open tasks 🎉"),
        }
        .to_owned();
    }
    let head = match kind {
        ListKind::Today => lang.pick("На сегодня:", "Due today:"),
        ListKind::Open => lang.pick("Активные задачи:", "Open tasks:"),
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

pub fn done_usage(lang: Lang) -> &'static str {
    lang.pick(
        "Какую задачу отметить? Нажмите ✅ у нужной или напишите /done и часть названия.",
        "Which task? Press ✅ next to it, or send /done with part of its title.",
    )
}

pub fn several_match(lang: Lang) -> &'static str {
    lang.pick(
        "Подходит несколько задач — нажмите ✅ у нужной:",
        "Several tasks match; press ✅ next to the one you mean:",
    )
}

pub fn no_match(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ru => format!("Не нашёл активной задачи с «{text}» в названии."),
        Lang::En => format!("No open task has \"{text}\" in its title."),
    }
}

pub fn login_link(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Ru => format!("Ссылка для входа в браузере (действует 10 минут, один раз):\n{url}"),
        Lang::En => {
            format!("Your sign-in link for the browser (works once, for 10 minutes):\n{url}")
        }
    }
}

pub fn sign_in(lang: Lang) -> &'static str {
    lang.pick("Войти", "Sign in")
}

pub fn unknown_command(lang: Lang, command: &str) -> String {
    match lang {
        Lang::Ru => format!("Не знаю команды {command}. Список команд — /help."),
        Lang::En => format!("I don't know {command}. /help lists what I can do."),
    }
}

pub fn not_text(lang: Lang) -> &'static str {
    lang.pick(
        "Я понимаю только текст. Напишите задачу или /help.",
        "I only understand text. Write a task, or /help.",
    )
}

pub fn not_found(lang: Lang) -> &'static str {
    lang.pick("Такой задачи нет.", "There is no such task.")
}

pub fn send_again(lang: Lang) -> &'static str {
    lang.pick(
        "Не вижу исходного текста — отправьте задачу ещё раз.",
        "I can't see the original text; please send the task again.",
    )
}

pub fn failed(lang: Lang) -> &'static str {
    lang.pick(
        "Что-то пошло не так. Попробуйте ещё раз чуть позже.",
        "Something went wrong. Please try again in a moment.",
    )
}

/// Each refused field with its reason, as the API and the forms word them.
pub fn refused(lang: Lang, errors: &FieldErrors) -> String {
    let lead = lang.pick("Не получилось добавить:", "Could not add that:");
    field_errors(lang, lead, errors)
}

/// `lead`, then a line for each refused field.
pub fn field_errors(lang: Lang, lead: &str, errors: &FieldErrors) -> String {
    let mut lines = vec![lead.to_owned()];
    for (field, error) in errors.iter() {
        lines.push(format!(
            "• {}: {}",
            field_name(lang, field),
            error.message(lang)
        ));
    }
    lines.join("\n")
}

fn field_name(lang: Lang, field: &str) -> &str {
    match field {
        "title" => lang.pick("название", "title"),
        "tags" => lang.pick("теги", "tags"),
        "category" => lang.pick("категория", "category"),
        "date_time" => lang.pick("срок", "due date"),
        "language" => lang.pick("язык", "language"),
        "time_zone" => lang.pick("часовой пояс", "time zone"),
        "reminders_enabled" => lang.pick("напоминания", "reminders"),
        "reminder_offset_minutes" => lang.pick("напоминать заранее", "remind before"),
        "digest_time" => lang.pick("время сводки", "digest time"),
        other => other,
    }
}

/// The language for someone whose account could not be read: Telegram's guess.
pub fn lang_of(user: &teloxide::types::User) -> Lang {
    Lang::from_tag(user.language_code.as_deref().unwrap_or(""))
}
