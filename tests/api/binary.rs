//! The real `vectora` binary as a separate process, for what only a process shows (signals,
//! reporting at exit): started on a free loopback port against a test database, bot off.

use std::path::Path;
use std::process::{Command, Stdio};

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
