//! `vectora import-v02` and v0.2's routes. The v0.2 source is always a scratch PostgreSQL
//! database loaded from `tests/fixtures/v02/v02-sample.sql`; the target is the suite's backend.

mod bench;
mod cli;
mod corrupted;
mod failure;
mod legacy_routes;
mod refusals;
mod sample;
mod source_db;
