//! Reading the settings: every variable parsed and checked, and production's extra rules.

use std::path::PathBuf;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use super::{
    AppEnv, BotMode, Config, ConfigError, DEFAULT_DATABASE_URL, MIN_SECRET_KEY_LEN, SecretUrl,
};

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

/// The setting `name` (read with `get`): a whole number of at least 1, or `default` when unset;
/// `unit` names what it counts.
fn positive<T: std::str::FromStr + PartialOrd + From<u8>>(
    get: impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
    unit: &str,
) -> Result<T, ConfigError> {
    let n = number(name, get(name), default)?;
    if n < T::from(1) {
        return Err(invalid(name, format!("must be at least 1{unit}")));
    }
    Ok(n)
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

const MIN_WEBHOOK_SECRET_LEN: usize = 16;

/// `WEBHOOK_SECRET` as Telegram accepts a `secret_token` (up to 256 of `A-Z a-z 0-9 _ -`), and
/// long enough not to be guessed: at least 16 characters.
fn webhook_secret(value: Option<String>) -> Result<Option<SecretString>, ConfigError> {
    let Some(value) = value else {
        return Ok(None);
    };
    if (MIN_WEBHOOK_SECRET_LEN..=256).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        Ok(Some(SecretString::from(value)))
    } else {
        Err(invalid(
            "WEBHOOK_SECRET",
            "expected 16 to 256 characters, each a Latin letter, a digit, _ or - \
             (e.g. openssl rand -hex 32)",
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
        let auth_max_age = positive(get, "AUTH_MAX_AGE", 86_400u64, " second")?;
        let rate_limit_per_minute = positive(get, "RATE_LIMIT_PER_MINUTE", 100u32, "")?;
        let sign_in_rate_limit_per_minute =
            positive(get, "SIGN_IN_RATE_LIMIT_PER_MINUTE", 10u32, "")?;

        let config = Config {
            app_env,
            database_url: SecretUrl::new(
                get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            ),
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
            wasm_symbols_dir: get("WASM_SYMBOLS_DIR").map(PathBuf::from),
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
}
