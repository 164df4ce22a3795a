//! The Telegram bot: a background task of the server, answering through the same services as
//! every other door. `build` makes the client (or none when the bot is off); `run` starts it.

mod callbacks;
mod commands;
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
mod texts;

use app::server::config::{BotMode, Config};
pub use reminder::{digest_reply, reminder_reply};
pub use replies::Reply;
pub use run::{Running, start};
pub use send::deliver;
pub use teloxide::Bot;

/// What a handler can fail with: only Telegram itself. Service failures become replies.
pub type HandlerResult = Result<(), teloxide::RequestError>;

/// The bot client, pointed at `TELEGRAM_API_URL`; `None` when there is no token or
/// `BOT_MODE=off`.
pub fn build(config: &Config) -> anyhow::Result<Option<Bot>> {
    let Some(token) = &config.telegram_bot_token else {
        return Ok(None);
    };
    match config.bot_mode {
        BotMode::Off => return Ok(None),
        BotMode::Webhook => {
            tracing::warn!("BOT_MODE=webhook is not served yet: the bot uses long polling")
        }
        BotMode::Polling => {}
    }
    let api_url = url::Url::parse(&config.telegram_api_url)
        .map_err(|_| anyhow::anyhow!("TELEGRAM_API_URL is not a URL"))?;
    Ok(Some(Bot::new(token.expose()).set_api_url(api_url)))
}
