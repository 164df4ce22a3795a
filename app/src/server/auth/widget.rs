//! The Telegram Login Widget's callback: https://core.telegram.org/widgets/login#checking-authorization
//!
//! Unlike initData, the secret is SHA-256(bot token) and the fields are plain query parameters
//! (`id`, `first_name`, `last_name`, `username`, `photo_url`, `auth_date`, `hash`). A payload signed
//! under one rule never passes the other.

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::AuthError;
use super::init_data::TelegramUser;

type HmacSha256 = Hmac<Sha256>;

/// Our own parameter on the callback URL (the Settings page's link request); not Telegram's, so
/// not part of what Telegram signed.
pub const STATE_PARAM: &str = "state";
const MAX_LEN: usize = 4 * 1024;
const MAX_SKEW_SECS: i64 = 300;

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

    let data_check_string = pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("\n");
    let secret = Sha256::digest(bot_token.as_bytes());
    let mut mac = HmacSha256::new_from_slice(&secret).expect("HMAC takes any key length");
    mac.update(data_check_string.as_bytes());
    mac.verify_slice(&hash)
        .map_err(|_| AuthError::BadSignature)?;

    let field = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    let auth_date = field("auth_date")
        .and_then(|v| v.parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .ok_or(AuthError::Malformed)?;
    let age = now.signed_duration_since(auth_date).num_seconds();
    if age > max_age.as_secs() as i64 || age < -MAX_SKEW_SECS {
        return Err(AuthError::Expired);
    }
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
