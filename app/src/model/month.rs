use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FieldError;

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month(NaiveDate);

impl Month {
    pub fn parse(value: &str) -> Result<Month, FieldError> {
        NaiveDate::parse_from_str(&format!("{}-01", value.trim()), "%Y-%m-%d")
            .map(Month)
            .map_err(|_| FieldError::InvalidMonth)
    }

    pub fn of(day: NaiveDate) -> Month {
        Month(day.with_day(1).unwrap_or(day))
    }

    pub fn first_day(self) -> NaiveDate {
        self.0
    }

    /// The first day of the next month.
    pub fn end(self) -> NaiveDate {
        self.next().0
    }

    pub fn next(self) -> Month {
        Month(self.0.checked_add_months(Months::new(1)).unwrap_or(self.0))
    }

    pub fn previous(self) -> Month {
        Month(self.0.checked_sub_months(Months::new(1)).unwrap_or(self.0))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// 1 to 12.
    pub fn number(self) -> u32 {
        self.0.month()
    }

    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        let end = self.end();
        self.0.iter_days().take_while(move |day| *day < end)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.number())
    }
}

impl TryFrom<String> for Month {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Month::parse(&value).map_err(|_| format!("not a month: {value}"))
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_step() {
        let feb = Month::parse("2028-02").unwrap();
        assert_eq!(feb.to_string(), "2028-02");
        assert_eq!(feb.days().count(), 29);
        assert_eq!(feb.previous().to_string(), "2028-01");
        assert_eq!(
            Month::parse("2027-12").unwrap().next().to_string(),
            "2028-01"
        );
        assert_eq!(
            Month::of(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()).to_string(),
            "2026-11"
        );
        for bad in ["2026-13", "2026", "11-2026", "", "2026-1x"] {
            assert_eq!(Month::parse(bad), Err(FieldError::InvalidMonth), "{bad}");
        }
    }
}
