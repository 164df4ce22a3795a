//! The development-only sign-in: a browser becomes a chosen Telegram user without Telegram, so a
//! local run and the browser tests can use the app. It exists only with `APP_ENV=development`;
//! the accounts issue brings real sessions.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "vectora_dev_session";

/// Signs and checks the cookie `"<user id>.<hex HMAC>"`.
#[derive(Clone)]
pub struct DevSessions {
    key: [u8; 32],
}

impl DevSessions {
    /// Keyed from `SECRET_KEY` when set (sessions survive restarts), else from a random key.
    pub fn new(secret_key: Option<&str>) -> DevSessions {
        let key = match secret_key {
            Some(secret) => Sha256::digest(format!("vectora dev session\n{secret}")).into(),
            None => {
                let mut key = [0u8; 32];
                getrandom::fill(&mut key).expect("the OS has a random source");
                key
            }
        };
        DevSessions { key }
    }

    fn signature(&self, user_id: i64) -> Vec<u8> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(user_id.to_string().as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    pub fn cookie_value(&self, user_id: i64) -> String {
        format!("{user_id}.{}", hex::encode(self.signature(user_id)))
    }

    /// The user id a cookie value names, when its signature holds (compared in constant time).
    pub fn user_id(&self, value: &str) -> Option<i64> {
        let (id, signature) = value.split_once('.')?;
        let id: i64 = id.parse().ok()?;
        let signature = hex::decode(signature).ok()?;
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(id.to_string().as_bytes());
        mac.verify_slice(&signature).ok().map(|_| id)
    }

    /// The session cookie's value in a `Cookie` header, if any.
    pub fn from_cookie_header(&self, header: &str) -> Option<i64> {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .and_then(|(_, value)| self.user_id(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_ids_round_trip_and_forgeries_fail() {
        let sessions = DevSessions::new(Some("k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa"));
        let value = sessions.cookie_value(42);
        assert_eq!(sessions.user_id(&value), Some(42));
        assert_eq!(
            sessions.from_cookie_header(&format!("a=b; {COOKIE}={value}; c=d")),
            Some(42)
        );
        let forged = value.replacen("42.", "43.", 1);
        assert_eq!(sessions.user_id(&forged), None);
        assert_eq!(sessions.user_id("42"), None);
        assert_eq!(sessions.user_id("42.zz"), None);
        let other_key = DevSessions::new(None);
        assert_eq!(other_key.user_id(&value), None);
    }
}
