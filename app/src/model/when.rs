use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDateTime, SubsecRound, TimeZone, Utc,
};
use chrono_tz::Tz;

use super::FieldError;

/// A moment as a client wrote it: with an offset it is absolute; without one it is a wall-clock
/// time in the user's time zone (as v0.2's frontend sent it), fixed once the zone is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    At(DateTime<Utc>),
    Local(NaiveDateTime),
}

const NAIVE_FORMATS: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
];

impl When {
    pub fn parse(value: &str) -> Result<When, FieldError> {
        let value = value.trim();
        let when = if let Ok(at) = DateTime::parse_from_rfc3339(value) {
            When::At(at.with_timezone(&Utc))
        } else {
            NAIVE_FORMATS
                .iter()
                .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
                .map(When::Local)
                .ok_or(FieldError::InvalidDateTime)?
        };
        let year = match when {
            When::At(at) => at.year(),
            When::Local(local) => local.year(),
        };
        if (1900..=9999).contains(&year) {
            Ok(when)
        } else {
            Err(FieldError::InvalidDateTime)
        }
    }

    /// The UTC moment, reading a wall-clock time in `zone`, to the microsecond. In a DST overlap
    /// the earlier moment wins; a time skipped by a DST jump moves forward by the jump
    /// (02:30 → 03:30).
    pub fn resolve(self, zone: Tz) -> DateTime<Utc> {
        self.resolve_exact(zone).trunc_subsecs(6)
    }

    fn resolve_exact(self, zone: Tz) -> DateTime<Utc> {
        match self {
            When::At(at) => at,
            When::Local(local) => match zone.from_local_datetime(&local) {
                LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
                LocalResult::None => {
                    let later = local + Duration::hours(1);
                    zone.from_local_datetime(&later)
                        .earliest()
                        .map(|at| at.with_timezone(&Utc))
                        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn offsets_are_absolute_and_naive_times_are_local() {
        let moscow: Tz = "Europe/Moscow".parse().unwrap();
        assert_eq!(
            When::parse("2026-12-01T19:00:00+03:00")
                .unwrap()
                .resolve(moscow),
            utc("2026-12-01T16:00:00Z")
        );
        assert_eq!(
            When::parse("2026-12-01T16:00:00Z")
                .unwrap()
                .resolve(Tz::UTC),
            utc("2026-12-01T16:00:00Z")
        );
        assert_eq!(
            When::parse("2026-12-01T19:00").unwrap().resolve(moscow),
            utc("2026-12-01T16:00:00Z")
        );
        assert_eq!(
            When::parse("2026-12-01 19:00:30.5")
                .unwrap()
                .resolve(Tz::UTC),
            utc("2026-12-01T19:00:30.5Z")
        );
    }

    #[test]
    fn keeps_microseconds_like_postgresql() {
        let at = When::parse("2026-12-01T16:00:00.123456789Z")
            .unwrap()
            .resolve(Tz::UTC);
        assert_eq!(at, utc("2026-12-01T16:00:00.123456Z"));
    }

    #[test]
    fn daylight_saving_edges() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // 2026-03-29 02:30 does not exist in Berlin: it becomes 03:30 CEST = 01:30Z.
        assert_eq!(
            When::parse("2026-03-29T02:30").unwrap().resolve(berlin),
            utc("2026-03-29T01:30:00Z")
        );
        // 2026-10-25 02:30 happens twice: the first (CEST) wins = 00:30Z.
        assert_eq!(
            When::parse("2026-10-25T02:30").unwrap().resolve(berlin),
            utc("2026-10-25T00:30:00Z")
        );
    }

    #[test]
    fn refuses_what_is_not_a_date_and_time() {
        for bad in [
            "",
            "tomorrow",
            "2026-12-01",
            "2026-13-01T10:00",
            "31.12.2026 10:00",
            "0001-01-01T00:00:00Z",
        ] {
            assert_eq!(When::parse(bad), Err(FieldError::InvalidDateTime), "{bad}");
        }
    }
}
