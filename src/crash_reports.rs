//! `POST /crash-reports`: what broke in a browser (a panic of the app's WASM with its message, an
//! uncaught error or rejected promise), with the route it broke on, written to the server's log as
//! an error, and so to Sentry when it is configured (`telemetry.rs`). Pages send them from
//! `public/crash-reports.js`. Anyone may send one, signed in or not: a report is small (8 KB at
//! most, each field cut to its length), limited per address, and never answered with more than a
//! status. The release WASM's frames in the stack, bare function indexes, are named in the log's
//! `symbolized` field (`wasm_symbols.rs`).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Extension, Router};
use serde::Deserialize;

use crate::perimeter;
use crate::rest::error::ApiError;
use crate::rest::extract::ApiJson;
use crate::wasm_symbols::WasmSymbols;
use app::server::{AppState, ServiceError};

pub const PATH: &str = "/crash-reports";

/// The most a report's body may weigh.
const MAX_BODY: usize = 8 * 1024;

#[derive(Debug, Deserialize)]
struct CrashReport {
    /// `panic`, `error` or `rejection`.
    kind: String,
    message: String,
    /// The page's path and query when it broke.
    route: String,
    #[serde(default)]
    stack: String,
}

pub fn router(symbols: Arc<WasmSymbols>) -> Router<AppState> {
    Router::new()
        .route(PATH, post(report))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(Extension(symbols))
}

async fn report(
    State(state): State<AppState>,
    Extension(symbols): Extension<Arc<WasmSymbols>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(report): ApiJson<CrashReport>,
) -> Result<StatusCode, ApiError> {
    state
        .limits
        .check_crash_report(perimeter::client_ip(peer, &headers))
        .map_err(ServiceError::from)?;
    let kind = match report.kind.as_str() {
        kind @ ("panic" | "error" | "rejection") => kind,
        _ => "unknown",
    };
    let symbolized = symbols.symbolize(&report.stack);
    let symbolized = (!symbolized.is_empty()).then(|| printable(&symbolized, 3000));
    tracing::error!(
        target: "browser",
        kind,
        route = %printable(&report.route, 300),
        stack = %printable(&report.stack, 3000),
        symbolized = symbolized.as_deref(),
        user_agent = %printable(header(&headers, "user-agent"), 300),
        "browser {kind}: {}",
        printable(&report.message, 1000),
    );
    Ok(StatusCode::NO_CONTENT)
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

/// At most `max` characters of `text`, control characters (a newline that would forge a log line)
/// shown as spaces.
fn printable(text: &str, max: usize) -> String {
    let mut shown: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn fields_are_cut_and_control_characters_blanked() {
        assert_eq!(printable("short", 10), "short");
        assert_eq!(printable("0123456789abc", 10), "0123456789…");
        assert_eq!(printable("a\rb\u{1b}[31mc", 10), "a b [31mc");
        assert_eq!(
            printable("trace\nat f", 20),
            "trace at f",
            "one report, one log line"
        );
    }
}
