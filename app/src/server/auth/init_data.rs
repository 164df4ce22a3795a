//! Telegram Mini App initData: https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::error::AuthError;
use super::telegram_user::TelegramUser;

type HmacSha256 = Hmac<Sha256>;

/// initData is a few hundred bytes; anything far larger is not from Telegram.
const MAX_LEN: usize = 16 * 1024;
/// How far in the future an `auth_date` may lie (clock skew between Telegram and us).
const MAX_SKEW_SECS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitData {
    pub user: TelegramUser,
    pub auth_date: DateTime<Utc>,
    pub start_param: Option<String>,
}

fn signature_key(bot_token: &str) -> HmacSha256 {
    let mut secret = HmacSha256::new_from_slice(b"WebAppData").expect("HMAC takes any key length");
    secret.update(bot_token.as_bytes());
    let secret = secret.finalize().into_bytes();
    HmacSha256::new_from_slice(&secret).expect("HMAC takes any key length")
}

/// Checks the signature first, then freshness, then reads the fields.
pub fn verify(
    raw: &str,
    bot_token: &str,
    max_age: Duration,
    now: DateTime<Utc>,
) -> Result<InitData, AuthError> {
    if raw.is_empty() || raw.len() > MAX_LEN {
        return Err(AuthError::Malformed);
    }
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
        .into_owned()
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    if pairs.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(AuthError::Malformed);
    }
    let hash_at = pairs
        .iter()
        .position(|(key, _)| key == "hash")
        .ok_or(AuthError::MissingHash)?;
    let (_, hash) = pairs.remove(hash_at);
    let hash = hex::decode(hash).map_err(|_| AuthError::BadSignature)?;

    check_signature(&pairs, signature_key(bot_token), &hash)?;
    let field = |name: &str| field(&pairs, name);
    let auth_date = fresh_auth_date(field("auth_date"), now, max_age)?;
    let user: TelegramUser = serde_json::from_str(field("user").ok_or(AuthError::NoUser)?)
        .map_err(|_| AuthError::Malformed)?;
    Ok(InitData {
        user,
        auth_date,
        start_param: field("start_param").map(str::to_owned),
    })
}

/// Checks `hash` over the data-check-string of `pairs` (sorted `key=value` lines): the step
/// initData and the Login Widget share; they differ in the key.
pub(super) fn check_signature(
    pairs: &[(String, String)],
    mut mac: HmacSha256,
    hash: &[u8],
) -> Result<(), AuthError> {
    let data_check_string = pairs
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("\n");
    mac.update(data_check_string.as_bytes());
    mac.verify_slice(hash).map_err(|_| AuthError::BadSignature)
}

pub(super) fn field<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The signed `auth_date`, refused when older than `max_age` or too far in the future.
pub(super) fn fresh_auth_date(
    value: Option<&str>,
    now: DateTime<Utc>,
    max_age: Duration,
) -> Result<DateTime<Utc>, AuthError> {
    let auth_date = value
        .and_then(|v| v.parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .ok_or(AuthError::Malformed)?;
    let age = now.signed_duration_since(auth_date).num_seconds();
    if age > max_age.as_secs() as i64 || age < -MAX_SKEW_SECS {
        return Err(AuthError::Expired);
    }
    Ok(auth_date)
}

#[cfg(test)]
mod tests;
