//! What every request passes before any handler: the Host check (`host`), CORS (`cors`), CSRF
//! (`csrf`), size and time limits, and the security headers every response carries
//! (`security_headers`); `client_ip` reads the client's address behind the proxy.

mod client_ip;
mod cors;
mod csrf;
mod host;
mod security_headers;

use std::time::Duration;

pub use client_ip::client_ip;
pub use cors::cors;
pub use csrf::check_origin;
pub use host::check_host;
pub use security_headers::{SecurityHeaders, docs_content_security_policy, security_headers};

/// Bodies of JSON API requests; a task with the longest description fits many times over.
pub const API_BODY_LIMIT: usize = 256 * 1024;
/// Bodies of any other request (server functions, forms).
pub const BODY_LIMIT: usize = 1024 * 1024;
/// A request that takes longer is answered 408 and its work dropped.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A request path as the log shows it: a one-time sign-in link's token is a credential.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("/auth/link/") {
        Some(token) if !token.is_empty() => "/auth/link/[redacted]".into(),
        _ => path.into(),
    }
}
