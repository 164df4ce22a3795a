//! `ALLOWED_HOSTS`: the Host check.

use app::server::AppState;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
}
