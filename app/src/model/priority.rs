use serde::{Deserialize, Serialize};

use super::FieldError;

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Low, Priority::Normal, Priority::High];

    pub fn parse(value: &str) -> Result<Priority, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "low" => Ok(Priority::Low),
            "normal" => Ok(Priority::Normal),
            "high" => Ok(Priority::High),
            _ => Err(FieldError::InvalidPriority),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
        }
    }

    /// The stored rank: higher is more urgent, so sorting by it descending puts high first.
    pub fn rank(self) -> i16 {
        match self {
            Priority::Low => 0,
            Priority::Normal => 1,
            Priority::High => 2,
        }
    }

    pub fn from_rank(rank: i16) -> Priority {
        match rank {
            i16::MIN..=0 => Priority::Low,
            1 => Priority::Normal,
            _ => Priority::High,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_priorities_only() {
        assert_eq!(Priority::parse("HIGH"), Ok(Priority::High));
        assert_eq!(Priority::parse(" low "), Ok(Priority::Low));
        assert_eq!(Priority::parse("urgent"), Err(FieldError::InvalidPriority));
        for p in Priority::ALL {
            assert_eq!(Priority::from_rank(p.rank()), p);
        }
    }
}
