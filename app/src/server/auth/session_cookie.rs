//! The browser session's cookie: `vectora_session=<token>.<HMAC-SHA256(token)>`, HttpOnly,
//! SameSite=Lax, `Secure` in production. The signature (keyed from `SECRET_KEY`) turns away forged
//! cookies before the database is asked; the token itself names a row of `sessions`.

use hmac::{Hmac, Mac};
use http::HeaderMap;
use sha2::{Digest, Sha256};

use super::secret_token::SecretToken;

pub const COOKIE: &str = "vectora_session";
/// How long a browser stays signed in.
pub const MAX_AGE_SECS: i64 = 30 * 24 * 3600;

type HmacSha256 = Hmac<Sha256>;

/// The key that signs session cookies (and the Telegram-linking state bound to a session).
#[derive(Clone)]
pub struct SessionKey {
    key: [u8; 32],
    secure: bool,
}

impl SessionKey {
    /// Derived from `SECRET_KEY` (sessions survive restarts and work across replicas); without
    /// one (development), a random key for this process.
    pub fn new(secret_key: Option<&str>, secure: bool) -> SessionKey {
        let key = match secret_key {
            Some(secret) => Sha256::digest(format!("vectora session v1\n{secret}")).into(),
            None => {
                let mut key = [0u8; 32];
                getrandom::fill(&mut key).expect("the OS has a random source");
                key
            }
        };
        SessionKey { key, secure }
    }

    fn mac(&self, purpose: &str, message: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b"\n");
        mac.update(message.as_bytes());
        mac
    }

    pub fn cookie_value(&self, token: &SecretToken) -> String {
        let signature = self.mac("session", token.expose()).finalize().into_bytes();
        format!("{}.{}", token.expose(), hex::encode(signature))
    }

    /// The token in a cookie value whose signature holds (compared in constant time).
    pub fn token(&self, value: &str) -> Option<SecretToken> {
        let (token, signature) = value.split_once('.')?;
        let token = SecretToken::parse(token)?;
        let signature = hex::decode(signature).ok()?;
        self.mac("session", token.expose())
            .verify_slice(&signature)
            .ok()
            .map(|_| token)
    }

    /// The session token a request's `Cookie` header carries, when it is genuine.
    pub fn from_headers(&self, headers: &HeaderMap) -> Option<SecretToken> {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|header| header.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .filter(|(name, _)| *name == COOKIE)
            .find_map(|(_, value)| self.token(value))
    }

    /// A `state` for the Login Widget's callback that only this session's page can produce:
    /// a signed-in user links Telegram only by their own click.
    pub fn link_state(&self, token: &SecretToken) -> String {
        hex::encode(
            self.mac("link telegram", &token.hash())
                .finalize()
                .into_bytes(),
        )
    }

    pub fn link_state_holds(&self, token: &SecretToken, state: &str) -> bool {
        hex::decode(state).is_ok_and(|state| {
            self.mac("link telegram", &token.hash())
                .verify_slice(&state)
                .is_ok()
        })
    }

    /// `Set-Cookie` for a new session.
    pub fn set_cookie(&self, token: &SecretToken) -> String {
        format!(
            "{COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age={MAX_AGE_SECS}{}",
            self.cookie_value(token),
            self.secure_attr()
        )
    }

    /// `Set-Cookie` that makes the browser forget its session.
    pub fn clear_cookie(&self) -> String {
        format!(
            "{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
            self.secure_attr()
        )
    }

    fn secure_attr(&self) -> &'static str {
        if self.secure { "; Secure" } else { "" }
    }
}

/// Whether a request carries any cookie this app authenticates with (so it needs the CSRF check).
pub fn has_session_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, _)| name == COOKIE || name == super::dev_session::COOKIE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_cookies_round_trip_and_forgeries_fail() {
        let key = SessionKey::new(Some("k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa"), true);
        let token = SecretToken::generate().unwrap();
        let value = key.cookie_value(&token);
        assert_eq!(key.token(&value), Some(token.clone()));
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::COOKIE,
            format!("a=b; {COOKIE}={value}").parse().unwrap(),
        );
        assert_eq!(key.from_headers(&headers), Some(token.clone()));
        assert!(has_session_cookie(&headers));

        let other = SecretToken::generate().unwrap();
        let forged = format!("{}.{}", other.expose(), value.split_once('.').unwrap().1);
        assert_eq!(key.token(&forged), None);
        assert_eq!(key.token(token.expose()), None);
        assert_eq!(SessionKey::new(None, false).token(&value), None);

        let cookie = key.set_cookie(&token);
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(cookie.contains("Secure") && cookie.contains("Max-Age=2592000"));
        assert!(
            !SessionKey::new(None, false)
                .set_cookie(&token)
                .contains("Secure")
        );

        let state = key.link_state(&token);
        assert!(key.link_state_holds(&token, &state));
        assert!(!key.link_state_holds(&other, &state));
        assert!(!key.link_state_holds(&token, "zz"));
    }
}
