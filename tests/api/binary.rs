//! The real `vectora` binary as a separate process, for what only a process shows (signals,
//! reporting at exit): started on a free loopback port against a test database, bot off.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Duration;

use reqwest::StatusCode;

use crate::helpers::{BOT_TOKEN, TestDb};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `vectora serve` on `port`, run in `dir` (where it would read a `.env`), with only these
/// settings; add more with `.env(…)` before spawning.
pub fn serve_command(db: &TestDb, port: u16, dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vectora"));
    command
        .arg("serve")
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
        .env("BOT_MODE", "off")
        .env("LOG_LEVEL", "warn")
        .env("RATE_LIMIT_PER_MINUTE", "1000000")
        .env("SIGN_IN_RATE_LIMIT_PER_MINUTE", "1000000")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// A `serve_command` running, its log (standard output) kept; killed if the test ends first.
pub struct Serving {
    pub base: String,
    child: Option<Child>,
    log: Option<std::thread::JoinHandle<String>>,
}

impl Serving {
    /// Starts `command` (a `serve_command` for `port`) and waits until it answers /health.
    pub async fn start(mut command: Command, port: u16) -> Serving {
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .expect("the vectora binary starts");
        let mut stdout = child.stdout.take().unwrap();
        let log = std::thread::spawn(move || {
            let mut log = String::new();
            stdout.read_to_string(&mut log).ok();
            log
        });
        let serving = Serving {
            base: format!("http://127.0.0.1:{port}"),
            child: Some(child),
            log: Some(log),
        };
        serving.wait_until_healthy().await;
        serving
    }

    async fn wait_until_healthy(&self) {
        let health = format!("{}/health", self.base);
        for _ in 0..300 {
            if reqwest::get(&health)
                .await
                .is_ok_and(|r| r.status() == StatusCode::OK)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not come up");
    }

    /// Sends SIGTERM, as a container runtime stops the server.
    pub fn terminate(&self) {
        let pid = self.child.as_ref().unwrap().id();
        let sent = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits until the server has exited; returns how, and all it logged.
    pub async fn exited(mut self) -> (ExitStatus, String) {
        let mut child = self.child.take().unwrap();
        let log = self.log.take().unwrap();
        tokio::task::spawn_blocking(move || {
            let status = child.wait().unwrap();
            (status, log.join().unwrap())
        })
        .await
        .unwrap()
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            child.kill().ok();
            child.wait().ok();
        }
    }
}
