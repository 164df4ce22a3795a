//! Telegram Mini App initData: https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::error::AuthError;
use super::signed_pairs::SignedPairs;
use super::telegram_user::TelegramUser;

/// initData is a few hundred bytes; anything far larger is not from Telegram.
const MAX_LEN: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitData {
    pub user: TelegramUser,
    pub auth_date: DateTime<Utc>,
    pub start_param: Option<String>,
}

/// The Mini App's rule: the secret is HMAC-SHA256 of the bot token keyed with "WebAppData".
fn secret(bot_token: &str) -> Vec<u8> {
    let mut secret =
        Hmac::<Sha256>::new_from_slice(b"WebAppData").expect("HMAC takes any key length");
    secret.update(bot_token.as_bytes());
    secret.finalize().into_bytes().to_vec()
}

/// Checks the signature first, then freshness, then reads the fields.
pub fn verify(
    raw: &str,
    bot_token: &str,
    max_age: Duration,
    now: DateTime<Utc>,
) -> Result<InitData, AuthError> {
    let pairs = SignedPairs::parse(raw, MAX_LEN)?.verify(&secret(bot_token))?;
    let auth_date = pairs.fresh_auth_date(now, max_age)?;
    let user: TelegramUser = serde_json::from_str(pairs.field("user").ok_or(AuthError::NoUser)?)
        .map_err(|_| AuthError::Malformed)?;
    Ok(InitData {
        user,
        auth_date,
        start_param: pairs.field("start_param").map(str::to_owned),
    })
}

#[cfg(test)]
mod tests;
