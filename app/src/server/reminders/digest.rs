//! The daily digest's timing: each user's next digest moment is stored in UTC, claimed by one
//! scheduler with a conditional update, and moved on to the next day.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::GRACE;
use crate::model::{DigestTime, When};
use crate::server::entity::user;

/// The first moment after `after` when the clock in `zone` shows `time` (a time skipped by a DST
/// jump moves forward by the jump, as everywhere else).
pub fn next_after(time: NaiveTime, zone: Tz, after: DateTime<Utc>) -> DateTime<Utc> {
    let today = after.with_timezone(&zone).date_naive();
    let at = |day: chrono::NaiveDate| When::Local(day.and_time(time)).resolve(zone);
    let candidate = at(today);
    if candidate > after {
        candidate
    } else {
        at(today + Duration::days(1))
    }
}

/// The next digest moment for a user's settings, or none without a digest time.
pub fn next_for(digest_time: Option<&str>, zone: Tz, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let time = DigestTime::parse(digest_time?).ok()?;
    Some(next_after(time.time(), zone, now))
}

/// A user whose digest is due, claimed by this scheduler.
#[derive(Debug, Clone)]
pub struct DueDigest {
    pub user: user::Model,
    /// Due longer ago than the grace window: recorded as missed, not sent.
    pub missed: bool,
}

/// Claims up to `limit` due digests, moving each user's next one to the following day; a user
/// another scheduler claimed first is skipped.
pub async fn claim_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<DueDigest>, DbErr> {
    use user::Column as C;
    let due = user::Entity::find()
        .filter(C::NextDigestAt.lte(now))
        .order_by_asc(C::NextDigestAt)
        .limit(limit)
        .all(db)
        .await?;
    let mut claimed = Vec::with_capacity(due.len());
    for row in due {
        let Some(was) = row.next_digest_at else {
            continue;
        };
        let zone: Tz = row.time_zone.parse().unwrap_or(Tz::UTC);
        let next = next_for(row.digest_time.as_deref(), zone, now);
        let moved = user::Entity::update_many()
            .col_expr(C::NextDigestAt, Expr::value(next))
            .filter(C::Id.eq(row.id))
            .filter(C::NextDigestAt.eq(was))
            .exec(db)
            .await?;
        if moved.rows_affected == 1 {
            claimed.push(DueDigest {
                missed: was < now - GRACE,
                user: row,
            });
        }
    }
    Ok(claimed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDateTime, TimeZone};

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn the_next_local_time_today_or_tomorrow_across_daylight_saving() {
        let moscow: Tz = "Europe/Moscow".parse().unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // Times in UTC, in March 2026.
        let moment = |text: &str| {
            let at = NaiveDateTime::parse_from_str(&format!("2026 {text}"), "%Y %b %d %H:%M");
            at.unwrap().and_utc()
        };
        // (digest time, zone, now, the next digest)
        let cases = [
            // 05:00 UTC is 08:00 in Moscow: today's 09:00 is still ahead; at 09:00 it is tomorrow's.
            ("09:00", moscow, "Mar 1 05:00", "Mar 1 06:00"),
            ("09:00", moscow, "Mar 1 06:00", "Mar 2 06:00"),
            // 29 March 2026: 02:00 → 03:00 in Berlin; 02:30 does not exist and becomes 03:30 CEST.
            ("02:30", berlin, "Mar 28 12:00", "Mar 29 01:30"),
            // The day after the change, 08:00 is CEST (UTC+2); the day of it, still the change's.
            ("08:00", berlin, "Mar 29 12:00", "Mar 30 06:00"),
            ("08:00", berlin, "Mar 28 12:00", "Mar 29 06:00"),
        ];
        for (time, zone, now, next) in cases {
            let time = NaiveTime::parse_from_str(time, "%H:%M").unwrap();
            let found = next_after(time, zone, moment(now));
            assert_eq!(found, moment(next), "{time} in {zone} after {now}");
        }
    }

    #[test]
    fn no_digest_time_no_digest() {
        assert_eq!(next_for(None, Tz::UTC, utc(2026, 1, 1, 0, 0)), None);
        assert_eq!(
            next_for(Some("07:30"), Tz::UTC, utc(2026, 1, 1, 0, 0)),
            Some(utc(2026, 1, 1, 7, 30))
        );
    }
}
