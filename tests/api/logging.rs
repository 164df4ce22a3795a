//! The request log of the real binary: one line per request, and never a credential.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;

use crate::helpers::*;

/// Stops the server however the test ends.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

#[tokio::test]
async fn one_line_per_request_without_credentials() {
    let db = TestDb::new().await;
    let mut child = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_vectora"))
            .env_clear()
            .env("DATABASE_URL", &db.url)
            .env("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
            .env("BOT_MODE", "off")
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("LOG_LEVEL", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the vectora binary starts"),
    );
    let (lines_tx, lines) = mpsc::channel::<String>();
    let stdout = child.0.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let listening = lines
        .recv_timeout(Duration::from_secs(30))
        .expect("a first log line");
    let addr = listening
        .split("addr=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect(&listening)
        .to_owned();

    let user = TestUser::new(8001);
    let init_data = user.init_data();
    let client = reqwest::Client::new();
    let created = client
        .post(format!("http://{addr}/api/v1/tasks"))
        .header("Authorization", format!("tma {init_data}"))
        .header("x-request-id", "req-created-1")
        .json(&json!({"title": "logged"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let refused = client
        .get(format!("http://{addr}/api/v1/tasks"))
        .header("X-Telegram-Init-Data", init_data.replace("8001", "8002"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    let link_token = "c0ffee".repeat(10) + "c0ff";
    let link = client
        .get(format!("http://{addr}/auth/link/{link_token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(link.status(), 404);
    let password = "logged1password";
    let login = client
        .post(format!("http://{addr}/auth/login"))
        .json(&json!({"username": "nobody", "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 401);

    let mut log = vec![listening];
    while log
        .iter()
        .filter(|l| l.contains("finished processing request"))
        .count()
        < 4
    {
        log.push(
            lines
                .recv_timeout(Duration::from_secs(10))
                .expect("a line per request"),
        );
    }
    drop(child);

    let requests: Vec<&String> = log
        .iter()
        .filter(|l| l.contains("finished processing request"))
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
