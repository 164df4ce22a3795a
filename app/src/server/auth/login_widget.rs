//! The Telegram Login Widget's callback: https://core.telegram.org/widgets/login#checking-authorization
//!
//! Unlike initData, the secret is SHA-256(bot token) and the fields are plain query parameters
//! (`id`, `first_name`, `last_name`, `username`, `photo_url`, `auth_date`, `hash`). A payload signed
//! under one rule never passes the other.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::error::AuthError;
use super::signed_pairs::SignedPairs;
use super::telegram_user::TelegramUser;

/// Our own parameter on the callback URL (the Settings page's link request); not Telegram's, so
/// not part of what Telegram signed.
pub const STATE_PARAM: &str = "state";
const MAX_LEN: usize = 4 * 1024;

/// A verified widget sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetAuth {
    pub user: TelegramUser,
    pub auth_date: DateTime<Utc>,
    /// `state`, when the callback URL carried one.
    pub state: Option<String>,
}

/// Checks the signature of the callback's query string first, then freshness, then reads it.
pub fn verify(
    query: &str,
    bot_token: &str,
    max_age: Duration,
    now: DateTime<Utc>,
) -> Result<WidgetAuth, AuthError> {
    let mut pairs = SignedPairs::parse(query, MAX_LEN)?;
    let state = pairs.take_unsigned(STATE_PARAM);
    let pairs = pairs.verify(&Sha256::digest(bot_token.as_bytes()))?;
    let auth_date = pairs.fresh_auth_date(now, max_age)?;
    let id = pairs
        .field("id")
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or(AuthError::NoUser)?;
    let user = TelegramUser {
        id,
        first_name: pairs.field("first_name").unwrap_or_default().to_owned(),
        last_name: pairs.field("last_name").map(str::to_owned),
        username: pairs.field("username").map(str::to_owned),
        language_code: None,
    };
    Ok(WidgetAuth {
        user,
        auth_date,
        state,
    })
}

#[cfg(test)]
mod tests;
