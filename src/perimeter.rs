//! What every request passes before any handler: the Host check, CORS, size and time limits, and
//! the security headers every response carries.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use app::server::AppState;
use app::server::auth::session_cookie;
use app::server::config::Config;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Bodies of JSON API requests; a task with the longest description fits many times over.
pub const API_BODY_LIMIT: usize = 256 * 1024;
/// Bodies of any other request (server functions, forms).
pub const BODY_LIMIT: usize = 1024 * 1024;
/// A request that takes longer is answered 408 and its work dropped.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Refuses (400) a request whose Host is not in `ALLOWED_HOSTS` when that list is set. `/health`
/// answers whatever the Host, for health checks that call the container by its own address.
pub async fn check_host(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let allowed = &state.config.allowed_hosts;
    if allowed.is_empty() || request.uri().path() == "/health" {
        return next.run(request).await;
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .or_else(|| {
            request
                .uri()
                .authority()
                .map(|authority| authority.as_str())
        });
    match host {
        Some(host) if host_allowed(host, allowed) => next.run(request).await,
        _ => (
            StatusCode::BAD_REQUEST,
            "Bad Request: this host name is not served here.\n",
        )
            .into_response(),
    }
}

/// `host` (with or without its port) names one of `allowed`, ignoring case; an entry with a port
/// matches only that port.
fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let name = strip_port(host);
    allowed
        .iter()
        .any(|entry| entry.eq_ignore_ascii_case(host) || entry.eq_ignore_ascii_case(name))
}

fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host
            .split_once(']')
            .map_or(host, |(name, _)| &host[..=name.len()]);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// A request path as the log shows it: a one-time sign-in link's token is a credential.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("/auth/link/") {
        Some(token) if !token.is_empty() => "/auth/link/[redacted]".into(),
        _ => path.into(),
    }
}

/// CSRF: a state-changing request (POST, PUT, PATCH, DELETE, server functions included) that a
/// browser's cookie would authenticate must come from the app's own pages: its `Origin` (or, when
/// a browser sends none, its `Referer`) is the app's origin (`PUBLIC_URL`, or the `Host` it was
/// sent to) or one of `CORS_ORIGINS`. Requests with credentials in a header (initData, a token)
/// carry nothing a forged request could ride on and pass; so do cookie-less requests without an
/// origin (scripts). A foreign origin is refused even without a cookie: no signing a browser
/// into someone else's account from another site.
pub async fn check_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let changes_state = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let headers = request.headers();
    let header_credentials =
        headers.contains_key(header::AUTHORIZATION) || headers.contains_key("x-telegram-init-data");
    if !changes_state || header_credentials {
        return next.run(request).await;
    }
    let cookie = session_cookie::has_session_cookie(headers);
    let origin = headers
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|value| value.to_str().ok())
                .and_then(origin_of)
        });
    let allowed = match &origin {
        Some(origin) => same_origin(origin, headers, &state.config),
        None => !cookie,
    };
    if allowed {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "Forbidden: this request did not come from the app's own pages (cross-site request refused).\n",
        )
            .into_response()
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}"))
}

fn same_origin(origin: &str, headers: &HeaderMap, config: &Config) -> bool {
    let origin = origin.trim_end_matches('/');
    if let Some(public) = config.public_url.as_deref().and_then(origin_of)
        && origin.eq_ignore_ascii_case(&public)
    {
        return true;
    }
    if config
        .cors_origins
        .iter()
        .any(|allowed| origin.eq_ignore_ascii_case(allowed.trim_end_matches('/')))
    {
        return true;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    match (host, origin.split_once("://")) {
        (Some(host), Some((scheme, authority))) => {
            matches!(scheme, "http" | "https") && authority.eq_ignore_ascii_case(host)
        }
        _ => false,
    }
}

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

/// Cross-origin access for exactly the origins in `CORS_ORIGINS`, with credentials; none when
/// the list is empty (the app's own pages are same-origin and need no CORS).
pub fn cors(config: &Config) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = config
        .cors_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin.trim_end_matches('/')).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_credentials(true)
            .allow_methods([
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::PATCH,
                Method::DELETE,
            ])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::ACCEPT_LANGUAGE,
                HeaderName::from_static("x-telegram-init-data"),
            ])
            .expose_headers([header::RETRY_AFTER, header::ETAG])
            .max_age(Duration::from_secs(600)),
    )
}

/// The address a request comes from: the peer, or, when the peer is a proxy on this machine or
/// its private network (the deployment's nginx), the address that proxy reports.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    let peer = peer.ip();
    if !is_local(peer) {
        return peer;
    }
    let reported = headers
        .get("x-real-ip")
        .and_then(|value| value.to_str().ok())
        .or_else(|| {
            headers
                .get("x-forwarded-for")
                .and_then(|value| value.to_str().ok())
                .and_then(|list| list.rsplit(',').next())
        })
        .and_then(|ip| ip.trim().parse().ok());
    reported.unwrap_or(peer)
}

fn is_local(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => ip.is_loopback() || ip.is_private(),
        IpAddr::V6(ip) => {
            ip.is_loopback()
                || ip.is_unique_local()
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|ip| ip.is_loopback() || ip.is_private())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_by_name_or_exact_port() {
        let allowed = vec!["tasks.example.com".to_owned(), "127.0.0.1:8000".to_owned()];
        assert!(host_allowed("tasks.example.com", &allowed));
        assert!(host_allowed("TASKS.example.com:443", &allowed));
        assert!(host_allowed("127.0.0.1:8000", &allowed));
        assert!(!host_allowed("127.0.0.1:9000", &allowed));
        assert!(!host_allowed("evil.example.com", &allowed));
        assert!(!host_allowed("tasks.example.com.evil.net", &allowed));
        assert_eq!(strip_port("[::1]:8000"), "[::1]");
        assert_eq!(strip_port("[::1]"), "[::1]");
    }

    #[test]
    fn origins_are_read_from_urls() {
        assert_eq!(
            origin_of("https://tasks.example.com/settings?x=1").as_deref(),
            Some("https://tasks.example.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3000").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(origin_of("null"), None);
        assert_eq!(origin_of("https:///path"), None);
    }

    #[test]
    fn a_local_proxy_reports_the_client() {
        let proxy: SocketAddr = "172.18.0.5:40000".parse().unwrap();
        let outside: SocketAddr = "203.0.113.9:40000".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "198.51.100.1, 198.51.100.7".parse().unwrap(),
        );
        assert_eq!(
            client_ip(proxy, &headers),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip(outside, &headers),
            "203.0.113.9".parse::<IpAddr>().unwrap(),
            "a client on the internet cannot pick its own address"
        );
        assert_eq!(
            client_ip(proxy, &HeaderMap::new()),
            "172.18.0.5".parse::<IpAddr>().unwrap()
        );
    }
}
