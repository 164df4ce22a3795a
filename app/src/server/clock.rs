use chrono::{DateTime, SubsecRound, Utc};

/// The current moment to the microsecond: what PostgreSQL keeps, so that a value reads back the
/// same from either database.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}
