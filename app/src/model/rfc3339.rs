//! Moments on the wire: RFC 3339 in UTC with a `Z`, fractional seconds only when present.
//! (`to_rfc3339_opts` is several times faster than chrono's `Display`-based serde impl, which
//! matters when a page holds hundreds of them.)

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serializer};

pub fn format(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(at))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = <&str>::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(serde::de::Error::custom)
}

pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => super::serialize(at, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<&str>::deserialize(deserializer)? {
            Some(text) => DateTime::parse_from_rfc3339(text)
                .map(|at| Some(at.with_timezone(&Utc)))
                .map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Moments {
        #[serde(with = "super")]
        at: DateTime<Utc>,
        #[serde(with = "super::option")]
        maybe: Option<DateTime<Utc>>,
    }

    #[test]
    fn round_trips_in_utc_with_z() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T19:00:00+03:00")
            .unwrap()
            .with_timezone(&Utc);
        let json = serde_json::to_string(&Moments { at, maybe: None }).unwrap();
        assert_eq!(json, r#"{"at":"2026-12-01T16:00:00Z","maybe":null}"#);
        let precise = at + chrono::Duration::microseconds(1500);
        let json = serde_json::to_string(&Moments {
            at: precise,
            maybe: Some(precise),
        })
        .unwrap();
        assert_eq!(
            json,
            r#"{"at":"2026-12-01T16:00:00.001500Z","maybe":"2026-12-01T16:00:00.001500Z"}"#
        );
        assert_eq!(serde_json::from_str::<Moments>(&json).unwrap().at, precise);
    }
}
