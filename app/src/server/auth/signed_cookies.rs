//! The one key that signs this app's cookies, and their attributes. Signing is the `cookie`
//! crate's signed jar (HMAC-SHA256; the value travels prefixed with its base64 MAC); the key is
//! derived from `SECRET_KEY` by HKDF (`Key::derive_from`), so cookies survive restarts and work
//! across replicas. Without `SECRET_KEY` (development) the key is random for this process.
//!
//! The MAC covers the value, not the cookie's name. The values signed with this key never take one
//! another's shape (a session token is 64 hex digits, a development cookie a user id, a signature
//! made for a purpose covers the purpose too), so none passes for another.

use std::borrow::Cow;

use cookie::time::Duration;
use cookie::{Cookie, CookieJar, Key, SameSite};
use hmac::{Hmac, Mac};
use http::HeaderMap;
use sha2::{Digest, Sha256};

/// How long a browser stays signed in.
pub const MAX_AGE_SECS: i64 = 30 * 24 * 3600;

#[derive(Clone)]
pub struct SignedCookies {
    key: Key,
    /// Whether cookies carry `Secure` (production).
    secure: bool,
}

impl SignedCookies {
    pub fn new(secret_key: Option<&str>, secure: bool) -> SignedCookies {
        let key = match secret_key {
            Some(secret) => Key::derive_from(&master_key(secret)),
            None => Key::generate(),
        };
        SignedCookies { key, secure }
    }

    /// The values of the cookies named `name` in a request whose signature holds, in order.
    pub fn verified<'a>(
        &'a self,
        headers: &'a HeaderMap,
        name: &'a str,
    ) -> impl Iterator<Item = String> + 'a {
        let jar = CookieJar::new();
        request_cookies(headers)
            .filter(move |cookie| cookie.name() == name)
            .filter_map(move |cookie| jar.signed(&self.key).verify(cookie.into_owned()))
            .map(|cookie| cookie.value().to_owned())
    }

    /// `Set-Cookie` for `name=value`, signed, kept for `MAX_AGE_SECS`.
    pub fn set(&self, name: &'static str, value: &str) -> String {
        let mut jar = CookieJar::new();
        jar.signed_mut(&self.key)
            .add(self.cookie(name, value.to_owned(), MAX_AGE_SECS));
        jar.get(name).expect("the cookie just added").to_string()
    }

    /// `Set-Cookie` that makes the browser forget `name`.
    pub fn clear(&self, name: &'static str) -> String {
        self.cookie(name, String::new(), 0).to_string()
    }

    /// The signature of `value` for `purpose`, for values that travel outside a cookie: hex of
    /// HMAC-SHA256 under the key's signing half, over `purpose`, a newline and `value` (a cookie
    /// value cannot hold a newline, so no signature passes for a cookie's or the other way round).
    pub fn signature(&self, purpose: &str, value: &str) -> String {
        hex::encode(self.mac(purpose, value).finalize().into_bytes())
    }

    /// Whether `signature` is `signature(purpose, value)` (compared in constant time).
    pub fn signature_holds(&self, purpose: &str, value: &str, signature: &str) -> bool {
        hex::decode(signature)
            .is_ok_and(|signature| self.mac(purpose, value).verify_slice(&signature).is_ok())
    }

    fn mac(&self, purpose: &str, value: &str) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(self.key.signing()).expect("HMAC takes any key length");
        mac.update(format!("{purpose}\n{value}").as_bytes());
        mac
    }

    fn cookie(&self, name: &'static str, value: String, max_age_secs: i64) -> Cookie<'static> {
        Cookie::build((name, value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure)
            .max_age(Duration::seconds(max_age_secs))
            .build()
    }
}

/// Every cookie a request carries, in the order sent (unparsable pairs skipped).
pub fn request_cookies(headers: &HeaderMap) -> impl Iterator<Item = Cookie<'_>> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
}

/// `Key::derive_from` wants at least 32 bytes of key material. Production refuses a `SECRET_KEY`
/// under 32 characters; a shorter development one is stretched by SHA-256 so it still gives the
/// same key after a restart.
fn master_key(secret: &str) -> Cow<'_, [u8]> {
    if secret.len() >= 32 {
        Cow::Borrowed(secret.as_bytes())
    } else {
        Cow::Owned(Sha256::digest(secret.as_bytes()).to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa";

    fn request(cookie_header: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::COOKIE, cookie_header.parse().unwrap());
        headers
    }

    fn value_of(set_cookie: &str) -> &str {
        let pair = set_cookie.split(';').next().unwrap();
        pair.split_once('=').unwrap().1
    }

    #[test]
    fn signed_values_round_trip_and_forgeries_fail() {
        let cookies = SignedCookies::new(Some(SECRET), true);
        let set = cookies.set("c", "42");
        let value = value_of(&set);
        let headers = request(&format!("a=b; c=forged42; c={value}"));
        assert_eq!(cookies.verified(&headers, "c").collect::<Vec<_>>(), ["42"]);
        assert_eq!(cookies.verified(&headers, "a").count(), 0);

        let tampered = format!("{}43", value.strip_suffix("42").unwrap());
        assert_eq!(
            cookies
                .verified(&request(&format!("c={tampered}")), "c")
                .count(),
            0
        );
        let restarted = SignedCookies::new(Some(SECRET), true);
        assert_eq!(
            restarted.verified(&headers, "c").count(),
            1,
            "same SECRET_KEY, same key"
        );
        assert_eq!(
            SignedCookies::new(None, true)
                .verified(&headers, "c")
                .count(),
            0
        );
        let short = SignedCookies::new(Some("dev"), false);
        let short_again = SignedCookies::new(Some("dev"), false);
        let dev = request(&format!("c={}", value_of(&short.set("c", "7"))));
        assert_eq!(short_again.verified(&dev, "c").count(), 1);
    }

    #[test]
    fn cookies_keep_their_attributes() {
        let set = SignedCookies::new(Some(SECRET), true).set("c", "v");
        assert!(set.starts_with("c="), "{set}");
        for attribute in [
            "; HttpOnly",
            "; SameSite=Lax",
            "; Secure",
            "; Path=/",
            "; Max-Age=2592000",
        ] {
            assert!(set.contains(attribute), "{attribute} missing: {set}");
        }
        let development = SignedCookies::new(None, false);
        assert!(!development.set("c", "v").contains("Secure"));
        assert_eq!(
            development.clear("c"),
            "c=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0"
        );
    }

    #[test]
    fn signatures_are_bound_to_their_purpose() {
        let cookies = SignedCookies::new(Some(SECRET), true);
        let signature = cookies.signature("link", "abc");
        assert!(cookies.signature_holds("link", "abc", &signature));
        assert!(!cookies.signature_holds("link", "abd", &signature));
        assert!(!cookies.signature_holds("other", "abc", &signature));
        assert!(!cookies.signature_holds("link", "abc", "zz"));
        assert!(!SignedCookies::new(None, true).signature_holds("link", "abc", &signature));
    }
}
