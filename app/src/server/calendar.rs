//! The calendar: how many tasks fall on each day of a month, in the user's time zone.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QuerySelect};

use super::entity::task;
use super::local_day::day_bounds;
use super::task_rows::owned_by;
use super::{CurrentUser, ServiceError};
use crate::model::{CalendarDay, Month};

/// The days of `month` that have tasks due, in date order.
pub async fn month_days(
    db: &DatabaseConnection,
    user: &CurrentUser,
    month: Month,
    now: DateTime<Utc>,
) -> Result<Vec<CalendarDay>, ServiceError> {
    use task::Column as C;
    let (start, _) = day_bounds(user.time_zone, month.first_day());
    let (end, _) = day_bounds(user.time_zone, month.end());
    let due: Vec<(Option<DateTime<Utc>>, bool)> = owned_by(user)
        .filter(C::DateTime.gte(start))
        .filter(C::DateTime.lt(end))
        .select_only()
        .column(C::DateTime)
        .column(C::Status)
        .into_tuple()
        .all(db)
        .await?;

    let mut days: BTreeMap<_, CalendarDay> = BTreeMap::new();
    for (at, done) in due {
        let Some(at) = at else { continue };
        let date = at.with_timezone(&user.time_zone).date_naive();
        let day = days.entry(date).or_insert(CalendarDay {
            date,
            ..Default::default()
        });
        day.total += 1;
        if done {
            day.done += 1;
        } else if at < now {
            day.overdue += 1;
        }
    }
    Ok(days.into_values().collect())
}
