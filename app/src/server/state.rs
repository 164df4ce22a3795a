use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::auth::dev_session::DevSessions;
use super::auth::session_cookie::SessionKey;
use super::config::Config;
use super::page_cache::PageCache;
use super::rate_limit::RateLimits;

/// The one state every door shares: axum's router state and the Leptos context.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub leptos_options: LeptosOptions,
    pub pages: PageCache,
    /// The development sign-in; `None` unless `APP_ENV=development`.
    pub dev_sessions: Option<DevSessions>,
    pub limits: RateLimits,
    /// Signs browser session cookies (keyed from `SECRET_KEY`).
    pub session_key: SessionKey,
}
