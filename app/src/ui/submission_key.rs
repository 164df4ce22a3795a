//! A fresh key for each submission of a creating form, sent with it so that the server creates
//! once however often the same submission arrives (`server::idempotency`). The server renders the
//! first one into the form (what a plain HTML post sends); the browser makes the next ones.

/// 32 random hexadecimal digits; empty (the server then creates without a key) when there is no
/// random source.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    if !fill(&mut bytes) {
        return String::new();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(feature = "ssr")]
fn fill(bytes: &mut [u8]) -> bool {
    getrandom::fill(bytes).is_ok()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn fill(bytes: &mut [u8]) -> bool {
    for byte in bytes {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
    true
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn fill(_bytes: &mut [u8]) -> bool {
    false
}
