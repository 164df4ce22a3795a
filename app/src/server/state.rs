use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::auth::signed_cookies::SignedCookies;
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
    /// The development sign-in and its cookie exist (`APP_ENV=development` only).
    pub dev_sign_in: bool,
    pub limits: RateLimits,
    /// Signs the session and development cookies (keyed from `SECRET_KEY`).
    pub cookies: SignedCookies,
}
