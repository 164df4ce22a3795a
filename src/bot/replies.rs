//! The bot's answers: a text with an optional keyboard, and the one place where service errors
//! become words for the user.

use app::i18n::Lang;
use app::server::ServiceError;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, MessageId, ReplyParameters};
use teloxide::{ApiError, RequestError};

use super::send::{HandlerResult, deliver};
use super::{i18n, settings_texts, texts};

pub struct Reply {
    pub text: String,
    pub keyboard: Option<InlineKeyboardMarkup>,
}

impl Reply {
    pub fn text(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            keyboard: None,
        }
    }

    pub fn with(text: impl Into<String>, keyboard: InlineKeyboardMarkup) -> Reply {
        Reply {
            text: text.into(),
            keyboard: Some(keyboard),
        }
    }

    pub fn error(lang: Lang, error: &ServiceError) -> Reply {
        Reply::text(service_error(lang, error))
    }

    fn request(self, bot: &Bot, chat: ChatId) -> <Bot as Requester>::SendMessage {
        let mut request = bot.send_message(chat, self.text);
        if let Some(keyboard) = self.keyboard {
            request = request.reply_markup(keyboard);
        }
        request
    }

    /// Sends it to `chat`, as an answer to `to` when given.
    pub async fn send(self, bot: &Bot, chat: ChatId, to: Option<MessageId>) -> HandlerResult {
        let mut request = self.request(bot, chat);
        if let Some(to) = to {
            request = request.reply_parameters(ReplyParameters::new(to));
        }
        deliver(request).await.map(|_| ())
    }

    /// One attempt at sending it to `chat`, for a caller that keeps its own retries (the
    /// reminder scheduler records them in the database).
    pub async fn send_once(self, bot: &Bot, chat: ChatId) -> Result<(), RequestError> {
        self.request(bot, chat).send().await.map(|_| ())
    }

    /// Puts it in place of the message `id` (its keyboard goes unless the reply has one). A
    /// message that already reads so (a button pressed twice) is left as it is.
    pub async fn edit(self, bot: &Bot, chat: ChatId, id: MessageId) -> HandlerResult {
        let mut request = bot.edit_message_text(chat, id, self.text);
        if let Some(keyboard) = self.keyboard {
            request = request.reply_markup(keyboard);
        }
        match deliver(request).await {
            Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
            Err(error) => Err(error),
        }
    }
}

pub fn service_error(lang: Lang, error: &ServiceError) -> String {
    match error {
        ServiceError::Validation(errors) => texts::refused(lang, errors),
        ServiceError::NotFound => i18n::texts(lang).chat.not_found.to_owned(),
        other => {
            tracing::error!(error = %other, "bot: service call failed");
            i18n::texts(lang).chat.failed.to_owned()
        }
    }
}

/// The same, for a settings change: refused values are worded as settings.
pub fn settings_error(lang: Lang, error: &ServiceError) -> String {
    match error {
        ServiceError::Validation(errors) => settings_texts::refused(lang, errors),
        other => service_error(lang, other),
    }
}

/// What pressing did: a short notice on the button, and the message's new look.
pub struct Outcome {
    pub notice: Option<String>,
    pub message: Option<Reply>,
}
