use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::i18n::Lang;
use crate::i18n::errors::field;

/// Why one field was refused. The code is stable for clients; the message is for people.
/// Written as `{"code": "too_long", "max": 500}`; read back by hand (below).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldError {
    Required,
    TooLong {
        max: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    Invalid,
    InvalidPriority,
    InvalidDateTime,
    InvalidBoolean,
    InvalidSort,
    TooManyTags {
        max: usize,
    },
    TagLength {
        max: usize,
    },
    InvalidLanguage,
    InvalidTimeZone,
    InvalidTimeOfDay,
    InvalidTheme,
    InvalidDueFilter,
    InvalidMonth,
    InvalidDate,
    DuplicateIds,
    InvalidUsername {
        min: usize,
        max: usize,
    },
    WeakPassword {
        min: usize,
    },
    UsernameTaken,
    WrongPassword,
    /// Quick add: nothing is left for a title once the date, tags, priority and category are taken.
    NoTitle,
}

impl FieldError {
    pub fn code(&self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::TooLong { .. } => "too_long",
            FieldError::OutOfRange { .. } => "out_of_range",
            FieldError::Invalid => "invalid",
            FieldError::InvalidPriority => "invalid_priority",
            FieldError::InvalidDateTime => "invalid_date_time",
            FieldError::InvalidBoolean => "invalid_boolean",
            FieldError::InvalidSort => "invalid_sort",
            FieldError::TooManyTags { .. } => "too_many_tags",
            FieldError::TagLength { .. } => "tag_length",
            FieldError::InvalidLanguage => "invalid_language",
            FieldError::InvalidTimeZone => "invalid_time_zone",
            FieldError::InvalidTimeOfDay => "invalid_time_of_day",
            FieldError::InvalidTheme => "invalid_theme",
            FieldError::InvalidDueFilter => "invalid_due_filter",
            FieldError::InvalidMonth => "invalid_month",
            FieldError::InvalidDate => "invalid_date",
            FieldError::DuplicateIds => "duplicate_ids",
            FieldError::InvalidUsername { .. } => "invalid_username",
            FieldError::WeakPassword { .. } => "weak_password",
            FieldError::UsernameTaken => "username_taken",
            FieldError::WrongPassword => "wrong_password",
            FieldError::NoTitle => "no_title",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let t = field::texts(lang);
        match *self {
            FieldError::Required => t.required.into(),
            FieldError::TooLong { max } => (t.too_long)(max),
            FieldError::OutOfRange { min, max } => (t.out_of_range)(min, max),
            FieldError::Invalid => t.invalid.into(),
            FieldError::InvalidPriority => t.invalid_priority.into(),
            FieldError::InvalidDateTime => t.invalid_date_time.into(),
            FieldError::InvalidBoolean => t.invalid_boolean.into(),
            FieldError::InvalidSort => t.invalid_sort.into(),
            FieldError::TooManyTags { max } => (t.too_many_tags)(max),
            FieldError::TagLength { max } => (t.tag_length)(max),
            FieldError::InvalidLanguage => t.invalid_language.into(),
            FieldError::InvalidTimeZone => t.invalid_time_zone.into(),
            FieldError::InvalidTimeOfDay => t.invalid_time_of_day.into(),
            FieldError::InvalidTheme => t.invalid_theme.into(),
            FieldError::InvalidDueFilter => t.invalid_due_filter.into(),
            FieldError::InvalidMonth => t.invalid_month.into(),
            FieldError::InvalidDate => t.invalid_date.into(),
            FieldError::DuplicateIds => t.duplicate_ids.into(),
            FieldError::InvalidUsername { min, max } => (t.invalid_username)(min, max),
            FieldError::WeakPassword { min } => (t.weak_password)(min),
            FieldError::UsernameTaken => t.username_taken.into(),
            FieldError::WrongPassword => t.wrong_password.into(),
            FieldError::NoTitle => t.no_title.into(),
        }
    }
}

/// A field error as written: its code and the numbers some codes carry. The derived reading of an
/// internally tagged enum first buffers every field in serde's generic `Content`; reading this
/// flat struct and matching the code is a fraction of that code in the browser's first WASM,
/// which reads the errors of every server function (bench/WASM_SIZE.md).
#[derive(Deserialize)]
struct Written {
    code: String,
    min: Option<i64>,
    max: Option<i64>,
}

impl<'de> Deserialize<'de> for FieldError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let Written { code, min, max } = Written::deserialize(deserializer)?;
        let number = |value: Option<i64>, name: &'static str| {
            value.ok_or_else(|| D::Error::missing_field(name))
        };
        let count = |value: Option<i64>, name: &'static str| {
            usize::try_from(number(value, name)?)
                .map_err(|_| D::Error::custom(format_args!("{name} out of range")))
        };
        Ok(match code.as_str() {
            "required" => FieldError::Required,
            "too_long" => FieldError::TooLong {
                max: count(max, "max")?,
            },
            "out_of_range" => FieldError::OutOfRange {
                min: number(min, "min")?,
                max: number(max, "max")?,
            },
            "invalid" => FieldError::Invalid,
            "invalid_priority" => FieldError::InvalidPriority,
            "invalid_date_time" => FieldError::InvalidDateTime,
            "invalid_boolean" => FieldError::InvalidBoolean,
            "invalid_sort" => FieldError::InvalidSort,
            "too_many_tags" => FieldError::TooManyTags {
                max: count(max, "max")?,
            },
            "tag_length" => FieldError::TagLength {
                max: count(max, "max")?,
            },
            "invalid_language" => FieldError::InvalidLanguage,
            "invalid_time_zone" => FieldError::InvalidTimeZone,
            "invalid_time_of_day" => FieldError::InvalidTimeOfDay,
            "invalid_theme" => FieldError::InvalidTheme,
            "invalid_due_filter" => FieldError::InvalidDueFilter,
            "invalid_month" => FieldError::InvalidMonth,
            "invalid_date" => FieldError::InvalidDate,
            "duplicate_ids" => FieldError::DuplicateIds,
            "invalid_username" => FieldError::InvalidUsername {
                min: count(min, "min")?,
                max: count(max, "max")?,
            },
            "weak_password" => FieldError::WeakPassword {
                min: count(min, "min")?,
            },
            "username_taken" => FieldError::UsernameTaken,
            "wrong_password" => FieldError::WrongPassword,
            "no_title" => FieldError::NoTitle,
            other => return Err(D::Error::unknown_variant(other, &["a field error code"])),
        })
    }
}

/// The refused fields of one input, by field name; the first error of each field is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(BTreeMap<String, FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: &str, error: FieldError) -> Self {
        let mut errors = Self::new();
        errors.add(field, error);
        errors
    }

    pub fn add(&mut self, field: &str, error: FieldError) {
        self.0.entry(field.to_owned()).or_insert(error);
    }

    /// Keeps the value when it parsed, records the error under `field` otherwise.
    pub fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.get(field)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &FieldError)> {
        self.0.iter().map(|(field, error)| (field.as_str(), error))
    }

    /// `Ok(value)` when nothing was refused.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every error reads back as itself, under the code `code()` names.
    #[test]
    fn reads_back_what_it_writes() {
        let all = [
            FieldError::Required,
            FieldError::TooLong { max: 500 },
            FieldError::OutOfRange { min: -5, max: 1440 },
            FieldError::Invalid,
            FieldError::InvalidPriority,
            FieldError::InvalidDateTime,
            FieldError::InvalidBoolean,
            FieldError::InvalidSort,
            FieldError::TooManyTags { max: 20 },
            FieldError::TagLength { max: 30 },
            FieldError::InvalidLanguage,
            FieldError::InvalidTimeZone,
            FieldError::InvalidTimeOfDay,
            FieldError::InvalidTheme,
            FieldError::InvalidDueFilter,
            FieldError::InvalidMonth,
            FieldError::InvalidDate,
            FieldError::DuplicateIds,
            FieldError::InvalidUsername { min: 3, max: 32 },
            FieldError::WeakPassword { min: 10 },
            FieldError::UsernameTaken,
            FieldError::WrongPassword,
            FieldError::NoTitle,
        ];
        for error in all {
            // No wildcard: a new kind of error does not compile until it is listed above.
            match error {
                FieldError::Required
                | FieldError::TooLong { .. }
                | FieldError::OutOfRange { .. }
                | FieldError::Invalid
                | FieldError::InvalidPriority
                | FieldError::InvalidDateTime
                | FieldError::InvalidBoolean
                | FieldError::InvalidSort
                | FieldError::TooManyTags { .. }
                | FieldError::TagLength { .. }
                | FieldError::InvalidLanguage
                | FieldError::InvalidTimeZone
                | FieldError::InvalidTimeOfDay
                | FieldError::InvalidTheme
                | FieldError::InvalidDueFilter
                | FieldError::InvalidMonth
                | FieldError::InvalidDate
                | FieldError::DuplicateIds
                | FieldError::InvalidUsername { .. }
                | FieldError::WeakPassword { .. }
                | FieldError::UsernameTaken
                | FieldError::WrongPassword
                | FieldError::NoTitle => {}
            }
            let json = serde_json::to_value(&error).unwrap();
            assert_eq!(json["code"], error.code(), "{error:?}");
            assert_eq!(serde_json::from_value::<FieldError>(json).unwrap(), error);
        }
    }

    #[test]
    fn counts_take_the_plural_form_of_their_number() {
        let too_long = |max| FieldError::TooLong { max };
        assert_eq!(too_long(500).message(Lang::Ru), "Не длиннее 500 символов.");
        assert_eq!(too_long(21).message(Lang::Ru), "Не длиннее 21 символа.");
        assert_eq!(
            too_long(500).message(Lang::En),
            "Must be at most 500 characters."
        );
        assert_eq!(
            too_long(1).message(Lang::En),
            "Must be at most 1 character."
        );
        let tags = FieldError::TooManyTags { max: 1 };
        assert_eq!(tags.message(Lang::Ru), "Не больше 1 тега.");
        assert_eq!(tags.message(Lang::En), "At most 1 tag.");
    }

    #[test]
    fn refuses_unknown_codes_and_missing_numbers() {
        for json in [
            r#"{"code":"nope"}"#,
            r#"{"code":"too_long"}"#,
            r#"{"code":"too_long","max":-1}"#,
            r#"{"max":5}"#,
        ] {
            assert!(serde_json::from_str::<FieldError>(json).is_err(), "{json}");
        }
        let errors: FieldErrors =
            serde_json::from_str(r#"{"title":{"code":"too_long","max":500,"extra":1}}"#).unwrap();
        assert_eq!(errors.get("title"), Some(&FieldError::TooLong { max: 500 }));
    }
}
