//! What `vectora import-v02` brought over: each v0.2 row (by its kind and v0.2 id) and the row it
//! became here, so that a second import skips it. No foreign key: a task deleted after the import
//! stays remembered, and is not brought back by a later run.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum V02Imports {
    Table,
    /// `task` or `account`.
    Kind,
    V02Id,
    TargetId,
    ImportedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(V02Imports::Table)
                    .col(ColumnDef::new(V02Imports::Kind).string_len(16).not_null())
                    .col(ColumnDef::new(V02Imports::V02Id).big_integer().not_null())
                    .col(
                        ColumnDef::new(V02Imports::TargetId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(V02Imports::ImportedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(Index::create().col(V02Imports::Kind).col(V02Imports::V02Id))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(V02Imports::Table).to_owned())
            .await
    }
}
