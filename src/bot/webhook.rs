//! Updates by webhook: Telegram POSTs each one to `PUBLIC_URL/telegram/webhook` on this same
//! server, with the secret it was given in `X-Telegram-Bot-Api-Secret-Token`. Calls without that
//! secret are refused before their body is read.

use std::sync::Arc;

use anyhow::Context;
use app::server::config::Config;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::Update;
use url::Url;

use super::inbox::{self, Inbox, Mailbox};
use super::send::deliver;
use super::{run, schema};

pub const PATH: &str = "/telegram/webhook";
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// The webhook as configured: where Telegram is to call, with which secret, and the channel from
/// the route to the dispatcher.
pub struct Webhook {
    url: Url,
    door: Door,
    inbox: Inbox,
}

/// What the route needs: the secret to check and where to put the updates.
#[derive(Clone)]
pub struct Door {
    secret: Arc<SecretString>,
    mailbox: Mailbox,
}

impl Webhook {
    pub fn new(config: &Config) -> anyhow::Result<Webhook> {
        let base = config
            .public_url
            .as_deref()
            .context("PUBLIC_URL is required with BOT_MODE=webhook")?;
        let url = Url::parse(&format!("{base}{PATH}")).context("PUBLIC_URL is not a URL")?;
        let secret = config
            .webhook_secret
            .clone()
            .context("the webhook has no secret")?;
        let (mailbox, inbox) = inbox::channel();
        Ok(Webhook {
            url,
            door: Door {
                secret: Arc::new(secret),
                mailbox,
            },
            inbox,
        })
    }

    pub fn door(&self) -> Door {
        self.door.clone()
    }

    /// Tells Telegram to send updates here; a network failure is tried again until it works.
    /// Nothing undoes this when the server stops: with several replicas behind one address,
    /// one stopping (`deleteWebhook`) would cut the others off. Switching to polling deletes it.
    pub async fn register(self, bot: &Bot) -> Inbox {
        loop {
            let request = bot
                .set_webhook(self.url.clone())
                .secret_token(self.door.secret.expose_secret())
                .allowed_updates(schema::UPDATES);
            match deliver(request).await {
                Ok(_) => {
                    tracing::info!(url = %self.url, "bot: webhook set");
                    break;
                }
                Err(RequestError::Api(error)) => {
                    tracing::error!(%error, url = %self.url, "bot: Telegram refused the webhook");
                    break;
                }
                Err(error) => {
                    tracing::warn!(%error, "bot: cannot set the webhook; trying again");
                    tokio::time::sleep(run::RECONNECT).await;
                }
            }
        }
        self.inbox
    }
}

/// `POST /telegram/webhook`, to merge into the app's router.
pub fn router<S: Clone + Send + Sync + 'static>(door: Door) -> Router<S> {
    Router::new().route(PATH, post(receive).with_state(door))
}

/// 401 without the secret, 400 for a body that is not an update, 503 when the bot cannot take
/// it now (Telegram sends it again), 200 once it is queued for the dispatcher.
async fn receive(State(door): State<Door>, headers: HeaderMap, body: Body) -> StatusCode {
    let sent = headers
        .get(SECRET_HEADER)
        .map_or(&[][..], |value| value.as_bytes());
    if !bool::from(sent.ct_eq(door.secret.expose_secret().as_bytes())) {
        return StatusCode::UNAUTHORIZED;
    }
    // The server's body limit applies already (perimeter::BODY_LIMIT).
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::BAD_REQUEST;
    };
    let Some(update) = parse(&bytes) else {
        return StatusCode::BAD_REQUEST;
    };
    if door.mailbox.put(update) {
        StatusCode::OK
    } else {
        tracing::warn!("bot: cannot take a webhook update now; Telegram will send it again");
        StatusCode::SERVICE_UNAVAILABLE
    }
}

/// The update in a body, if it is one. teloxide's parser panics on a few malformed updates (a
/// poll answer without a voter); those are refused like any other body that is no update.
fn parse(body: &[u8]) -> Option<Update> {
    match std::panic::catch_unwind(|| serde_json::from_slice::<Update>(body)) {
        Ok(Ok(update)) => Some(update),
        Ok(Err(error)) => {
            // Where, not what: the body may hold someone's message.
            tracing::warn!(
                kind = ?error.classify(),
                line = error.line(),
                column = error.column(),
                "bot: a webhook call is not an update"
            );
            None
        }
        Err(_) => {
            tracing::warn!("bot: a webhook call is not an update (the parser gave up)");
            None
        }
    }
}
