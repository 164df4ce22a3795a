//! A server function's action for the forms of the first screen: `ServerAction` without its reader
//! of the error a plain form's post brings back in the URL (`__err`, base64 of the error's JSON),
//! which carries a whole base64 engine into the first WASM (bench/WASM_SIZE.md). The error is
//! read here with a decoder of that one alphabet instead, so the page shows it beside the form,
//! on the server and once hydrated alike.

use leptos::prelude::*;
use leptos::server::ServerActionError;
use leptos::server_fn::ServerFn;
use leptos::server_fn::error::FromServerFnError;

use crate::server_fns::AppError;

pub fn form_action<S>() -> Action<S, Result<S::Output, AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let posted = use_context::<ServerActionError>()
        .filter(|error| error.path() == S::PATH)
        .map(|error| Err(url_error(error.err())));
    Action::new_with_value(posted, |input: &S| S::run_on_client(input.clone()))
}

fn url_error(encoded: &str) -> AppError {
    base64_url(encoded).map_or(AppError::Internal, |json| AppError::de(json.into()))
}

/// RFC 4648's URL-safe base64, padded or not.
fn base64_url(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        } as u32)
    };
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= digit(c)? << (18 - 6 * i);
        }
        let whole = [(bits >> 16) as u8, (bits >> 8) as u8, bits as u8];
        bytes.extend_from_slice(&whole[..chunk.len() - 1]);
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_url_safe_base64_with_and_without_padding() {
        assert_eq!(base64_url("").as_deref(), Some(&b""[..]));
        assert_eq!(base64_url("Zg==").as_deref(), Some(&b"f"[..]));
        assert_eq!(base64_url("Zm8").as_deref(), Some(&b"fo"[..]));
        assert_eq!(base64_url("Zm9v").as_deref(), Some(&b"foo"[..]));
        assert_eq!(base64_url("-_-_").as_deref(), Some(&[0xfb, 0xff, 0xbf][..]));
        assert_eq!(base64_url("Zm9vY"), None);
        assert_eq!(base64_url("Zm+v"), None);
    }

    #[test]
    fn reads_the_error_a_plain_form_brings_back() {
        // What the server put in `__err` for an empty quick-add line (tests/api/server_fns.rs).
        let json = r#""validation:text=no_title""#;
        let encoded = base64_encode(json.as_bytes());
        let error = url_error(&encoded);
        let AppError::Validation(fields) = error else {
            panic!("{error:?}");
        };
        assert_eq!(fields.get("text"), Some(&crate::model::FieldError::NoTitle));
        assert_eq!(url_error("not base64!"), AppError::Internal);
    }

    fn base64_encode(bytes: &[u8]) -> String {
        const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut text = String::new();
        for chunk in bytes.chunks(3) {
            let bits = chunk
                .iter()
                .enumerate()
                .fold(0u32, |bits, (i, &b)| bits | (b as u32) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                text.push(DIGITS[(bits >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        text
    }
}
