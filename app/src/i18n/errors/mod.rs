//! Why something was refused, in Russian and English: the words every door shares. Field and
//! account errors are also shown by the browser; the rest only by the server's doors (the API's
//! `detail`, the sign-in failure page), so the WASM does not carry them.

pub mod account;
pub mod field;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod sign_in;
