//! The whole HTTP suite, one binary. `VECTORA_TEST_DB=postgres` runs it against PostgreSQL
//! (`TEST_POSTGRES_URL`, default postgres://postgres@127.0.0.1:5432/postgres); SQLite otherwise.

mod browser;
mod fake_telegram;
mod helpers;

mod api_tokens;
mod auth;
mod bot_callbacks;
mod bot_commands;
mod bot_resilience;
mod bot_start;
mod caching;
mod concurrency;
mod dev_sign_in;
mod docs;
mod due_filters;
mod health;
mod isolation;
mod listing;
mod logging;
mod migrations;
mod openapi;
mod perimeter;
mod profile;
mod quick_add;
mod server_fns;
mod sign_in_link;
mod sign_in_page;
mod sign_in_password;
mod sign_in_widget;
mod stats;
mod tasks;
mod token_logging;
mod validation;
