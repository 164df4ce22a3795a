pub use sea_orm_migration::prelude::*;

mod m20261125_000001_create_users;
mod m20261125_000002_create_tasks;
mod m20261125_000003_add_user_theme;
mod m20261130_000001_create_api_tokens;
mod m20261130_000002_create_accounts;
mod m20261130_000003_create_v02_imports;
mod m20261130_000004_create_reminders;
mod m20261204_000001_create_idempotency_keys;
mod m20261207_000001_search_tags_and_categories;
mod m20261207_000002_create_deleted_tasks;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_create_users::Migration),
            Box::new(m20261125_000002_create_tasks::Migration),
            Box::new(m20261125_000003_add_user_theme::Migration),
            Box::new(m20261130_000001_create_api_tokens::Migration),
            Box::new(m20261130_000002_create_accounts::Migration),
            Box::new(m20261130_000003_create_v02_imports::Migration),
            Box::new(m20261130_000004_create_reminders::Migration),
            Box::new(m20261204_000001_create_idempotency_keys::Migration),
            Box::new(m20261207_000001_search_tags_and_categories::Migration),
            Box::new(m20261207_000002_create_deleted_tasks::Migration),
        ]
    }
}
