//! Everything that runs only on the server: configuration, storage and the services that every
//! door (pages, server functions, the JSON API, the bot) calls.

pub mod accounts;
pub mod api_tokens;
pub mod auth;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod current_user;
pub mod db;
pub mod deleted_tasks;
pub mod entity;
pub mod error;
pub mod idempotency;
pub mod local_day;
pub mod login_links;
pub mod page_cache;
pub mod rate_limit;
pub mod reminders;
pub mod sessions;
pub mod state;
pub mod stats;
pub mod task_list;
pub mod task_rows;
pub mod tasks;
pub mod users;

pub use current_user::{CurrentUser, RequestUser};
pub use error::ServiceError;
pub use state::AppState;
