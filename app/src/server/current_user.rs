use chrono_tz::Tz;

use super::entity::user;
use crate::i18n::Lang;

/// A proven user: who the request acts for, and the settings every service needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentUser {
    pub id: i64,
    pub language: Lang,
    pub time_zone: Tz,
    /// `tasks_version` when the request began.
    pub tasks_version: i64,
}

impl From<&user::Model> for CurrentUser {
    fn from(row: &user::Model) -> Self {
        CurrentUser {
            id: row.id,
            language: Lang::parse(&row.language).unwrap_or_default(),
            time_zone: row.time_zone.parse().unwrap_or(Tz::UTC),
            tasks_version: row.tasks_version,
        }
    }
}
