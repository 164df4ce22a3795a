use sea_orm_migration::prelude::*;

use super::m20261125_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tasks::Table)
                    .col(
                        ColumnDef::new(Tasks::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Tasks::UserId).big_integer().not_null())
                    .col(ColumnDef::new(Tasks::Title).string_len(500).not_null())
                    .col(ColumnDef::new(Tasks::Description).text().null())
                    .col(
                        ColumnDef::new(Tasks::DateTime)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Tasks::RemindAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Tasks::Priority)
                            .small_integer()
                            .not_null()
                            .default(1),
                    )
                    .col(
                        ColumnDef::new(Tasks::Status)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(
                        ColumnDef::new(Tasks::CompletedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Tasks::Position)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(Tasks::Category).string_len(100).null())
                    .col(ColumnDef::new(Tasks::Tags).text().not_null().default("[]"))
                    .col(ColumnDef::new(Tasks::SearchText).text().not_null())
                    .col(
                        ColumnDef::new(Tasks::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Tasks::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_tasks_user")
                            .from(Tasks::Table, Tasks::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        for (name, column) in [
            ("idx_tasks_user_position", Tasks::Position),
            ("idx_tasks_user_date_time", Tasks::DateTime),
            ("idx_tasks_user_status", Tasks::Status),
            ("idx_tasks_user_category", Tasks::Category),
            ("idx_tasks_user_created_at", Tasks::CreatedAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Tasks::Table)
                        .col(Tasks::UserId)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(TaskTags::Table)
                    .col(ColumnDef::new(TaskTags::TaskId).big_integer().not_null())
                    .col(ColumnDef::new(TaskTags::Key).string_len(200).not_null())
                    .col(ColumnDef::new(TaskTags::Name).string_len(50).not_null())
                    .primary_key(Index::create().col(TaskTags::TaskId).col(TaskTags::Key))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_task_tags_task")
                            .from(TaskTags::Table, TaskTags::TaskId)
                            .to(Tasks::Table, Tasks::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_index(
                Index::create()
                    .name("idx_task_tags_key")
                    .table(TaskTags::Table)
                    .col(TaskTags::Key)
                    .col(TaskTags::TaskId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(TaskTags::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Tasks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Tasks {
    Table,
    Id,
    UserId,
    Title,
    Description,
    DateTime,
    RemindAt,
    Priority,
    Status,
    CompletedAt,
    Position,
    Category,
    Tags,
    SearchText,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TaskTags {
    Table,
    TaskId,
    Key,
    Name,
}
