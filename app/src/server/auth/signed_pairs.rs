//! Telegram's signed key/value pairs, the one parser for initData and the Login Widget's callback: a
//! query string whose `hash` is the HMAC-SHA256 of its data-check-string (the other pairs sorted by
//! key, as `key=value` lines joined by `\n`). The two formats differ in the secret, which each
//! passes to `verify`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::error::AuthError;

/// How far in the future an `auth_date` may lie (clock skew between Telegram and us).
const MAX_SKEW_SECS: i64 = 300;

/// Pairs as received, sorted by key, `hash` set apart; nothing in them is trusted yet.
#[derive(Debug)]
pub struct SignedPairs {
    pairs: Vec<(String, String)>,
    hash: Vec<u8>,
}

/// Pairs whose signature held.
#[derive(Debug)]
pub struct VerifiedPairs {
    pairs: Vec<(String, String)>,
}

impl SignedPairs {
    /// Refuses an empty input or one over `max_len` bytes, a repeated key, and a missing or
    /// non-hex `hash`.
    pub fn parse(raw: &str, max_len: usize) -> Result<SignedPairs, AuthError> {
        if raw.is_empty() || raw.len() > max_len {
            return Err(AuthError::Malformed);
        }
        let mut pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
            .into_owned()
            .collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        if pairs.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(AuthError::Malformed);
        }
        let hash = take(&mut pairs, "hash").ok_or(AuthError::MissingHash)?;
        let hash = hex::decode(hash).map_err(|_| AuthError::BadSignature)?;
        Ok(SignedPairs { pairs, hash })
    }

    /// Sets apart a parameter that is not part of what was signed.
    pub fn take_unsigned(&mut self, name: &str) -> Option<String> {
        take(&mut self.pairs, name)
    }

    /// Checks `hash` (in constant time) with the HMAC-SHA256 key `secret`.
    pub fn verify(self, secret: &[u8]) -> Result<VerifiedPairs, AuthError> {
        let data_check_string = self
            .pairs
            .iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
        mac.update(data_check_string.as_bytes());
        mac.verify_slice(&self.hash)
            .map_err(|_| AuthError::BadSignature)?;
        Ok(VerifiedPairs { pairs: self.pairs })
    }
}

impl VerifiedPairs {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The signed `auth_date`, refused when older than `max_age` or too far in the future.
    pub fn fresh_auth_date(
        &self,
        now: DateTime<Utc>,
        max_age: Duration,
    ) -> Result<DateTime<Utc>, AuthError> {
        let auth_date = self
            .field("auth_date")
            .and_then(|v| v.parse::<i64>().ok())
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .ok_or(AuthError::Malformed)?;
        let age = now.signed_duration_since(auth_date).num_seconds();
        if age > max_age.as_secs() as i64 || age < -MAX_SKEW_SECS {
            return Err(AuthError::Expired);
        }
        Ok(auth_date)
    }
}

fn take(pairs: &mut Vec<(String, String)>, name: &str) -> Option<String> {
    pairs
        .iter()
        .position(|(key, _)| key == name)
        .map(|at| pairs.remove(at).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a=1\nb=2` signed with the key `secret`.
    const SIGNED: &str = "b=2&a=1&hash=";

    fn signed(extra: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(b"secret").unwrap();
        mac.update(b"a=1\nb=2");
        format!(
            "{SIGNED}{}{extra}",
            hex::encode(mac.finalize().into_bytes())
        )
    }

    #[test]
    fn the_data_check_string_is_the_sorted_pairs_without_hash_or_unsigned_ones() {
        let pairs = SignedPairs::parse(&signed(""), 100).unwrap();
        let verified = pairs.verify(b"secret").unwrap();
        assert_eq!(verified.field("a"), Some("1"));
        assert_eq!(verified.field("hash"), None);

        let mut with_state = SignedPairs::parse(&signed("&state=x"), 100).unwrap();
        assert_eq!(with_state.take_unsigned("state").as_deref(), Some("x"));
        assert!(with_state.verify(b"secret").is_ok());
        let state_signed = SignedPairs::parse(&signed("&state=x"), 100).unwrap();
        assert_eq!(
            state_signed.verify(b"secret").unwrap_err(),
            AuthError::BadSignature
        );
        let other_key = SignedPairs::parse(&signed(""), 100).unwrap();
        assert_eq!(
            other_key.verify(b"other").unwrap_err(),
            AuthError::BadSignature
        );
    }

    #[test]
    fn malformed_input_is_refused_before_any_signature() {
        let parse = |raw: &str| SignedPairs::parse(raw, 100).map(|_| ());
        assert_eq!(parse(""), Err(AuthError::Malformed));
        assert_eq!(parse(&"a".repeat(101)), Err(AuthError::Malformed));
        assert_eq!(parse("a=1&a=2&hash=00"), Err(AuthError::Malformed));
        assert_eq!(parse("a=1"), Err(AuthError::MissingHash));
        assert_eq!(parse("a=1&hash=zz"), Err(AuthError::BadSignature));
    }
}
