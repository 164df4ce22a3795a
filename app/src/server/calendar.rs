//! The calendar: how many tasks fall on each day of a month, in the user's time zone.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, QuerySelect};

use super::entity::task;
use super::local_day::day_bounds;
use super::task_rows::owned_by;
use super::{CurrentUser, ServiceError};
use crate::model::{CalendarDay, Month};

/// The day a month's screen lists: `asked` when it falls in `month`, else today when today does.
pub fn chosen_day(month: Month, asked: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
    asked
        .filter(|day| Month::of(*day) == month)
        .or_else(|| (Month::of(today) == month).then_some(today))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asked_day_in_the_month_else_today_in_it() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let today = day("2026-12-04");
        let december = Month::of(today);
        let november = Month::of(day("2026-11-01"));
        assert_eq!(
            chosen_day(december, Some(day("2026-12-25")), today),
            Some(day("2026-12-25"))
        );
        assert_eq!(
            chosen_day(december, Some(day("2026-11-25")), today),
            Some(today)
        );
        assert_eq!(chosen_day(december, None, today), Some(today));
        assert_eq!(chosen_day(november, None, today), None);
        assert_eq!(
            chosen_day(november, Some(day("2026-11-30")), today),
            Some(day("2026-11-30"))
        );
    }
}
