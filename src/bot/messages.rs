//! Messages that are not commands: text is offered as a task, with a button to add it.

use app::model::{Understood, parse_quick_add};
use app::server::{AppState, clock};
use teloxide::prelude::*;

use super::replies::Reply;
use super::send::HandlerResult;
use super::{i18n, keyboards, people, texts};

pub async fn plain(bot: Bot, msg: Message, state: AppState) -> HandlerResult {
    let Some(from) = msg.from.as_ref() else {
        return Ok(());
    };
    let user = match people::current_user(&state, from).await {
        Ok(user) => user,
        Err(error) => {
            let lang = texts::lang_of(from);
            return Reply::error(lang, &error)
                .send(&bot, msg.chat.id, None)
                .await;
        }
    };
    let lang = user.language;
    let reply = match msg.text() {
        None => Reply::text(i18n::texts(lang).chat.not_text),
        Some(text) => match parse_quick_add(text, clock::now(), user.time_zone, lang) {
            Ok(new) => Reply::with(
                texts::offer(lang, &Understood::of(&new, user.time_zone), user.time_zone),
                keyboards::offer(lang),
            ),
            Err(errors) => Reply::error(lang, &errors.into()),
        },
    };
    // An answer to the message: the Add button finds the text there.
    reply.send(&bot, msg.chat.id, Some(msg.id)).await
}
