//! The inline buttons: ✅ in a list, Undo under an added task, Add under an offered one, and the
//! settings' choices.

use app::i18n::Lang;
use app::server::{AppState, CurrentUser, ServiceError, tasks};
use teloxide::prelude::*;
use teloxide::types::Message;

use super::callback_data::Action;
use super::replies::{Outcome, Reply, service_error};
use super::send::{HandlerResult, deliver};
use super::{commands, i18n, lists, people, reminder, settings, texts};

pub async fn handle(bot: Bot, query: CallbackQuery, state: AppState) -> HandlerResult {
    let outcome = match (
        query.data.as_deref().and_then(Action::decode),
        query.regular_message(),
    ) {
        (Some(action), Some(message)) => match people::current_user(&state, &query.from).await {
            Ok(user) => press(&state, &user, action, message).await,
            Err(error) => refusal(texts::lang_of(&query.from), &error),
        },
        _ => Outcome {
            notice: Some(
                i18n::texts(people::language(&state, &query.from).await)
                    .chat
                    .failed
                    .to_owned(),
            ),
            message: None,
        },
    };
    let mut answer = bot.answer_callback_query(query.id.clone());
    if let Some(notice) = outcome.notice {
        answer = answer.text(notice);
    }
    deliver(answer).await?;
    match (outcome.message, query.regular_message()) {
        (Some(reply), Some(message)) => reply.edit(&bot, message.chat.id, message.id).await,
        _ => Ok(()),
    }
}

fn pressed(pressed: reminder::Pressed) -> Outcome {
    Outcome {
        notice: Some(pressed.notice),
        message: pressed.message,
    }
}

fn refusal(lang: Lang, error: &ServiceError) -> Outcome {
    Outcome {
        notice: Some(service_error(lang, error)),
        message: None,
    }
}

async fn press(state: &AppState, user: &CurrentUser, action: Action, message: &Message) -> Outcome {
    let lang = user.language;
    match action {
        Action::Done { kind, id } => {
            let notice = match lists::complete(state, user, id).await {
                Ok(task) => texts::completed(lang, &task.title),
                Err(error) => service_error(lang, &error),
            };
            Outcome {
                notice: Some(notice),
                message: Some(commands::list(state, user, kind).await),
            }
        }
        Action::Undo(id) => {
            let removed = match tasks::get_task(&state.db, user, id).await {
                Ok(task) => tasks::delete_task(&state.db, user, id)
                    .await
                    .map(|()| task.title),
                Err(error) => Err(error),
            };
            match removed {
                Ok(title) => Outcome {
                    notice: None,
                    message: Some(Reply::text(texts::removed(lang, &title))),
                },
                Err(error) => refusal(lang, &error),
            }
        }
        Action::Finish(id) => pressed(reminder::finish(state, user, id).await),
        Action::Snooze { snooze, id } => pressed(reminder::snooze(state, user, snooze, id).await),
        Action::Add => match message.reply_to_message().and_then(|m| m.text()) {
            Some(text) => Outcome {
                notice: None,
                message: Some(commands::add(state, user, text).await),
            },
            None => Outcome {
                notice: Some(i18n::texts(lang).chat.send_again.to_owned()),
                message: None,
            },
        },
        Action::Setting(choice) => settings::press(state, user, choice).await,
    }
}
