use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// Logs to stdout: readable lines in development, JSON in production. `RUST_LOG` overrides
/// `LOG_LEVEL`.
pub fn init(log_level: &str, json: bool) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(format!("{log_level},sqlx=warn,sea_orm=warn,hyper=warn")))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_ansi(std::io::stdout().is_terminal());
    let _ = if json {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}
