//! Reminders: one row per task that has a time to be reminded at, claimed by the scheduler when
//! due; and the moment each user's next daily digest is due.

use sea_orm_migration::prelude::*;

use crate::m20261125_000001_create_users::Users;
use crate::m20261125_000002_create_tasks::Tasks;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Reminders {
    Table,
    TaskId,
    UserId,
    /// The moment the task itself asks for: its `remind_at`, or its due time minus the offset.
    PlannedAt,
    /// When to send next: `planned_at`, or later after a snooze or a failed attempt.
    SendAt,
    /// `pending`, `sending`, `sent`, `missed`, `failed` or `cancelled`.
    State,
    Attempts,
    /// While `sending`: when the claim lapses and another scheduler may take the row.
    ClaimedUntil,
    SentAt,
    /// A short reason for the last failure (`blocked`, `server_error`, …), never a secret.
    LastError,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NextDigestAt {
    NextDigestAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let at = |column| {
            ColumnDef::new(column)
                .timestamp_with_time_zone()
                .not_null()
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(Reminders::Table)
                    .col(
                        ColumnDef::new(Reminders::TaskId)
                            .big_integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Reminders::UserId).big_integer().not_null())
                    .col(at(Reminders::PlannedAt))
                    .col(at(Reminders::SendAt))
                    .col(ColumnDef::new(Reminders::State).string_len(16).not_null())
                    .col(
                        ColumnDef::new(Reminders::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(
                        ColumnDef::new(Reminders::ClaimedUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(Reminders::SentAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(Reminders::LastError).string_len(32).null())
                    .col(at(Reminders::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reminders_task")
                            .from(Reminders::Table, Reminders::TaskId)
                            .to(Tasks::Table, Tasks::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_reminders_user")
                            .from(Reminders::Table, Reminders::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reminders_due")
                    .table(Reminders::Table)
                    .col(Reminders::State)
                    .col(Reminders::SendAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reminders_user")
                    .table(Reminders::Table)
                    .col(Reminders::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(
                        ColumnDef::new(NextDigestAt::NextDigestAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_next_digest_at")
                    .table(Users::Table)
                    .col(NextDigestAt::NextDigestAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_users_next_digest_at")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(NextDigestAt::NextDigestAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Reminders::Table).to_owned())
            .await
    }
}
