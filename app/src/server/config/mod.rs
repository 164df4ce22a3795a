//! Typed settings from the environment (and a `.env` file), checked once at start. Reading and
//! checking them is `env.rs`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use secrecy::SecretString;

mod env;
mod secret_url;
#[cfg(test)]
mod tests;

pub use secret_url::{SecretUrl, redact};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BotMode {
    Polling,
    Webhook,
    Off,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub app_env: AppEnv,
    pub database_url: SecretUrl,
    pub run_migrations: bool,
    pub site_addr: SocketAddr,
    pub public_url: Option<String>,
    pub telegram_bot_token: Option<SecretString>,
    /// The bot's @username (without the @): the Login Widget on the sign-in page needs it.
    pub telegram_bot_username: Option<String>,
    pub telegram_api_url: String,
    pub bot_mode: BotMode,
    /// What Telegram must send in `X-Telegram-Bot-Api-Secret-Token` with each webhook call:
    /// `WEBHOOK_SECRET`, or one derived from the token. Always set when the bot runs by webhook.
    pub webhook_secret: Option<SecretString>,
    pub secret_key: Option<SecretString>,
    pub allowed_hosts: Vec<String>,
    pub cors_origins: Vec<String>,
    /// Development only: origins besides the app and Telegram Web that may frame the app (the
    /// end-to-end tests' stand-in for Telegram Web).
    pub extra_frame_ancestors: Vec<String>,
    pub log_level: String,
    pub auth_max_age: Duration,
    pub rate_limit_per_minute: u32,
    /// Sign-in attempts a minute from one client address.
    pub sign_in_rate_limit_per_minute: u32,
    /// Memory for list pages served again until the user's tasks change; 0 turns it off.
    pub list_cache_mb: u64,
    pub sentry_dsn: Option<SecretString>,
    /// The maps of the release WASM's function names, which name the functions of the browsers'
    /// crash reports; unset, the directory beside the site root (`target/site-symbols`).
    pub wasm_symbols_dir: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} has an invalid value: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error(
        "SECRET_KEY must be set to a random value of at least {min} characters when APP_ENV=production \
         (generate one with: openssl rand -hex 32)"
    )]
    WeakSecretKey { min: usize },
    #[error(
        "ALLOWED_HOSTS must list the host names the app is served under when APP_ENV=production (e.g. ALLOWED_HOSTS=tasks.example.com)"
    )]
    NoAllowedHosts,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://vectora.db?mode=rwc";
pub const MIN_SECRET_KEY_LEN: usize = 32;

impl Config {
    /// Reads the process environment, after loading `.env` from the working directory if present.
    pub fn from_env() -> Result<Config, ConfigError> {
        let _ = dotenvy::dotenv();
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn is_production(&self) -> bool {
        self.app_env == AppEnv::Production
    }
}
