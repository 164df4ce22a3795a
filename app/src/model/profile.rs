use chrono::NaiveTime;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{FieldError, FieldErrors, present};
use crate::i18n::Lang;

/// The profile and settings, as `GET /api/v1/me` shows them.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: i64,
    pub telegram_id: Option<i64>,
    pub username: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub language: Lang,
    pub time_zone: String,
    pub reminders_enabled: bool,
    pub reminder_offset_minutes: i32,
    pub digest_time: Option<String>,
    pub theme: Theme,
}

/// The colours the app is shown in: Telegram's (or the system's), or always light or dark.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn parse(value: &str) -> Result<Theme, FieldError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            _ => Err(FieldError::InvalidTheme),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// An IANA time zone name that the server knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZoneName(Tz);

impl TimeZoneName {
    pub fn parse(value: &str) -> Result<TimeZoneName, FieldError> {
        value
            .trim()
            .parse::<Tz>()
            .map(TimeZoneName)
            .map_err(|_| FieldError::InvalidTimeZone)
    }

    pub fn zone(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

/// A local time of day, `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestTime(NaiveTime);

impl DigestTime {
    pub fn parse(value: &str) -> Result<DigestTime, FieldError> {
        let value = value.trim();
        if value.len() != 5 {
            return Err(FieldError::InvalidTimeOfDay);
        }
        NaiveTime::parse_from_str(value, "%H:%M")
            .map(DigestTime)
            .map_err(|_| FieldError::InvalidTimeOfDay)
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }

    pub fn format(self) -> String {
        self.0.format("%H:%M").to_string()
    }
}

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfilePatchInput {
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub language: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub time_zone: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub reminders_enabled: Option<Option<bool>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub reminder_offset_minutes: Option<Option<i64>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub digest_time: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub theme: Option<Option<String>>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfilePatch {
    pub language: Option<Lang>,
    pub time_zone: Option<TimeZoneName>,
    pub reminders_enabled: Option<bool>,
    pub reminder_offset_minutes: Option<i32>,
    pub digest_time: Option<Option<DigestTime>>,
    pub theme: Option<Theme>,
}

impl ProfilePatch {
    /// A reminder at most a week before the due time.
    pub const MAX_OFFSET_MINUTES: i64 = 7 * 24 * 60;

    pub fn parse(input: ProfilePatchInput) -> Result<ProfilePatch, FieldErrors> {
        let mut e = FieldErrors::new();
        let offset_error = FieldError::OutOfRange {
            min: 0,
            max: Self::MAX_OFFSET_MINUTES,
        };
        let patch = ProfilePatch {
            language: input.language.and_then(|v| {
                e.check(
                    "language",
                    v.as_deref()
                        .and_then(Lang::parse)
                        .ok_or(FieldError::InvalidLanguage),
                )
            }),
            time_zone: input.time_zone.and_then(|v| {
                e.check(
                    "time_zone",
                    v.ok_or(FieldError::InvalidTimeZone)
                        .and_then(|z| TimeZoneName::parse(&z)),
                )
            }),
            reminders_enabled: input
                .reminders_enabled
                .and_then(|v| e.check("reminders_enabled", v.ok_or(FieldError::InvalidBoolean))),
            reminder_offset_minutes: input.reminder_offset_minutes.and_then(|v| {
                e.check(
                    "reminder_offset_minutes",
                    v.filter(|m| (0..=Self::MAX_OFFSET_MINUTES).contains(m))
                        .map(|m| m as i32)
                        .ok_or(offset_error.clone()),
                )
            }),
            digest_time: input.digest_time.and_then(|v| {
                e.check(
                    "digest_time",
                    v.as_deref().map(DigestTime::parse).transpose(),
                )
            }),
            theme: input.theme.and_then(|v| {
                e.check(
                    "theme",
                    v.ok_or(FieldError::InvalidTheme)
                        .and_then(|t| Theme::parse(&t)),
                )
            }),
        };
        e.finish(|| patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_settings() {
        let input: ProfilePatchInput = serde_json::from_str(
            r#"{"language":"ru","time_zone":"Europe/Moscow","reminder_offset_minutes":30,"digest_time":"08:05"}"#,
        )
        .unwrap();
        let patch = ProfilePatch::parse(input).unwrap();
        assert_eq!(patch.language, Some(Lang::Ru));
        assert_eq!(patch.time_zone.unwrap().name(), "Europe/Moscow");
        assert_eq!(patch.digest_time.unwrap().unwrap().format(), "08:05");
        let cleared: ProfilePatchInput = serde_json::from_str(r#"{"digest_time":null}"#).unwrap();
        assert_eq!(
            ProfilePatch::parse(cleared).unwrap().digest_time,
            Some(None)
        );
    }

    #[test]
    fn refuses_bad_settings() {
        let input: ProfilePatchInput = serde_json::from_str(
            r#"{"language":"de","time_zone":"Mars/Olympus","reminder_offset_minutes":-5,"digest_time":"25:00","reminders_enabled":null,"theme":"pink"}"#,
        )
        .unwrap();
        let errors = ProfilePatch::parse(input).unwrap_err();
        assert_eq!(errors.iter().count(), 6);
        assert!(DigestTime::parse("8:05").is_err());
    }
}
