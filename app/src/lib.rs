#![recursion_limit = "256"]

pub mod i18n;
pub mod mini_app;
pub mod model;
pub mod server_fns;
mod ui;

#[cfg(feature = "ssr")]
pub mod server;

pub use ui::{App, shell};

#[cfg(feature = "hydrate")]
pub use ui::{prepare_hydration, report_panics};
