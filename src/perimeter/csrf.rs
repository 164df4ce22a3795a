//! CSRF: state-changing requests that a cookie would authenticate come from the app's own pages.

use app::server::AppState;
use app::server::auth::session_cookie;
use app::server::config::Config;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
