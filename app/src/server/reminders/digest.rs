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
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn the_next_local_time_today_or_tomorrow() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let moscow: Tz = "Europe/Moscow".parse().unwrap();
        // 05:00 UTC is 08:00 in Moscow: today's 09:00 is still ahead.
        assert_eq!(
            next_after(nine, moscow, utc(2026, 3, 1, 5, 0)),
            utc(2026, 3, 1, 6, 0)
        );
        assert_eq!(
            next_after(nine, moscow, utc(2026, 3, 1, 6, 0)),
            utc(2026, 3, 2, 6, 0)
        );
    }

    #[test]
    fn daylight_saving_days() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let half_past_two = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        // 29 March 2026: 02:00 → 03:00 in Berlin; 02:30 does not exist and becomes 03:30 CEST.
        assert_eq!(
            next_after(half_past_two, berlin, utc(2026, 3, 28, 12, 0)),
            utc(2026, 3, 29, 1, 30)
        );
        let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
        // The day after the change, 08:00 is CEST (UTC+2).
        assert_eq!(
            next_after(eight, berlin, utc(2026, 3, 29, 12, 0)),
            utc(2026, 3, 30, 6, 0)
        );
        assert_eq!(
            next_after(eight, berlin, utc(2026, 3, 28, 12, 0)),
            utc(2026, 3, 29, 6, 0)
        );
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
