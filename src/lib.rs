//! The Vectora server: one process serving the Leptos app, the JSON API, the bot, the reminder
//! scheduler and health checks. `ARCHITECTURE.md` maps the modules.
#![recursion_limit = "256"]

pub mod assets;
pub mod bot;
pub mod cli;
pub mod crash_reports;
pub mod health_routes;
pub mod import_v02;
pub mod metrics;
pub mod page_frame;
pub mod perimeter;
pub mod rest;
pub mod scheduler;
pub mod server;
pub mod sign_in;
pub mod telemetry;
pub mod wasm_symbols;

pub use app::server::config::Config;
