//! The commands: `/start`, `/add`, `/today`, `/tasks`, `/done`, `/settings`, `/help`, `/login`.

use app::model::{TaskId, parse_quick_add};
use app::server::{AppState, CurrentUser, clock, login_links, tasks};
use teloxide::prelude::*;
use teloxide::utils::command::BotCommands;

use super::replies::Reply;
use super::send::HandlerResult;
use super::texts::{self, ListKind};
use super::{i18n, keyboards, lists, people, settings};

/// Every command takes the rest of the line, so that "/today please" is still `/today`.
#[derive(BotCommands, Clone, Debug, PartialEq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    Start(String),
    Add(String),
    Today(String),
    Tasks(String),
    Done(String),
    Settings(String),
    Help(String),
    Login(String),
}

/// The `/start` payload of a link to one task: `t.me/<bot>?start=task_42`.
const TASK_PAYLOAD: &str = "task_";

pub async fn handle(bot: Bot, msg: Message, command: Command, state: AppState) -> HandlerResult {
    let Some(from) = msg.from.as_ref() else {
        return Ok(());
    };
    let reply = match people::current_user(&state, from).await {
        Ok(user) => answer(&state, &user, &from.first_name, command).await,
        Err(error) => Reply::error(texts::lang_of(from), &error),
    };
    reply.send(&bot, msg.chat.id, None).await
}

async fn answer(state: &AppState, user: &CurrentUser, name: &str, command: Command) -> Reply {
    let lang = user.language;
    match command {
        Command::Start(payload) => start(state, user, name, payload.trim()).await,
        Command::Add(text) => add(state, user, &text).await,
        Command::Today(_) => list(state, user, ListKind::Today).await,
        Command::Tasks(_) => list(state, user, ListKind::Open).await,
        Command::Done(text) => done(state, user, text.trim()).await,
        Command::Settings(args) => settings::command(state, user, args.trim()).await,
        Command::Help(_) => Reply::text(texts::help(lang)),
        Command::Login(_) => match login_links::issue_login_link(state, user.id).await {
            Ok(url) => Reply::with(
                (i18n::texts(lang).chat.login_link)(&url),
                keyboards::sign_in(lang, &url),
            ),
            Err(error) => Reply::error(lang, &error),
        },
    }
}

async fn start(state: &AppState, user: &CurrentUser, name: &str, payload: &str) -> Reply {
    let lang = user.language;
    let base = keyboards::app_url(state);
    let Some(id) = payload
        .strip_prefix(TASK_PAYLOAD)
        .and_then(|id| id.parse::<TaskId>().ok())
    else {
        return Reply::with(
            (i18n::texts(lang).chat.welcome)(name),
            keyboards::welcome(lang, &base),
        );
    };
    match tasks::get_task(&state.db, user, id).await {
        Ok(task) => Reply::with(
            texts::task_view(lang, &task, user.time_zone),
            keyboards::open_task(lang, &base, task.id),
        ),
        Err(error) => Reply::error(lang, &error),
    }
}

/// Quick add: what was understood, with Undo and Edit.
pub async fn add(state: &AppState, user: &CurrentUser, text: &str) -> Reply {
    let lang = user.language;
    if text.trim().is_empty() {
        return Reply::text(i18n::texts(lang).chat.add_usage);
    }
    let created = match parse_quick_add(text, clock::now(), user.time_zone, lang) {
        Ok(new) => tasks::create_task(&state.db, user, new).await,
        Err(errors) => Err(errors.into()),
    };
    match created {
        Ok(task) => Reply::with(
            texts::added(lang, &task, user.time_zone),
            keyboards::added(lang, &keyboards::app_url(state), task.id),
        ),
        Err(error) => Reply::error(lang, &error),
    }
}

/// A list with a ✅ button for each task.
pub async fn list(state: &AppState, user: &CurrentUser, kind: ListKind) -> Reply {
    match lists::load(state, user, kind, None).await {
        Ok(tasks) => Reply::with(
            texts::list(user.language, kind, &tasks, user.time_zone),
            keyboards::list(kind, &tasks),
        ),
        Err(error) => Reply::error(user.language, &error),
    }
}

/// `/done` alone lists the open tasks to press; `/done milk` completes the one open task with
/// "milk" in it, or lists them when several match.
async fn done(state: &AppState, user: &CurrentUser, text: &str) -> Reply {
    let lang = user.language;
    if text.is_empty() {
        let reply = list(state, user, ListKind::Open).await;
        if reply
            .keyboard
            .as_ref()
            .is_some_and(|k| !k.inline_keyboard.is_empty())
        {
            return Reply {
                text: format!("{}\n\n{}", i18n::texts(lang).chat.done_usage, reply.text),
                ..reply
            };
        }
        return reply;
    }
    let matching = match lists::load(state, user, ListKind::Open, Some(text)).await {
        Ok(matching) => matching,
        Err(error) => return Reply::error(lang, &error),
    };
    match matching.as_slice() {
        [] => Reply::text((i18n::texts(lang).chat.no_match)(text)),
        [one] => match lists::complete(state, user, one.id).await {
            Ok(task) => Reply::text(texts::completed(lang, &task.title)),
            Err(error) => Reply::error(lang, &error),
        },
        several => Reply::with(
            format!(
                "{}\n\n{}",
                i18n::texts(lang).chat.several_match,
                texts::list(lang, ListKind::Open, several, user.time_zone)
            ),
            keyboards::list(ListKind::Open, several),
        ),
    }
}

/// A command the bot does not have.
pub async fn unknown(bot: Bot, msg: Message, state: AppState) -> HandlerResult {
    let Some(from) = msg.from.as_ref() else {
        return Ok(());
    };
    let command = msg
        .text()
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("/");
    let lang = people::language(&state, from).await;
    Reply::text((i18n::texts(lang).chat.unknown_command)(command))
        .send(&bot, msg.chat.id, None)
        .await
}
