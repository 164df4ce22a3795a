//! The Vectora server: one process serving the Leptos app, the JSON API and health checks.
#![recursion_limit = "256"]

pub mod api;
pub mod assets;
pub mod bot;
pub mod cli;
pub mod dev_sign_in;
pub mod healthcheck;
pub mod import_v02;
pub mod metrics;
pub mod perimeter;
pub mod reminders;
pub mod server;
pub mod sign_in;
pub mod telemetry;

pub use app::server::config::Config;
