use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(
                        ColumnDef::new(Users::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Users::TelegramId)
                            .big_integer()
                            .null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Users::Username).string_len(64).null())
                    .col(ColumnDef::new(Users::FirstName).string_len(256).null())
                    .col(ColumnDef::new(Users::LastName).string_len(256).null())
                    .col(
                        ColumnDef::new(Users::Language)
                            .string_len(8)
                            .not_null()
                            .default("en"),
                    )
                    .col(
                        ColumnDef::new(Users::TimeZone)
                            .string_len(64)
                            .not_null()
                            .default("UTC"),
                    )
                    .col(
                        ColumnDef::new(Users::RemindersEnabled)
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .col(
                        ColumnDef::new(Users::ReminderOffsetMinutes)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(Users::DigestTime).string_len(5).null())
                    .col(
                        ColumnDef::new(Users::TasksVersion)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Users::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Users::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    TelegramId,
    Username,
    FirstName,
    LastName,
    Language,
    TimeZone,
    RemindersEnabled,
    ReminderOffsetMinutes,
    DigestTime,
    TasksVersion,
    CreatedAt,
    UpdatedAt,
}
