//! Starting the bot: its command list and menu button, then updates by long polling or by the
//! webhook until the server stops.

use std::fmt::{Debug, Display};
use std::sync::Arc;
use std::time::Duration;

use app::i18n::Lang;
use app::server::AppState;
use teloxide::RequestError;
use teloxide::dispatching::{DefaultKey, ShutdownToken};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, MenuButton, WebAppInfo};
use teloxide::update_listeners::{Polling, UpdateListener};
use tokio::task::JoinHandle;

use super::send::deliver;
use super::{Telegram, Updates, keyboards, schema, texts};

/// How long one `getUpdates` waits for news.
const POLL_TIMEOUT: Duration = Duration::from_secs(25);
/// How long to wait before trying again when Telegram cannot be reached at start.
pub(super) const RECONNECT: Duration = Duration::from_secs(10);
/// How long stopping waits for the handlers at work.
const STOP_WAIT: Duration = Duration::from_secs(5);

/// The running bot; `stop` ends it.
pub struct Running {
    token: ShutdownToken,
    task: JoinHandle<()>,
}

impl Running {
    /// Lets the handlers at work finish (for at most a few seconds: a shutdown must not wait
    /// on Telegram), then ends the bot. The webhook stays set (see `Webhook::register`).
    pub async fn stop(self) {
        let finished = match self.token.shutdown() {
            Ok(stopped) => tokio::time::timeout(STOP_WAIT, stopped).await.is_ok(),
            // Not dispatching yet (still reaching Telegram): nothing to finish.
            Err(_) => false,
        };
        if !finished {
            self.task.abort();
        }
        let _ = self.task.await;
    }
}

async fn log_error(error: RequestError) {
    tracing::error!(%error, "bot: a Telegram request failed");
}

/// Sets the command list and the menu button, then answers updates as they come.
pub fn start(telegram: Telegram, state: AppState) -> Running {
    let Telegram { bot, updates } = telegram;
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema::schema())
        .dependencies(dptree::deps![state.clone()])
        .default_handler(|_| async {})
        .error_handler(Arc::new(log_error))
        .build();
    let token = dispatcher.shutdown_token();
    let task = tokio::spawn(async move {
        set_up(&bot, &state).await;
        match updates {
            Updates::Polling => loop {
                let listener = Polling::builder(bot.clone())
                    .timeout(POLL_TIMEOUT)
                    .delete_webhook()
                    .await
                    .build();
                if dispatch(&mut dispatcher, listener).await {
                    break;
                }
            },
            Updates::Webhook(webhook) => {
                let inbox = webhook.register(&bot).await;
                while !dispatch(&mut dispatcher, inbox.listener()).await {}
            }
        }
        tracing::info!("bot: stopped");
    });
    Running { token, task }
}

/// Answers the listener's updates until the bot is stopped (`true`); `false`, after a pause,
/// when Telegram could not be reached to begin with.
async fn dispatch<L>(
    dispatcher: &mut Dispatcher<Bot, RequestError, DefaultKey>,
    listener: L,
) -> bool
where
    L: UpdateListener + Send,
    L::Err: Display + Debug + Send + 'static,
{
    let listener_error = Arc::new(|error: L::Err| async move {
        tracing::error!(%error, "bot: cannot get updates");
    });
    match dispatcher
        .try_dispatch_with_listener(listener, listener_error)
        .await
    {
        Ok(()) => true,
        Err(error) => {
            tracing::warn!(%error, "bot: cannot reach Telegram; trying again");
            tokio::time::sleep(RECONNECT).await;
            false
        }
    }
}

/// The command list in both languages, and the menu button that opens the Mini App.
async fn set_up(bot: &Bot, state: &AppState) {
    for lang in [Lang::En, Lang::Ru] {
        let commands = texts::command_list(lang)
            .into_iter()
            .map(|(command, description)| BotCommand::new(command, description));
        let mut request = bot.set_my_commands(commands);
        if lang == Lang::Ru {
            request = request.language_code(lang.code());
        }
        if let Err(error) = deliver(request).await {
            tracing::warn!(%error, "bot: cannot set the command list");
        }
    }
    let menu = match url::Url::parse(&keyboards::app_url(state)) {
        Ok(url) if url.scheme() == "https" => MenuButton::WebApp {
            text: "Vectora".to_owned(),
            web_app: WebAppInfo { url },
        },
        _ => MenuButton::Commands,
    };
    if let Err(error) = deliver(bot.set_chat_menu_button().menu_button(menu)).await {
        tracing::warn!(%error, "bot: cannot set the menu button");
    }
}
