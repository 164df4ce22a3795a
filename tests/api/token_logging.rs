//! A token's secret never reaches the log, even at debug level: not on creation, not when used,
//! not when refused after revocation.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

#[tokio::test]
async fn secrets_stay_out_of_the_log() {
    let db = TestDb::new().await;
    let mut child = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_vectora"))
            .env_clear()
            .env("DATABASE_URL", &db.url)
            .env("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("LOG_LEVEL", "debug")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the vectora binary starts"),
    );
    let (lines_tx, lines) = mpsc::channel::<String>();
    for stream in [
        Box::new(child.0.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.0.stderr.take().unwrap()),
    ] {
        let lines_tx = lines_tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = lines_tx.send(line);
            }
        });
    }
    let mut log = Vec::new();
    let addr = loop {
        let line = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("the server says where it listens");
        let addr = Some(&line)
            .filter(|line| line.contains("listening"))
            .and_then(|line| line.split("addr=").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_owned);
        log.push(line);
        if let Some(addr) = addr {
            break addr;
        }
    };

    let client = reqwest::Client::new();
    let user = TestUser::new(9601);
    let created = client
        .post(format!("http://{addr}/api/v1/tokens"))
        .header("Authorization", format!("tma {}", user.init_data()))
        .json(&json!({"name": "logged?"}))
        .send()
        .await
        .unwrap();
    let status = created.status();
    let created: Value = created.json().await.unwrap();
    assert_eq!(status, 201, "{created}");
    let secret = created["token"]
        .as_str()
        .unwrap_or_else(|| panic!("no token in {created}"))
        .to_owned();
    let bearer = format!("Bearer {secret}");
    let used = client
        .get(format!("http://{addr}/api/v1/tasks"))
        .header("Authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(used.status(), 200);
    let id = created["id"].as_i64().unwrap();
    let revoked = client
        .delete(format!("http://{addr}/api/v1/tokens/{id}"))
        .header("Authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 204);
    let refused = client
        .get(format!("http://{addr}/api/v1/tasks"))
        .header("Authorization", &bearer)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);

    let finished = |log: &[String]| {
        log.iter()
            .filter(|l| l.contains("finished processing request"))
            .count()
    };
    while finished(&log) < 4 {
        log.push(
            lines
                .recv_timeout(Duration::from_secs(10))
                .expect("a line per request"),
        );
    }
    // Whatever else arrives in a moment.
    while let Ok(line) = lines.recv_timeout(Duration::from_millis(200)) {
        log.push(line);
    }
    drop(child);

    let hex = secret.trim_start_matches("vct_");
    for line in &log {
        assert!(!line.contains(hex), "a token's secret in the log: {line}");
    }
}
