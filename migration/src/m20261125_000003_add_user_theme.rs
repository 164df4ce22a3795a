use sea_orm_migration::prelude::*;

use crate::m20261125_000001_create_users::Users;

/// The colour theme a user picked: `auto` follows Telegram (or the system), or `light`/`dark`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Theme {
    Theme,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(
                        ColumnDef::new(Theme::Theme)
                            .string_len(8)
                            .not_null()
                            .default("auto"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Theme::Theme)
                    .to_owned(),
            )
            .await
    }
}
