use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reminders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub task_id: i64,
    pub user_id: i64,
    pub planned_at: DateTimeUtc,
    pub send_at: DateTimeUtc,
    pub state: State,
    pub attempts: i32,
    pub claimed_until: Option<DateTimeUtc>,
    pub sent_at: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub updated_at: DateTimeUtc,
}

/// Where a reminder stands. `Pending` waits for `send_at`; `Sending` is claimed by one scheduler.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum State {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "sending")]
    Sending,
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Its time passed while no scheduler ran, longer ago than the grace window.
    #[sea_orm(string_value = "missed")]
    Missed,
    #[sea_orm(string_value = "failed")]
    Failed,
    /// The task was completed or lost its time before the reminder went out.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
