#![recursion_limit = "256"]

pub mod api;
pub mod i18n;
pub mod model;
pub mod telegram;
mod ui;

#[cfg(feature = "ssr")]
pub mod server;

pub use ui::{App, shell};

#[cfg(feature = "hydrate")]
pub use ui::prepare_hydration;
