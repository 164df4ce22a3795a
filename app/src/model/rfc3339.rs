//! Moments on the wire: RFC 3339 in UTC with a `Z`, fractional seconds only when present.
//! (`to_rfc3339_opts` is several times faster than chrono's `Display`-based serde impl, which
//! matters when a page holds hundreds of them.)
//!
//! They are read back by the small parser below rather than chrono's: chrono's goes through its
//! general format machinery (every `strftime` item, RFC 2822 among them), which would otherwise be
//! the largest part of chrono in the browser's first WASM (bench/WASM_SIZE.md).

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, TimeDelta, Utc};
use serde::{Deserialize, Deserializer, Serializer};

pub fn format(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// An RFC 3339 moment: `2026-12-01T19:00:00.25+03:00`, `…Z`; `t`, `z` and a space as the
/// separator are accepted too, as RFC 3339 allows. A leap second (`:60`) is kept as chrono keeps it.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let (local, rest) = parse_naive_prefix(text)?;
    let offset_secs = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = i64::from(digits(&[*h1, *h2])?);
            let minutes = i64::from(digits(&[*m1, *m2])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let secs = hours * 3600 + minutes * 60;
            if *sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    let utc = local.checked_sub_signed(TimeDelta::seconds(offset_secs))?;
    Some(DateTime::from_naive_utc_and_offset(utc, Utc))
}

/// A wall-clock moment as chrono writes `NaiveDateTime`: `2026-12-01T19:00:00`, with fractional
/// seconds when present.
pub fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    match parse_naive_prefix(text)? {
        (at, "") => Some(at),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]` at the start of `text`, and what follows it.
fn parse_naive_prefix(text: &str) -> Option<(NaiveDateTime, &str)> {
    let b = text.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(digits(&b[0..4])?).ok()?,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )?;
    let mut end = 19;
    let mut nanos = 0;
    if b.get(end) == Some(&b'.') {
        let start = end + 1;
        end = start;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        // Digits past the ninth (nanoseconds) are dropped, as chrono drops them.
        let kept = &b[start..end.min(start + 9)];
        if kept.is_empty() {
            return None;
        }
        nanos = digits(kept)? * 10u32.pow(9 - kept.len() as u32);
    }
    let (hour, minute, mut second) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    );
    if second == 60 {
        second = 59;
        nanos += 1_000_000_000;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some((date.and_time(time), &text[end..]))
}

/// The number the ASCII digits spell; `None` if any is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(at))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = <&str>::deserialize(deserializer)?;
    parse(text).ok_or_else(|| not_rfc3339(text))
}

fn not_rfc3339<E: serde::de::Error>(text: &str) -> E {
    E::invalid_value(
        serde::de::Unexpected::Str(text),
        &"an RFC 3339 date and time",
    )
}

/// `NaiveDateTime` in chrono's own format, read by [`parse_naive`].
pub mod naive {
    use super::*;

    pub fn serialize<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(at, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        let text = <&str>::deserialize(deserializer)?;
        parse_naive(text).ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(text), &"a date and time")
        })
    }
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
            Some(text) => parse(text).map(Some).ok_or_else(|| not_rfc3339(text)),
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

    #[test]
    fn parses_as_chrono_does() {
        for text in [
            "2026-12-01T16:00:00Z",
            "2026-12-01T16:00:00.001500Z",
            "2026-12-01T16:00:00.5z",
            "2026-12-01t19:00:00+03:00",
            "2026-12-01 01:30:00-05:30",
            "1999-01-01T00:00:00.123456789123Z",
            "2016-12-31T23:59:60Z",
            "2024-02-29T12:00:00+00:00",
        ] {
            let ours = parse(text);
            let chrono = DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|at| at.with_timezone(&Utc));
            assert_eq!(ours, chrono, "{text}");
            assert!(ours.is_some(), "{text}");
        }
        for text in [
            "",
            "2026-12-01",
            "2026-12-01T16:00:00",
            "2026-12-01T16:00:00.Z",
            "2026-02-30T16:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T16:00:00+24:00",
            "2026-12-01T16:00:00+0300",
            "2026-12-01T16:00:00Zjunk",
            "2026-12-0１T16:00:00Z",
            "+2026-12-01T16:00:00Z",
        ] {
            assert_eq!(parse(text), None, "{text}");
            assert!(DateTime::parse_from_rfc3339(text).is_err(), "{text}");
        }
    }

    #[test]
    fn naive_round_trips_as_chrono_writes_it() {
        for text in [
            "2026-12-01T16:00:00",
            "2026-12-01T16:00:00.250",
            "2026-12-01T16:00:59.000000001",
        ] {
            let at: NaiveDateTime = text.parse().unwrap();
            assert_eq!(parse_naive(text), Some(at), "{text}");
            let written = serde_json::to_string(&at).unwrap();
            assert_eq!(parse_naive(written.trim_matches('"')), Some(at), "{text}");
        }
        assert_eq!(parse_naive("2026-12-01T16:00:00Z"), None);
    }
}
