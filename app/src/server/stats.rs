use chrono::{DateTime, Days, NaiveTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Select,
};

use super::entity::task;
use super::{CurrentUser, ServiceError};
use crate::model::{Priority, PriorityCounts, Stats, When};

/// Where the user's today begins and ends, as UTC moments.
pub fn today_bounds(user: &CurrentUser, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let today = now.with_timezone(&user.time_zone).date_naive();
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let start = When::Local(today.and_time(NaiveTime::MIN)).resolve(user.time_zone);
    let end = When::Local(tomorrow.and_time(NaiveTime::MIN)).resolve(user.time_zone);
    (start, end)
}

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

    let (total, done, overdue, due_today, priorities) = tokio::try_join!(
        all().count(db),
        all().filter(C::Status.eq(true)).count(db),
        active().filter(C::DateTime.lt(now)).count(db),
        active()
            .filter(C::DateTime.gte(start))
            .filter(C::DateTime.lt(end))
            .count(db),
        by_priority.into_tuple::<(i16, i64)>().all(db),
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_follows_the_users_zone() {
        let user = CurrentUser {
            id: 1,
            language: Default::default(),
            time_zone: "Asia/Tokyo".parse().unwrap(),
            tasks_version: 0,
        };
        let now = DateTime::parse_from_rfc3339("2026-11-25T20:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let (start, end) = today_bounds(&user, now);
        assert_eq!(start.to_rfc3339(), "2026-11-25T15:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-11-26T15:00:00+00:00");
    }
}
