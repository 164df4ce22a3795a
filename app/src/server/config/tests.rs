use super::*;
use secrecy::ExposeSecret;
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
    assert_eq!(config.database_url.expose(), DEFAULT_DATABASE_URL);
    assert_eq!(config.bot_mode, BotMode::Off);
    assert_eq!(config.auth_max_age, Duration::from_secs(86_400));
    assert_eq!(config.rate_limit_per_minute, 100);
    assert!(config.run_migrations);
    assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
    assert_eq!(config.wasm_symbols_dir, None, "beside the site root");
    let config = load(&[("WASM_SYMBOLS_DIR", "/app/site-symbols")]).unwrap();
    assert_eq!(
        config.wasm_symbols_dir.as_deref(),
        Some(std::path::Path::new("/app/site-symbols"))
    );
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
fn counts_and_limits_are_at_least_one() {
    for (name, unit) in [
        ("AUTH_MAX_AGE", " second"),
        ("RATE_LIMIT_PER_MINUTE", ""),
        ("SIGN_IN_RATE_LIMIT_PER_MINUTE", ""),
    ] {
        let reason = format!("must be at least 1{unit}");
        assert_eq!(
            load(&[(name, "0")]).unwrap_err(),
            ConfigError::Invalid { name, reason }
        );
        assert!(load(&[(name, "1")]).is_ok(), "{name}");
    }
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

    let given = load(&[
        token,
        webhook,
        url,
        ("WEBHOOK_SECRET", "my_Secret-1-of-24-chars"),
    ])
    .unwrap();
    assert_eq!(exposed(&given).as_deref(), Some("my_Secret-1-of-24-chars"));
    let polling = load(&[token, ("BOT_MODE", "polling")]).unwrap();
    assert!(polling.webhook_secret.is_none());
    let no_bot = load(&[webhook]).unwrap();
    assert!(
        no_bot.webhook_secret.is_none(),
        "no token: no bot, no webhook"
    );
}

#[test]
fn a_webhook_secret_outside_telegrams_charset_or_too_short_is_refused_without_showing_it() {
    let long = "a".repeat(257);
    let short = "a".repeat(15);
    for bad in [
        "has space and is long enough",
        "ключ-достаточной-длины",
        "semi;colon-long-enough",
        long.as_str(),
        short.as_str(),
    ] {
        let error = load(&[("WEBHOOK_SECRET", bad)]).unwrap_err();
        assert!(error.to_string().contains("WEBHOOK_SECRET"), "{error}");
        assert!(!error.to_string().contains(bad), "{error}");
    }
    for fine in ["a".repeat(256), "a".repeat(16)] {
        assert!(load(&[("WEBHOOK_SECRET", fine.as_str())]).is_ok());
    }
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

#[test]
fn the_config_prints_no_password() {
    let config = load(&[(
        "DATABASE_URL",
        "postgres://vectora:s3cret-db-pass@db:5432/vectora",
    )])
    .unwrap();
    let shown = format!("{config:?}");
    assert!(!shown.contains("s3cret-db-pass"), "{shown}");
    assert!(
        shown.contains("postgres://vectora:***@db:5432/vectora"),
        "{shown}"
    );
    assert_eq!(
        config.database_url.expose(),
        "postgres://vectora:s3cret-db-pass@db:5432/vectora"
    );
}
