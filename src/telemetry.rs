use std::io::IsTerminal;

use app::server::config::Config;
use secrecy::ExposeSecret;
use sentry::integrations::tracing::{BreadcrumbLayer, ErrorLayer};
use tracing::Subscriber;
use tracing_subscriber::filter::LevelFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Logs to stdout: readable lines in development, JSON in production. `RUST_LOG` overrides
/// `LOG_LEVEL`.
pub fn init(log_level: &str, json: bool) {
    let _ = tracing_subscriber::registry()
        .with(filter(log_level))
        .with(log_lines(json))
        .try_init();
}

/// Logging as `init` does and, with `SENTRY_DSN` set, errors and panics reported to Sentry, with
/// the log lines before them as breadcrumbs. Keep the guard until the process ends: dropping it
/// sends what is still queued.
pub fn init_for_server(config: &Config) -> Option<sentry::ClientInitGuard> {
    let guard = config.sentry_dsn.as_ref().map(|dsn| {
        let environment = if config.is_production() {
            "production"
        } else {
            "development"
        };
        let mut options = sentry::ClientOptions::new();
        options.release = sentry::release_name!();
        options.environment = Some(environment.into());
        options.send_default_pii = false;
        sentry::init((dsn.expose_secret(), options))
    });
    let errors = guard
        .as_ref()
        .map(|_| ErrorLayer::new().with_filter(LevelFilter::ERROR));
    let breadcrumbs = guard.as_ref().map(|_| BreadcrumbLayer::new());
    let _ = tracing_subscriber::registry()
        .with(filter(&config.log_level))
        .with(log_lines(config.is_production()))
        .with(errors)
        .with(breadcrumbs)
        .try_init();
    if guard.is_some() {
        tracing::info!("errors are reported to Sentry");
    }
    guard
}

fn filter(log_level: &str) -> EnvFilter {
    EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(format!("{log_level},sqlx=warn,sea_orm=warn,hyper=warn")))
        .unwrap_or_else(|_| EnvFilter::new("info"))
}

fn log_lines<S>(json: bool) -> Box<dyn Layer<S> + Send + Sync>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    let lines = tracing_subscriber::fmt::layer()
        .with_target(false)
        .with_ansi(std::io::stdout().is_terminal());
    if json {
        lines.json().flatten_event(true).boxed()
    } else {
        lines.boxed()
    }
}
