//! Deleted tasks, kept for a few minutes so that a delete can be undone: the task's row as JSON
//! (its tags included), under its own id. Kept and forgotten by `app::server::deleted_tasks`.

use sea_orm_migration::prelude::*;

use crate::m20261125_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DeletedTasks {
    Table,
    TaskId,
    UserId,
    Snapshot,
    DeletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DeletedTasks::Table)
                    .col(
                        ColumnDef::new(DeletedTasks::TaskId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(DeletedTasks::UserId)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(DeletedTasks::Snapshot).text().not_null())
                    .col(
                        ColumnDef::new(DeletedTasks::DeletedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_deleted_tasks_user")
                            .from(DeletedTasks::Table, DeletedTasks::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_deleted_tasks_user_deleted_at")
                    .table(DeletedTasks::Table)
                    .col(DeletedTasks::UserId)
                    .col(DeletedTasks::DeletedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DeletedTasks::Table).to_owned())
            .await
    }
}
