//! The Telegram Login Widget's callback: https://core.telegram.org/widgets/login#checking-authorization
//!
//! Unlike initData, the secret is SHA-256(bot token) and the fields are plain query parameters
//! (`id`, `first_name`, `last_name`, `username`, `photo_url`, `auth_date`, `hash`). A payload signed
//! under one rule never passes the other.

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::error::AuthError;
use super::init_data::{check_signature, field, fresh_auth_date};
use super::telegram_user::TelegramUser;

type HmacSha256 = Hmac<Sha256>;

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
    if query.is_empty() || query.len() > MAX_LEN {
        return Err(AuthError::Malformed);
    }
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    if pairs.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(AuthError::Malformed);
    }
    let take = |pairs: &mut Vec<(String, String)>, name: &str| {
        pairs
            .iter()
            .position(|(key, _)| key == name)
            .map(|at| pairs.remove(at).1)
    };
    let state = take(&mut pairs, STATE_PARAM);
    let hash = take(&mut pairs, "hash").ok_or(AuthError::MissingHash)?;
    let hash = hex::decode(hash).map_err(|_| AuthError::BadSignature)?;

    let secret = Sha256::digest(bot_token.as_bytes());
    let mac = HmacSha256::new_from_slice(&secret).expect("HMAC takes any key length");
    check_signature(&pairs, mac, &hash)?;
    let field = |name: &str| field(&pairs, name);
    let auth_date = fresh_auth_date(field("auth_date"), now, max_age)?;
    let id = field("id")
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or(AuthError::NoUser)?;
    let user = TelegramUser {
        id,
        first_name: field("first_name").unwrap_or_default().to_owned(),
        last_name: field("last_name").map(str::to_owned),
        username: field("username").map(str::to_owned),
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
