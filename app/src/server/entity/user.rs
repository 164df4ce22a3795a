use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub telegram_id: Option<i64>,
    pub username: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: String,
    pub time_zone: String,
    pub reminders_enabled: bool,
    pub reminder_offset_minutes: i32,
    pub digest_time: Option<String>,
    /// When the next daily digest is due; `None` without a digest time.
    pub next_digest_at: Option<DateTimeUtc>,
    /// `auto`, `light` or `dark`.
    pub theme: String,
    /// The password account's username, lower-case; `None` for Telegram-only accounts.
    #[sea_orm(unique)]
    pub login: Option<String>,
    /// Argon2id PHC string; `None` when the account has no password.
    pub password_hash: Option<PasswordHash>,
    /// Goes up with every change to the user's tasks: what cached pages and ETags are keyed on.
    pub tasks_version: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A stored password hash: kept out of `Debug` like every other secret.
#[derive(Clone, PartialEq, Eq, DeriveValueType)]
pub struct PasswordHash(pub String);

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash([redacted])")
    }
}
