//! The inline buttons: ✅ in a list, Undo under an added task, Add under an offered one, and the
//! settings' choices.

use app::i18n::Lang;
use app::model::TaskId;
use app::server::{AppState, CurrentUser, ServiceError, tasks};
use teloxide::prelude::*;
use teloxide::types::Message;

use super::replies::{Reply, service_error};
use super::settings::{self, Choice};
use super::texts::{self, ListKind};
use super::{HandlerResult, commands, deliver, lists, people, reminder};

/// What a button asks for, as its callback data (Telegram allows 64 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Done {
        kind: ListKind,
        id: TaskId,
    },
    Undo(TaskId),
    /// Add the text of the message the offer answers.
    Add,
    /// ✅ under a reminder.
    Finish(TaskId),
    Snooze {
        snooze: Snooze,
        id: TaskId,
    },
    /// Change one setting.
    Setting(Choice),
}

/// How long a reminder's snooze button puts it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snooze {
    Hour,
    /// Until tomorrow morning.
    Tomorrow,
}

const SETTING: &str = "set:";

impl Action {
    pub fn encode(self) -> String {
        match self {
            Action::Done {
                kind: ListKind::Today,
                id,
            } => format!("done:today:{id}"),
            Action::Done {
                kind: ListKind::Open,
                id,
            } => format!("done:open:{id}"),
            Action::Undo(id) => format!("undo:{id}"),
            Action::Add => "add".to_owned(),
            Action::Finish(id) => format!("fin:{id}"),
            Action::Snooze {
                snooze: Snooze::Hour,
                id,
            } => format!("snz:1h:{id}"),
            Action::Snooze {
                snooze: Snooze::Tomorrow,
                id,
            } => format!("snz:tmrw:{id}"),
            Action::Setting(choice) => format!("{SETTING}{}", choice.encode()),
        }
    }

    pub fn decode(data: &str) -> Option<Action> {
        if let Some(choice) = data.strip_prefix(SETTING) {
            return Choice::decode(choice).map(Action::Setting);
        }
        let mut parts = data.split(':');
        let action = match (parts.next()?, parts.next(), parts.next()) {
            ("done", Some(kind), Some(id)) => Action::Done {
                kind: match kind {
                    "today" => ListKind::Today,
                    "open" => ListKind::Open,
                    _ => return None,
                },
                id: id.parse().ok()?,
            },
            ("undo", Some(id), None) => Action::Undo(id.parse().ok()?),
            ("add", None, None) => Action::Add,
            ("fin", Some(id), None) => Action::Finish(id.parse().ok()?),
            ("snz", Some(snooze), Some(id)) => Action::Snooze {
                snooze: match snooze {
                    "1h" => Snooze::Hour,
                    "tmrw" => Snooze::Tomorrow,
                    _ => return None,
                },
                id: id.parse().ok()?,
            },
            _ => return None,
        };
        parts.next().is_none().then_some(action)
    }
}

/// What pressing did: a short notice on the button, and the message's new look.
pub struct Outcome {
    pub notice: Option<String>,
    pub message: Option<Reply>,
}

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
            notice: Some(texts::failed(people::language(&state, &query.from).await).to_owned()),
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
                notice: Some(texts::send_again(lang).to_owned()),
                message: None,
            },
        },
        Action::Setting(choice) => settings::press(state, user, choice).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_and_fit_telegrams_limit() {
        for action in [
            Action::Done {
                kind: ListKind::Today,
                id: i64::MAX,
            },
            Action::Done {
                kind: ListKind::Open,
                id: 7,
            },
            Action::Undo(i64::MAX),
            Action::Add,
            Action::Finish(i64::MAX),
            Action::Snooze {
                snooze: Snooze::Hour,
                id: i64::MAX,
            },
            Action::Snooze {
                snooze: Snooze::Tomorrow,
                id: 3,
            },
            Action::Setting(Choice::Reminders(true)),
            Action::Setting(Choice::Reminders(false)),
            Action::Setting(Choice::Offset(i64::MIN)),
            Action::Setting(Choice::Digest(None)),
            Action::Setting(Choice::Digest(Some(u32::MAX))),
            Action::Setting(Choice::Language(app::i18n::Lang::Ru)),
            Action::Setting(Choice::Language(app::i18n::Lang::En)),
        ] {
            let data = action.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Action::decode(&data), Some(action));
        }
        for junk in [
            "",
            "done",
            "done:week:1",
            "undo:x",
            "add:1",
            "undo:1:2",
            "fin",
            "snz:2h:1",
            "snz:1h",
            "snz:1h:1:1",
            "set:",
            "set:rem:maybe",
            "set:offset:soon",
            "set:digest:08:00",
            "set:lang:de",
            "set:theme:dark",
        ] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }
}
