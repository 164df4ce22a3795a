//! The request log of the real binary: one line per request, and never a credential.

use serde_json::json;

use crate::binary::{Serving, free_port, serve_command};
use crate::helpers::*;

#[tokio::test]
async fn one_line_per_request_without_credentials() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut command = serve_command(&db, port, dir.path());
    command.env("LOG_LEVEL", "info");
    let server = Serving::start(command, port).await;
    let base = &server.base;

    let user = TestUser::new(8001);
    let init_data = user.init_data();
    let client = reqwest::Client::new();
    let created = client
        .post(format!("{base}/api/v1/tasks"))
        .header("Authorization", format!("tma {init_data}"))
        .header("x-request-id", "req-created-1")
        .json(&json!({"title": "logged"}))
        .fetch()
        .await;
    assert_eq!(created.status(), 201);
    let refused = client
        .get(format!("{base}/api/v1/tasks"))
        .header("X-Telegram-Init-Data", init_data.replace("8001", "8002"))
        .fetch()
        .await;
    assert_eq!(refused.status(), 401);
    let link_token = "c0ffee".repeat(10) + "c0ff";
    let link = client
        .get(format!("{base}/auth/link/{link_token}"))
        .fetch()
        .await;
    assert_eq!(link.status(), 404);
    let password = "logged1password";
    let login = client
        .post(format!("{base}/auth/login"))
        .json(&json!({"username": "nobody", "password": password}))
        .fetch()
        .await;
    assert_eq!(login.status(), 401);

    server.terminate();
    let (_, log) = server.exited().await;
    let log: Vec<&str> = log.lines().collect();

    // Besides the health checks that waited for the server to come up.
    let requests: Vec<&str> = log
        .iter()
        .copied()
        .filter(|l| l.contains("finished processing request") && !l.contains("path=/health"))
        .collect();
    assert_eq!(requests.len(), 4, "{log:#?}");
    let post = requests[0];
    for part in [
        "method=POST",
        "path=/api/v1/tasks",
        "request_id=req-created-1",
        "status=201",
        "latency=",
    ] {
        assert!(post.contains(part), "{part} in {post}");
    }
    assert!(requests[1].contains("status=401"), "{}", requests[1]);
    let hash = init_data.split("hash=").nth(1).unwrap();
    for line in &log {
        assert!(!line.contains(hash), "initData hash in the log: {line}");
        assert!(!line.contains("auth_date"), "initData in the log: {line}");
        assert!(!line.contains(BOT_TOKEN), "bot token in the log: {line}");
        assert!(
            !line.contains(&link_token),
            "sign-in link in the log: {line}"
        );
        assert!(!line.contains(password), "password in the log: {line}");
        assert!(
            !line.contains('\u{1b}'),
            "colour codes in a non-terminal log: {line}"
        );
    }
}
