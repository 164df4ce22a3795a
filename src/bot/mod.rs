//! The Telegram bot: a background task of the server, answering through the same services as
//! every other door. `build` makes the client and its way of getting updates (or nothing when
//! the bot is off); `start` runs it.

mod callback_data;
mod callbacks;
mod commands;
mod i18n;
mod inbox;
mod keyboards;
mod lists;
mod messages;
mod people;
mod reminder;
mod reminder_texts;
mod replies;
mod run;
mod schema;
mod send;
mod settings;
mod settings_texts;
mod texts;
pub mod webhook;

use app::server::config::{BotMode, Config};
pub use reminder::{digest_reply, reminder_reply};
pub use replies::Reply;
pub use run::{Running, start};
use secrecy::ExposeSecret;
pub use send::{HandlerResult, deliver};
pub use teloxide::Bot;

/// The bot as configured: its client and how updates reach it.
pub struct Telegram {
    pub bot: Bot,
    pub updates: Updates,
}

pub enum Updates {
    /// `getUpdates`, long polling `TELEGRAM_API_URL`.
    Polling,
    /// Telegram calls `PUBLIC_URL/telegram/webhook` on this server.
    Webhook(webhook::Webhook),
}

impl Telegram {
    /// The webhook route's state, when updates come that way.
    pub fn webhook_door(&self) -> Option<webhook::Door> {
        match &self.updates {
            Updates::Polling => None,
            Updates::Webhook(webhook) => Some(webhook.door()),
        }
    }
}

/// The bot client, pointed at `TELEGRAM_API_URL`; `None` when there is no token or
/// `BOT_MODE=off`.
pub fn build(config: &Config) -> anyhow::Result<Option<Telegram>> {
    let Some(token) = &config.telegram_bot_token else {
        return Ok(None);
    };
    let updates = match config.bot_mode {
        BotMode::Off => return Ok(None),
        BotMode::Polling => Updates::Polling,
        BotMode::Webhook => Updates::Webhook(webhook::Webhook::new(config)?),
    };
    let api_url = url::Url::parse(&config.telegram_api_url)
        .map_err(|_| anyhow::anyhow!("TELEGRAM_API_URL is not a URL"))?;
    let bot = Bot::new(token.expose_secret()).set_api_url(api_url);
    Ok(Some(Telegram { bot, updates }))
}
