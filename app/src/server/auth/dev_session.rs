//! The development-only sign-in: a browser becomes a chosen Telegram user without Telegram, so a
//! local run and the browser tests can use the app. Its cookie, `vectora_dev_session`, is the user
//! id signed with the app's cookie key (`signed_cookies`); it is read only with
//! `APP_ENV=development` (`AppState::dev_sign_in`).

use http::HeaderMap;

use super::signed_cookies::SignedCookies;

pub const COOKIE: &str = "vectora_dev_session";

/// The user id a request's development cookie names, when its signature holds.
pub fn user_id(cookies: &SignedCookies, headers: &HeaderMap) -> Option<i64> {
    cookies
        .verified(headers, COOKIE)
        .find_map(|value| value.parse().ok())
}

/// `Set-Cookie` signing the browser in as `user_id`.
pub fn set(cookies: &SignedCookies, user_id: i64) -> String {
    cookies.set(COOKIE, &user_id.to_string())
}

/// `Set-Cookie` that makes the browser forget the development sign-in.
pub fn clear(cookies: &SignedCookies) -> String {
    cookies.clear(COOKIE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_ids_round_trip_and_forgeries_fail() {
        let cookies = SignedCookies::new(Some("k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa"), false);
        let pair = set(&cookies, 42).split(';').next().unwrap().to_owned();
        let request = |cookie: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(http::header::COOKIE, cookie.parse().unwrap());
            headers
        };
        assert_eq!(
            user_id(&cookies, &request(&format!("a=b; {pair}; c=d"))),
            Some(42)
        );
        let forged = format!("{}43", pair.strip_suffix("42").unwrap());
        assert_eq!(user_id(&cookies, &request(&forged)), None);
        assert_eq!(user_id(&cookies, &request(&format!("{COOKIE}=42"))), None);
        let other_key = SignedCookies::new(None, false);
        assert_eq!(user_id(&other_key, &request(&pair)), None);
    }
}
