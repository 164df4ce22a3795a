//! The update tree: commands, other messages, button presses. Shared by polling and the webhook.

use teloxide::dispatching::{HandlerExt, UpdateFilterExt, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::AllowedUpdate;

use super::commands::{self, Command};
use super::{callbacks, messages};

fn is_command(msg: Message) -> bool {
    msg.text().is_some_and(|text| text.starts_with('/'))
}

/// Plain messages are offered as tasks only in a private chat: in a group they are talk.
fn is_private(msg: Message) -> bool {
    msg.chat.is_private()
}

/// Counted for `/metrics` by kind (`bot_updates_total{kind}`).
fn count(update: Update) {
    let kind = match update.kind {
        teloxide::types::UpdateKind::Message(_) => "message",
        teloxide::types::UpdateKind::CallbackQuery(_) => "callback_query",
        _ => "other",
    };
    metrics::counter!("bot_updates_total", "kind" => kind).increment(1);
}

/// The kinds of update the tree handles: all the webhook asks Telegram for.
pub const UPDATES: [AllowedUpdate; 2] = [AllowedUpdate::Message, AllowedUpdate::CallbackQuery];

pub fn schema() -> UpdateHandler<teloxide::RequestError> {
    let messages = Update::filter_message()
        .branch(
            dptree::entry()
                .filter_command::<Command>()
                .endpoint(commands::handle),
        )
        .branch(dptree::filter(is_command).endpoint(commands::unknown))
        .branch(dptree::filter(is_private).endpoint(messages::plain));
    let buttons = Update::filter_callback_query().endpoint(callbacks::handle);
    dptree::entry()
        .inspect(count)
        .branch(messages)
        .branch(buttons)
}
