//! The inline keyboards under the bot's messages.

use app::i18n::Lang;
use app::model::{Profile, Task, TaskId};
use app::server::AppState;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo};
use url::Url;

use super::callback_data::{self, Action, Choice, clock_time};
use super::i18n::texts;
use super::settings_texts;
use super::texts::{ListKind, short};

/// The app's address: `PUBLIC_URL`, or where the server listens (development).
pub fn app_url(state: &AppState) -> String {
    state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", state.leptos_options.site_addr))
}

/// A button that opens `url` as the Mini App; Telegram opens only https Mini Apps, so a plain
/// link otherwise.
fn open(text: &str, url: &str) -> Option<InlineKeyboardButton> {
    let url = Url::parse(url).ok()?;
    Some(if url.scheme() == "https" {
        InlineKeyboardButton::web_app(text, WebAppInfo { url })
    } else {
        InlineKeyboardButton::url(text, url)
    })
}

fn link(text: &str, url: &str) -> Option<InlineKeyboardButton> {
    Some(InlineKeyboardButton::url(text, Url::parse(url).ok()?))
}

fn callback(text: &str, action: Action) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(text, action.encode())
}

fn rows(rows: Vec<Vec<Option<InlineKeyboardButton>>>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(
        rows.into_iter()
            .map(|row| row.into_iter().flatten().collect::<Vec<_>>())
            .filter(|row| !row.is_empty()),
    )
}

pub fn task_url(base: &str, id: TaskId) -> String {
    format!("{base}/tasks/{id}")
}

pub fn welcome(lang: Lang, base: &str) -> InlineKeyboardMarkup {
    let t = texts(lang).chat;
    rows(vec![
        vec![open(t.open_app, base)],
        vec![link(t.open_in_browser, base)],
    ])
}

pub fn added(lang: Lang, base: &str, id: TaskId) -> InlineKeyboardMarkup {
    let t = texts(lang).chat;
    rows(vec![vec![
        Some(callback(t.undo, Action::Undo(id))),
        open(t.edit, &task_url(base, id)),
    ]])
}

pub fn offer(lang: Lang) -> InlineKeyboardMarkup {
    rows(vec![vec![Some(callback(
        texts(lang).chat.confirm_add,
        Action::Add,
    ))]])
}

pub fn open_task(lang: Lang, base: &str, id: TaskId) -> InlineKeyboardMarkup {
    rows(vec![vec![open(
        texts(lang).chat.open_task,
        &task_url(base, id),
    )]])
}

pub fn sign_in(lang: Lang, url: &str) -> InlineKeyboardMarkup {
    rows(vec![vec![link(texts(lang).chat.sign_in, url)]])
}

/// The settings' buttons, in the profile's language, the choice in effect ticked: reminders on
/// or off, the offset, the digest, the language, and the app's settings screen for the rest.
pub fn settings(profile: &Profile, base: &str) -> InlineKeyboardMarkup {
    let lang = profile.language;
    let choice = |label: String, current: bool, choice: Choice| {
        let label = if current {
            settings_texts::current(&label)
        } else {
            label
        };
        Some(callback(&label, Action::Setting(choice)))
    };
    let enabled = profile.reminders_enabled;
    let offset = i64::from(profile.reminder_offset_minutes);
    let digest = profile.digest_time.as_deref();
    rows(vec![
        vec![Some(callback(
            settings_texts::reminders_button(lang, enabled),
            Action::Setting(Choice::Reminders(!enabled)),
        ))],
        callback_data::OFFSETS
            .iter()
            .map(|&minutes| {
                let label = settings_texts::offset_button(lang, minutes);
                choice(label, minutes == offset, Choice::Offset(minutes))
            })
            .collect(),
        callback_data::DIGESTS
            .iter()
            .map(|&time| {
                let time_text = time.map(clock_time);
                let label = settings_texts::digest_button(lang, time_text.as_deref());
                choice(label, time_text.as_deref() == digest, Choice::Digest(time))
            })
            .collect(),
        [Lang::Ru, Lang::En]
            .into_iter()
            .map(|option| {
                let label = option.name().to_owned();
                choice(label, option == lang, Choice::Language(option))
            })
            .collect(),
        vec![open(
            texts(lang).settings.open_in_app,
            &format!("{base}/settings"),
        )],
    ])
}

const BUTTON_TITLE_MAX: usize = 40;

/// One ✅ button per task, in the list's order.
pub fn list(kind: ListKind, tasks: &[Task]) -> InlineKeyboardMarkup {
    rows(
        tasks
            .iter()
            .enumerate()
            .map(|(n, task)| {
                let label = format!("✅ {}. {}", n + 1, short(&task.title, BUTTON_TITLE_MAX));
                vec![Some(callback(&label, Action::Done { kind, id: task.id }))]
            })
            .collect(),
    )
}
