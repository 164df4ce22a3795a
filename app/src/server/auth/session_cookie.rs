//! The browser session's cookie: `vectora_session`, its random token signed with the app's cookie
//! key (`signed_cookies`), which turns away forged cookies before the database is asked; the token
//! itself names a row of `sessions`.

use http::HeaderMap;
use secrecy::ExposeSecret;

use super::secret_token::SecretToken;
use super::signed_cookies::{SignedCookies, request_cookies};

pub const COOKIE: &str = "vectora_session";
const LINK_TELEGRAM: &str = "link telegram";

/// The session token a request's cookie carries, when it is genuine.
pub fn token(cookies: &SignedCookies, headers: &HeaderMap) -> Option<SecretToken> {
    cookies
        .verified(headers, COOKIE)
        .find_map(|value| SecretToken::parse(&value))
}

/// `Set-Cookie` for a new session.
pub fn set(cookies: &SignedCookies, token: &SecretToken) -> String {
    cookies.set(COOKIE, token.expose_secret())
}

/// `Set-Cookie` that makes the browser forget its session.
pub fn clear(cookies: &SignedCookies) -> String {
    cookies.clear(COOKIE)
}

/// A `state` for the Login Widget's callback that only this session's page can produce:
/// a signed-in user links Telegram only by their own click.
pub fn link_state(cookies: &SignedCookies, token: &SecretToken) -> String {
    cookies.signature(LINK_TELEGRAM, &token.hash())
}

pub fn link_state_holds(cookies: &SignedCookies, token: &SecretToken, state: &str) -> bool {
    cookies.signature_holds(LINK_TELEGRAM, &token.hash(), state)
}

/// Whether a request carries any cookie this app authenticates with (so it needs the CSRF check).
pub fn has_session_cookie(headers: &HeaderMap) -> bool {
    request_cookies(headers)
        .any(|cookie| cookie.name() == COOKIE || cookie.name() == super::dev_session::COOKIE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::auth::dev_session;

    fn request(cookie_header: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::COOKIE, cookie_header.parse().unwrap());
        headers
    }

    /// `name=value` of a `Set-Cookie`.
    fn pair(set_cookie: &str) -> &str {
        set_cookie.split(';').next().unwrap()
    }

    #[test]
    fn signed_sessions_round_trip_and_forgeries_fail() {
        let cookies = SignedCookies::new(Some("k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa"), true);
        let session = SecretToken::generate().unwrap();
        let set_cookie = set(&cookies, &session);
        let headers = request(&format!("a=b; {}", pair(&set_cookie)));
        assert_eq!(
            token(&cookies, &headers)
                .as_ref()
                .map(ExposeSecret::expose_secret),
            Some(session.expose_secret())
        );
        assert!(has_session_cookie(&headers));
        assert!(!has_session_cookie(&request("a=b")));

        let other = SecretToken::generate().unwrap();
        let forged = pair(&set_cookie).replace(session.expose_secret(), other.expose_secret());
        assert!(token(&cookies, &request(&forged)).is_none());
        let unsigned = format!("{COOKIE}={}", session.expose_secret());
        assert!(token(&cookies, &request(&unsigned)).is_none());
        assert!(token(&SignedCookies::new(None, false), &headers).is_none());

        let state = link_state(&cookies, &session);
        assert!(link_state_holds(&cookies, &session, &state));
        assert!(!link_state_holds(&cookies, &other, &state));
        assert!(!link_state_holds(&cookies, &session, "zz"));
    }

    #[test]
    fn a_development_cookie_is_no_session_and_back() {
        let cookies = SignedCookies::new(None, false);
        let dev = dev_session::set(&cookies, 42);
        let as_session = pair(&dev).replace(dev_session::COOKIE, COOKIE);
        assert!(token(&cookies, &request(&as_session)).is_none());

        let session = SecretToken::generate().unwrap();
        let as_dev = pair(&set(&cookies, &session)).replace(COOKIE, dev_session::COOKIE);
        assert_eq!(dev_session::user_id(&cookies, &request(&as_dev)), None);
    }
}
