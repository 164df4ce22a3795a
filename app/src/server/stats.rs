use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Select,
};

use super::entity::task;
use super::local_day::{day_bounds, today_bounds};
use super::{CurrentUser, ServiceError};
use crate::model::{DayCount, Priority, PriorityCounts, Stats};

pub async fn get_stats(
    db: &DatabaseConnection,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Stats, ServiceError> {
    use task::Column as C;
    let all = || task::Entity::find().filter(C::UserId.eq(user.id));
    let active = || all().filter(C::Status.eq(false));
    let (start, end) = today_bounds(user, now);
    let by_priority: Select<task::Entity> = active()
        .select_only()
        .column(C::Priority)
        .column_as(C::Id.count(), "n")
        .group_by(C::Priority);

    let today = now.with_timezone(&user.time_zone).date_naive();
    let first_day = today
        .checked_sub_days(Days::new(CHART_DAYS - 1))
        .unwrap_or(today);
    let completed = all()
        .filter(C::Status.eq(true))
        .filter(C::CompletedAt.gte(day_bounds(user.time_zone, first_day).0))
        .select_only()
        .column(C::CompletedAt)
        .into_tuple::<Option<DateTime<Utc>>>();

    let (total, done, overdue, due_today, priorities, completed) = tokio::try_join!(
        all().count(db),
        all().filter(C::Status.eq(true)).count(db),
        active().filter(C::DateTime.lt(now)).count(db),
        active()
            .filter(C::DateTime.gte(start))
            .filter(C::DateTime.lt(end))
            .count(db),
        by_priority.into_tuple::<(i16, i64)>().all(db),
        completed.all(db),
    )?;

    let mut counts = PriorityCounts::default();
    for (rank, n) in priorities {
        let slot = match Priority::from_rank(rank) {
            Priority::Low => &mut counts.low,
            Priority::Normal => &mut counts.normal,
            Priority::High => &mut counts.high,
        };
        *slot += n.max(0) as u64;
    }
    let completion_rate = if total == 0 {
        0.0
    } else {
        (done as f64 * 1000.0 / total as f64).round() / 10.0
    };
    Ok(Stats {
        total,
        done,
        active: total - done,
        completion_rate,
        overdue,
        due_today,
        by_priority: counts,
        completed_by_day: per_day(
            first_day,
            today,
            user.time_zone,
            completed.into_iter().flatten(),
        ),
    })
}

/// How many days the completion chart shows.
const CHART_DAYS: u64 = 14;

/// Every local day from `first` to `last`, with how many of `moments` fell on it.
fn per_day(
    first: NaiveDate,
    last: NaiveDate,
    zone: Tz,
    moments: impl Iterator<Item = DateTime<Utc>>,
) -> Vec<DayCount> {
    let mut days: Vec<DayCount> = first
        .iter_days()
        .take_while(|day| *day <= last)
        .map(|date| DayCount { date, count: 0 })
        .collect();
    for moment in moments {
        let date = moment.with_timezone(&zone).date_naive();
        if let Some(day) = days.iter_mut().find(|day| day.date == date) {
            day.count += 1;
        }
    }
    days
}
