//! The user's days: where a local day begins and ends, as UTC moments ("today", a calendar day).

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use super::CurrentUser;
use crate::model::When;

/// Where a local day begins and ends in `zone`, as UTC moments.
pub fn day_bounds(zone: Tz, day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    let start = When::Local(day.and_time(NaiveTime::MIN)).resolve(zone);
    let end = When::Local(next.and_time(NaiveTime::MIN)).resolve(zone);
    (start, end)
}

/// Where the user's today begins and ends, as UTC moments.
pub fn today_bounds(user: &CurrentUser, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    day_bounds(
        user.time_zone,
        now.with_timezone(&user.time_zone).date_naive(),
    )
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
