//! Typed settings from the environment (and a `.env` file), checked once at start.

use std::net::SocketAddr;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

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
    pub database_url: String,
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
const PLACEHOLDER_SECRETS: [&str; 3] = ["change-me", "changeme", "your-secret-key"];

fn invalid(name: &'static str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        name,
        reason: reason.into(),
    }
}

fn list(value: Option<String>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

fn flag(name: &'static str, value: Option<String>, default: bool) -> Result<bool, ConfigError> {
    match value.as_deref().map(|v| v.trim().to_ascii_lowercase()) {
        None => Ok(default),
        Some(v) if v.is_empty() => Ok(default),
        Some(v) => match v.as_str() {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" => Ok(false),
            _ => Err(invalid(name, "expected true or false")),
        },
    }
}

fn number<T: std::str::FromStr>(
    name: &'static str,
    value: Option<String>,
    default: T,
) -> Result<T, ConfigError> {
    match value.filter(|v| !v.trim().is_empty()) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| invalid(name, "expected a whole number")),
    }
}

/// `@name` or `name`: 5–32 Latin letters, digits or `_`, as Telegram allows.
fn bot_username(value: Option<String>) -> Result<Option<String>, ConfigError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let name = value.trim_start_matches('@');
    if (5..=32).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        Ok(Some(name.to_owned()))
    } else {
        Err(invalid(
            "TELEGRAM_BOT_USERNAME",
            "expected the bot's username, like VectoraBot",
        ))
    }
}

/// `WEBHOOK_SECRET` as Telegram accepts a `secret_token`: 1–256 of `A-Z a-z 0-9 _ -`.
fn webhook_secret(value: Option<String>) -> Result<Option<SecretString>, ConfigError> {
    let Some(value) = value else {
        return Ok(None);
    };
    if value.len() <= 256
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        Ok(Some(SecretString::from(value)))
    } else {
        Err(invalid(
            "WEBHOOK_SECRET",
            "expected 1 to 256 characters, each a Latin letter, a digit, _ or - (Telegram's rule)",
        ))
    }
}

/// The webhook secret when none is set: the same for every replica with this token, and useless
/// to anyone without it.
fn derived_webhook_secret(token: &SecretString) -> SecretString {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("vectora-webhook:{}", token.expose_secret()));
    SecretString::from(hex::encode(digest))
}

fn secret(value: Option<String>) -> Option<SecretString> {
    value
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .map(SecretString::from)
}

impl Config {
    /// Reads the process environment, after loading `.env` from the working directory if present.
    pub fn from_env() -> Result<Config, ConfigError> {
        let _ = dotenvy::dotenv();
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests can pass their own environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let app_env = match get("APP_ENV")
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("development") | Some("dev") => AppEnv::Development,
            Some("production") | Some("prod") => AppEnv::Production,
            Some(_) => return Err(invalid("APP_ENV", "expected development or production")),
        };
        let telegram_bot_token = secret(get("TELEGRAM_BOT_TOKEN"));
        let bot_mode = match get("BOT_MODE")
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None => {
                if telegram_bot_token.is_none() {
                    BotMode::Off
                } else if get("PUBLIC_URL").is_some() && app_env == AppEnv::Production {
                    BotMode::Webhook
                } else {
                    BotMode::Polling
                }
            }
            Some("polling") => BotMode::Polling,
            Some("webhook") => BotMode::Webhook,
            Some("off") => BotMode::Off,
            Some(_) => return Err(invalid("BOT_MODE", "expected polling, webhook or off")),
        };
        let site_addr = get("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|_| {
                invalid(
                    "LEPTOS_SITE_ADDR",
                    "expected an address like 127.0.0.1:3000",
                )
            })?;
        let public_url = get("PUBLIC_URL").map(|url| url.trim_end_matches('/').to_owned());
        if let Some(url) = &public_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(invalid("PUBLIC_URL", "expected an http(s) URL"));
        }
        let mut webhook_secret = webhook_secret(get("WEBHOOK_SECRET"))?;
        if bot_mode == BotMode::Webhook
            && let Some(token) = &telegram_bot_token
        {
            if public_url.is_none() {
                return Err(invalid(
                    "PUBLIC_URL",
                    "required with BOT_MODE=webhook: Telegram sends updates to PUBLIC_URL/telegram/webhook",
                ));
            }
            webhook_secret.get_or_insert_with(|| derived_webhook_secret(token));
        }
        let auth_max_age = number("AUTH_MAX_AGE", get("AUTH_MAX_AGE"), 86_400u64)?;
        if auth_max_age == 0 {
            return Err(invalid("AUTH_MAX_AGE", "must be at least 1 second"));
        }
        let rate_limit_per_minute = number(
            "RATE_LIMIT_PER_MINUTE",
            get("RATE_LIMIT_PER_MINUTE"),
            100u32,
        )?;
        if rate_limit_per_minute == 0 {
            return Err(invalid("RATE_LIMIT_PER_MINUTE", "must be at least 1"));
        }
        let sign_in_rate_limit_per_minute = number(
            "SIGN_IN_RATE_LIMIT_PER_MINUTE",
            get("SIGN_IN_RATE_LIMIT_PER_MINUTE"),
            10u32,
        )?;
        if sign_in_rate_limit_per_minute == 0 {
            return Err(invalid(
                "SIGN_IN_RATE_LIMIT_PER_MINUTE",
                "must be at least 1",
            ));
        }

        let config = Config {
            app_env,
            database_url: get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            run_migrations: flag("RUN_MIGRATIONS", get("RUN_MIGRATIONS"), true)?,
            site_addr,
            public_url,
            telegram_bot_token,
            telegram_bot_username: bot_username(get("TELEGRAM_BOT_USERNAME"))?,
            telegram_api_url: get("TELEGRAM_API_URL")
                .unwrap_or_else(|| "https://api.telegram.org".into())
                .trim_end_matches('/')
                .to_owned(),
            bot_mode,
            webhook_secret,
            secret_key: secret(get("SECRET_KEY")),
            allowed_hosts: list(get("ALLOWED_HOSTS")),
            cors_origins: list(get("CORS_ORIGINS")),
            extra_frame_ancestors: list(get("EXTRA_FRAME_ANCESTORS")),
            log_level: get("LOG_LEVEL").unwrap_or_else(|| "info".into()),
            auth_max_age: Duration::from_secs(auth_max_age),
            rate_limit_per_minute,
            sign_in_rate_limit_per_minute,
            list_cache_mb: number("LIST_CACHE_MB", get("LIST_CACHE_MB"), 16u64)?,
            sentry_dsn: secret(get("SENTRY_DSN")),
        };
        config.check_production()?;
        Ok(config)
    }

    fn check_production(&self) -> Result<(), ConfigError> {
        if self.app_env != AppEnv::Production {
            return Ok(());
        }
        let weak = match &self.secret_key {
            None => true,
            Some(key) => {
                let key = key.expose_secret();
                key.chars().count() < MIN_SECRET_KEY_LEN
                    || PLACEHOLDER_SECRETS
                        .iter()
                        .any(|p| key.to_ascii_lowercase().contains(p))
                    || key.chars().all(|c| key.starts_with(c))
            }
        };
        if weak {
            return Err(ConfigError::WeakSecretKey {
                min: MIN_SECRET_KEY_LEN,
            });
        }
        if self.allowed_hosts.is_empty() {
            return Err(ConfigError::NoAllowedHosts);
        }
        if !self.extra_frame_ancestors.is_empty() {
            return Err(ConfigError::Invalid {
                name: "EXTRA_FRAME_ANCESTORS",
                reason: "only for development: production is framed by Telegram Web alone".into(),
            });
        }
        Ok(())
    }

    pub fn is_production(&self) -> bool {
        self.app_env == AppEnv::Production
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| env.get(name).cloned())
    }

    #[test]
    fn development_defaults_need_nothing() {
        let config = load(&[]).unwrap();
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(config.bot_mode, BotMode::Off);
        assert_eq!(config.auth_max_age, Duration::from_secs(86_400));
        assert_eq!(config.rate_limit_per_minute, 100);
        assert!(config.run_migrations);
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn production_refuses_weak_secrets_and_missing_hosts() {
        let strong = "k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa";
        assert_eq!(
            load(&[("APP_ENV", "production")]).unwrap_err(),
            ConfigError::WeakSecretKey { min: 32 }
        );
        assert_eq!(
            load(&[("APP_ENV", "production"), ("SECRET_KEY", "short")]).unwrap_err(),
            ConfigError::WeakSecretKey { min: 32 }
        );
        assert_eq!(
            load(&[("APP_ENV", "production"), ("SECRET_KEY", &"a".repeat(40))]).unwrap_err(),
            ConfigError::WeakSecretKey { min: 32 }
        );
        assert_eq!(
            load(&[("APP_ENV", "production"), ("SECRET_KEY", strong)]).unwrap_err(),
            ConfigError::NoAllowedHosts
        );
        let config = load(&[
            ("APP_ENV", "production"),
            ("SECRET_KEY", strong),
            ("ALLOWED_HOSTS", "a.example, b.example"),
        ])
        .unwrap();
        assert_eq!(config.allowed_hosts, ["a.example", "b.example"]);
        let framed = load(&[
            ("APP_ENV", "production"),
            ("SECRET_KEY", strong),
            ("ALLOWED_HOSTS", "a.example"),
            ("EXTRA_FRAME_ANCESTORS", "https://evil.example"),
        ])
        .unwrap_err();
        assert!(
            framed.to_string().contains("EXTRA_FRAME_ANCESTORS"),
            "{framed}"
        );
    }

    #[test]
    fn bad_values_name_the_variable_but_never_a_secret() {
        let err = load(&[("AUTH_MAX_AGE", "soon")]).unwrap_err();
        assert!(err.to_string().contains("AUTH_MAX_AGE"));
        assert!(load(&[("BOT_MODE", "sometimes")]).is_err());
        assert!(load(&[("TELEGRAM_BOT_USERNAME", "bad name\"")]).is_err());
        let named = load(&[("TELEGRAM_BOT_USERNAME", "@VectoraBot")]).unwrap();
        assert_eq!(named.telegram_bot_username.as_deref(), Some("VectoraBot"));
        let config = load(&[("TELEGRAM_BOT_TOKEN", "123:SECRET-TOKEN")]).unwrap();
        assert_eq!(config.bot_mode, BotMode::Polling);
        assert!(!format!("{config:?}").contains("SECRET-TOKEN"));
    }

    #[test]
    fn webhook_mode_needs_a_public_url_and_has_a_secret() {
        let token = ("TELEGRAM_BOT_TOKEN", "123:SECRET-TOKEN");
        let webhook = ("BOT_MODE", "webhook");
        let no_url = load(&[token, webhook]).unwrap_err();
        assert!(no_url.to_string().contains("PUBLIC_URL"), "{no_url}");

        let url = ("PUBLIC_URL", "https://tasks.example");
        let derived = load(&[token, webhook, url]).unwrap();
        assert_eq!(derived.bot_mode, BotMode::Webhook);
        let exposed = |config: &Config| {
            config
                .webhook_secret
                .as_ref()
                .map(|secret| secret.expose_secret().to_owned())
        };
        let secret = exposed(&derived).expect("derived from the token");
        assert_eq!(secret.len(), 64);
        assert!(!secret.contains("SECRET-TOKEN"));
        assert_eq!(
            exposed(&load(&[token, webhook, url]).unwrap()),
            Some(secret.clone()),
            "every replica derives the same one"
        );
        let other = load(&[("TELEGRAM_BOT_TOKEN", "123:OTHER"), webhook, url]).unwrap();
        assert_ne!(exposed(&other), Some(secret.clone()));
        assert!(!format!("{derived:?}").contains(&secret));

        let given = load(&[token, webhook, url, ("WEBHOOK_SECRET", "my_Secret-1")]).unwrap();
        assert_eq!(exposed(&given).as_deref(), Some("my_Secret-1"));
        let polling = load(&[token, ("BOT_MODE", "polling")]).unwrap();
        assert!(polling.webhook_secret.is_none());
        let no_bot = load(&[webhook]).unwrap();
        assert!(
            no_bot.webhook_secret.is_none(),
            "no token: no bot, no webhook"
        );
    }

    #[test]
    fn a_webhook_secret_outside_telegrams_charset_is_refused_without_showing_it() {
        let long = "a".repeat(257);
        for bad in ["has space", "ключ", "semi;colon", long.as_str()] {
            let error = load(&[("WEBHOOK_SECRET", bad)]).unwrap_err();
            assert!(error.to_string().contains("WEBHOOK_SECRET"), "{error}");
            assert!(!error.to_string().contains(bad), "{error}");
        }
        let longest = "a".repeat(256);
        assert!(load(&[("WEBHOOK_SECRET", longest.as_str())]).is_ok());
    }

    #[test]
    fn production_with_a_public_url_defaults_to_the_webhook() {
        let config = load(&[
            ("APP_ENV", "production"),
            ("SECRET_KEY", "k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa"),
            ("ALLOWED_HOSTS", "tasks.example"),
            ("PUBLIC_URL", "https://tasks.example"),
            ("TELEGRAM_BOT_TOKEN", "123:SECRET-TOKEN"),
        ])
        .unwrap();
        assert_eq!(config.bot_mode, BotMode::Webhook);
        assert!(config.webhook_secret.is_some());
    }
}
