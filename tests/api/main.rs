//! The whole HTTP suite, one binary. `VECTORA_TEST_DB=postgres` runs it against PostgreSQL
//! (`TEST_POSTGRES_URL`, default postgres://postgres@127.0.0.1:5432/postgres); SQLite otherwise.

mod binary;
mod browser;
mod fake_telegram;
mod helpers;

mod api_tokens;
mod auth;
mod backup;
mod bot_callbacks;
mod bot_commands;
mod bot_resilience;
mod bot_settings;
mod bot_start;
mod bot_webhook;
mod caching;
mod concurrency;
mod dev_sign_in;
mod docs;
mod due_filters;
mod health;
mod import_v02;
mod isolation;
mod listing;
mod logging;
mod metrics;
mod migration_rollback;
mod migrations;
mod openapi;
mod perimeter;
mod profile;
mod quick_add;
mod replicas;
mod sentry;
mod server_fns;
mod shutdown;
mod sign_in_link;
mod sign_in_page;
mod sign_in_password;
mod sign_in_widget;
mod sign_out_everywhere;
mod stats;
mod tasks;
mod token_logging;
mod validation;
