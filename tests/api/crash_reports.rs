//! `POST /crash-reports`: a browser's panic or uncaught error reaches the server's log as an
//! error with its message and route (and Sentry, which takes the log's errors: see sentry.rs);
//! a report is size capped, checked and limited per address.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;
use crate::log_capture::{LogCapture, capture_logs};

#[tokio::test]
async fn a_panic_is_logged_with_its_message_and_route() {
    let log = capture_logs();
    let app = spawn_app().await;
    let report = json!({
        "kind": "panic",
        "message": "panicked at app/src/ui/task_edit.rs:\ncalled `Option::unwrap()` on a `None` value",
        "route": "/tasks/42",
        "stack": "Error\n    at __vectoraCrash (http://localhost/:3:1)\n    at vectora.wasm.app::ui::task_edit",
    });
    let answer = app
        .request(Method::POST, "/crash-reports")
        .header("user-agent", "Mozilla/5.0 (test)")
        .json(&report)
        .fetch()
        .await;
    assert_eq!(answer.status(), StatusCode::NO_CONTENT);
    let line = logged_line(&log, "browser panic");
    assert!(line.contains("ERROR"), "{line}");
    assert!(
        line.contains("called `Option::unwrap()` on a `None` value"),
        "{line}"
    );
    assert!(line.contains("route=/tasks/42"), "{line}");
    assert!(line.contains("app::ui::task_edit"), "the stack: {line}");
    assert!(line.contains("Mozilla/5.0 (test)"), "{line}");
}

#[tokio::test]
async fn a_bad_or_large_report_is_refused_and_logs_nothing() {
    let log = capture_logs();
    let app = spawn_app().await;
    let send = |body: String| {
        app.request(Method::POST, "/crash-reports")
            .header("content-type", "application/json")
            .body(body)
            .fetch()
    };
    let huge = json!({"kind": "error", "message": "x".repeat(9000), "route": "/"});
    assert_eq!(
        send(huge.to_string()).await.status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        send("{not json".into()).await.status(),
        StatusCode::BAD_REQUEST
    );
    let no_route = json!({"kind": "error", "message": "boom"});
    assert_eq!(
        send(no_route.to_string()).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let text = log.text();
    assert!(!text.contains("browser "), "{text}");
}

#[tokio::test]
async fn an_address_sends_a_few_reports_a_minute() {
    let app = spawn_app().await;
    let report = json!({"kind": "error", "message": "RuntimeError: unreachable", "route": "/"});
    for _ in 0..10 {
        let answer = app
            .request(Method::POST, "/crash-reports")
            .json(&report)
            .fetch()
            .await;
        assert_eq!(answer.status(), StatusCode::NO_CONTENT);
    }
    let refused = app
        .request(Method::POST, "/crash-reports")
        .json(&report)
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
}

/// The release WASM has no function names; the server names its frames from the build's maps
/// (`WASM_SYMBOLS_DIR`), and never from a path the report gives.
#[tokio::test]
async fn the_wasm_frames_of_a_stack_are_named_from_the_build_s_maps() {
    let wasm = "vectora.2k7X9XjQxvlmVxQAMHKghw.wasm";
    let symbols = tempfile::tempdir().unwrap();
    std::fs::write(
        symbols.path().join(format!("{wasm}.symbols")),
        "0:__wbg_call_672a4d21634d4a24\n41:_ZN3app2ui9task_edit4save17h0123456789abcdefE\n",
    )
    .unwrap();
    let log = capture_logs();
    let app = spawn_app_with(&[("WASM_SYMBOLS_DIR", symbols.path().to_str().unwrap())]).await;
    let stack = format!(
        "RuntimeError: unreachable\n    at http://127.0.0.1:3000/pkg/{wasm}:wasm-function[41]:0x1a2b\n    \
         at http://127.0.0.1:3000/pkg/../../{wasm}.symbols/x.wasm:wasm-function[0]:0x10\n    \
         at http://127.0.0.1:3000/pkg/{wasm}:wasm-function[4294967296]:0x10"
    );
    let report = json!({"kind": "error", "message": "RuntimeError: unreachable", "route": "/", "stack": stack});
    let answer = app
        .request(Method::POST, "/crash-reports")
        .json(&report)
        .fetch()
        .await;
    assert_eq!(answer.status(), StatusCode::NO_CONTENT);
    let line = logged_line(&log, "browser error");
    assert!(
        line.contains(&format!(
            "symbolized=\"{wasm}:app::ui::task_edit::save | x.wasm:wasm-function[0]\""
        )),
        "{line}"
    );
}

#[tokio::test]
async fn a_stack_without_wasm_frames_has_no_symbolized_field() {
    let log = capture_logs();
    let app = spawn_app().await;
    let report = json!({"kind": "error", "message": "boom", "route": "/", "stack": "Error: boom\n    at f (http://x/:1:2)"});
    app.request(Method::POST, "/crash-reports")
        .json(&report)
        .fetch()
        .await;
    let line = logged_line(&log, "browser error");
    assert!(!line.contains("symbolized"), "{line}");
}

/// The log's first line that mentions `needle` (a report's "browser panic", say).
fn logged_line(log: &LogCapture, needle: &str) -> String {
    let text = log.text();
    text.lines()
        .find(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("no crash in the log: {text}"))
        .to_owned()
}
