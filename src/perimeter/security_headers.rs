//! The security headers every response carries, and the Content-Security-Policy's frame rules.

use std::sync::Arc;

use anyhow::Context;
use app::server::config::Config;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The headers every answer carries (pages, API, static files and errors alike), built once from
/// the configuration. A header a handler set itself is left as it is.
#[derive(Clone)]
pub struct SecurityHeaders(Arc<Vec<(HeaderName, HeaderValue)>>);

impl SecurityHeaders {
    pub fn new(config: &Config) -> anyhow::Result<SecurityHeaders> {
        let mut headers = vec![
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_str(&content_security_policy(config))
                    .context("EXTRA_FRAME_ANCESTORS must be origins like http://127.0.0.2:*")?,
            ),
            (
                HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
            ),
        ];
        if config.is_production() {
            headers.push((
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=63072000; includeSubDomains"),
            ));
        }
        Ok(SecurityHeaders(Arc::new(headers)))
    }
}

pub async fn security_headers(
    State(security): State<SecurityHeaders>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in security.0.iter() {
        if !headers.contains_key(name) {
            headers.insert(name.clone(), value.clone());
        }
    }
    response
}

/// Framed only by the app itself and Telegram Web (the Mini App's cross-site iframe), plus in
/// development the origins of `EXTRA_FRAME_ANCESTORS`.
fn content_security_policy(config: &Config) -> String {
    format!(
        "frame-ancestors {}; base-uri 'self'; object-src 'none'; form-action 'self'",
        frame_ancestors(config)
    )
}

fn frame_ancestors(config: &Config) -> String {
    let mut ancestors = String::from("'self' https://web.telegram.org");
    for origin in &config.extra_frame_ancestors {
        ancestors.push(' ');
        ancestors.push_str(origin);
    }
    ancestors
}

/// Swagger UI's own policy: its scripts, styles and the document come from this server only
/// (its styles set inline `style`s, and its icons are `data:` images); nothing else is fetched.
pub fn docs_content_security_policy(config: &Config) -> String {
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self' data:; connect-src 'self'; \
         frame-ancestors {}; base-uri 'self'; object-src 'none'; form-action 'self'",
        frame_ancestors(config)
    )
}
