//! v0.2's task routes (`/tasks/`, `/tasks/{id}`, `/tasks/metadata/categories|tags`), as clients
//! written against v0.2 call them, with `X-Telegram-Init-Data`: answered by `/api/v1`, marked
//! deprecated (RFC 9745) with a `Link` to the new path. A call with no credentials at all that
//! does not ask for HTML is a v0.2 client's too, and gets the API's 401. Anything else on
//! `/tasks/…` (a browser's navigation, the app's own requests with its credentials) stays the
//! app's pages.

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use tower::ServiceExt;
use tower_http::request_id::RequestId;

use super::BASE_PATH;

/// When the v0.2 routes became deprecated: 2026-11-30T00:00:00Z, as an RFC 9745 date.
const DEPRECATED_SINCE: &str = "@1795996800";

/// The `/api/v1` path that answers a v0.2 task path, if it is one.
pub fn successor(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/tasks")?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let segments: Vec<&str> = rest.split('/').skip(1).collect();
    let known = match segments.as_slice() {
        [] => true,
        [id] => !id.is_empty(),
        ["metadata", "categories" | "tags"] => true,
        _ => false,
    };
    known.then(|| format!("{BASE_PATH}/tasks{rest}"))
}

/// Middleware: hands v0.2 calls to `api` (the `/api/v1` router), everything else on to `next`.
pub async fn forward(State(api): State<Router>, request: Request, next: Next) -> Response {
    let new_path = match successor(request.uri().path()) {
        Some(path) if is_v02_call(request.headers()) => path,
        _ => return next.run(request).await,
    };
    let target = match request.uri().query() {
        Some(query) => format!("{new_path}?{query}"),
        None => new_path.clone(),
    };
    let Ok(uri) = target.parse::<Uri>() else {
        return next.run(request).await;
    };
    let Ok(mut response) = api.oneshot(rerouted(request, uri)).await;
    let headers = response.headers_mut();
    headers.insert("deprecation", HeaderValue::from_static(DEPRECATED_SINCE));
    if let Ok(link) = HeaderValue::from_str(&format!("<{new_path}>; rel=\"successor-version\"")) {
        headers.append(header::LINK, link);
    }
    response
}

/// Whether a request for a v0.2 path is a v0.2 client's: it carries v0.2's header, or no
/// credentials at all and does not ask for HTML (a browser's navigation always names text/html).
fn is_v02_call(headers: &HeaderMap) -> bool {
    if headers.contains_key("x-telegram-init-data") {
        return true;
    }
    let credentials =
        headers.contains_key(header::AUTHORIZATION) || headers.contains_key(header::COOKIE);
    let asks_for_html = headers.get_all(header::ACCEPT).iter().any(|accept| {
        accept
            .to_str()
            .is_ok_and(|accept| accept.contains("text/html"))
    });
    !credentials && !asks_for_html
}

/// The request sent to `uri`, without what routing it here attached (the path parameters of the
/// app's `/tasks/{id}` page would add to the API's own).
fn rerouted(request: Request, uri: Uri) -> Request {
    let (parts, body) = request.into_parts();
    let mut fresh = Request::new(body);
    *fresh.method_mut() = parts.method;
    *fresh.uri_mut() = uri;
    *fresh.version_mut() = parts.version;
    *fresh.headers_mut() = parts.headers;
    if let Some(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>() {
        fresh.extensions_mut().insert(*peer);
    }
    if let Some(id) = parts.extensions.get::<RequestId>() {
        fresh.extensions_mut().insert(id.clone());
    }
    fresh
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue, header};

    use super::{is_v02_call, successor};

    #[test]
    fn v02_paths_map_to_api_v1() {
        assert_eq!(successor("/tasks/").as_deref(), Some("/api/v1/tasks"));
        assert_eq!(successor("/tasks").as_deref(), Some("/api/v1/tasks"));
        assert_eq!(successor("/tasks/42").as_deref(), Some("/api/v1/tasks/42"));
        assert_eq!(
            successor("/tasks/metadata/tags").as_deref(),
            Some("/api/v1/tasks/metadata/tags")
        );
        for other in [
            "/tasksx",
            "/tasks//",
            "/tasks/1/2",
            "/tasks/metadata/x",
            "/api/v1/tasks",
        ] {
            assert_eq!(successor(other), None, "{other}");
        }
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    header::HeaderName::from_static(name),
                    HeaderValue::from_static(value),
                )
            })
            .collect()
    }

    #[test]
    fn v02_calls_are_told_from_page_requests() {
        assert!(is_v02_call(&headers(&[("x-telegram-init-data", "x")])));
        assert!(is_v02_call(&headers(&[])));
        assert!(is_v02_call(&headers(&[("accept", "application/json")])));
        assert!(is_v02_call(&headers(&[("accept", "*/*")])));
        for page in [
            ("accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
            ("authorization", "tma query_id=1"),
            ("cookie", "vectora_session=x"),
        ] {
            assert!(!is_v02_call(&headers(&[page])), "{page:?}");
        }
    }
}
