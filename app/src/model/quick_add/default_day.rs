//! The day a line that names no date is due on.

use chrono::NaiveDate;

use crate::model::FieldError;

/// The day a line that names no date is due on: what adding from the Today or the Upcoming list,
/// or on a day of the calendar, means, so that the new task shows where it was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultDay {
    Today,
    Tomorrow,
    /// The calendar's chosen day.
    On(NaiveDate),
}

impl DefaultDay {
    /// The calendar's chosen day as the form sends it, `YYYY-MM-DD`; none chosen (an empty
    /// field) is today, as the calendar shows it.
    pub fn parse_chosen(day: &str) -> Result<DefaultDay, FieldError> {
        let day = day.trim();
        if day.is_empty() {
            return Ok(DefaultDay::Today);
        }
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            // Written back the same: four-digit years, two-digit months and days, nothing else.
            .filter(|date| date.format("%Y-%m-%d").to_string() == day)
            .map(DefaultDay::On)
            .ok_or(FieldError::InvalidDate)
    }

    /// The date it is when the user's today is `today`.
    pub fn date(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DefaultDay::Today => Some(today),
            DefaultDay::Tomorrow => today.succ_opt(),
            DefaultDay::On(day) => Some(day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_day_is_a_date_or_today() {
        let day = |text| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        assert_eq!(
            DefaultDay::parse_chosen(" 2026-12-31 "),
            Ok(DefaultDay::On(day("2026-12-31")))
        );
        assert_eq!(DefaultDay::parse_chosen(""), Ok(DefaultDay::Today));
        for bad in [
            "2026-02-30",
            "2026-1-5",
            "12026-01-05",
            "+2026-01-05",
            "2026-01-05T10:00",
            "завтра",
            "31.12.2026",
        ] {
            assert_eq!(
                DefaultDay::parse_chosen(bad),
                Err(FieldError::InvalidDate),
                "{bad}"
            );
        }
        let today = day("2026-12-31");
        assert_eq!(DefaultDay::Today.date(today), Some(today));
        assert_eq!(DefaultDay::Tomorrow.date(today), Some(day("2027-01-01")));
        let chosen = day("2026-11-03");
        assert_eq!(DefaultDay::On(chosen).date(today), Some(chosen));
    }
}
