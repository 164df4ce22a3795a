use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::Lang;
use crate::i18n::errors::field;

/// Why one field was refused. The code is stable for clients; the message is for people.
/// Written as `{"code": "too_long", "max": 500}` (the API's errors); to the browser as `wire`.
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

impl FieldError {
    /// The numbers a code carries, in the order `wire` writes them.
    fn numbers(&self) -> [Option<i64>; 2] {
        let count = |n: usize| i64::try_from(n).ok();
        match *self {
            FieldError::TooLong { max }
            | FieldError::TooManyTags { max }
            | FieldError::TagLength { max } => [count(max), None],
            FieldError::WeakPassword { min } => [count(min), None],
            FieldError::OutOfRange { min, max } => [Some(min), Some(max)],
            FieldError::InvalidUsername { min, max } => [count(min), count(max)],
            _ => [None, None],
        }
    }

    /// The error as it travels to the browser: its code and numbers joined by `:`
    /// (`too_long:500`, `out_of_range:-5:1440`). Reading this back is a split and a match, a
    /// fraction of the code serde's reader of `{"code": …, "max": …}` costs the first WASM, which
    /// reads the errors of every server function (bench/WASM_SIZE.md).
    pub fn wire(&self) -> String {
        let mut wire = self.code().to_owned();
        for number in self.numbers().into_iter().flatten() {
            wire.push(':');
            wire.push_str(&number.to_string());
        }
        wire
    }

    /// Reads what `wire` wrote; `None` for anything else.
    pub fn from_wire(wire: &str) -> Option<FieldError> {
        let mut parts = wire.split(':');
        let code = parts.next()?;
        let mut numbers = parts.map(|part| part.parse::<i64>().ok());
        let mut number = || numbers.next().flatten();
        let mut count = || number().and_then(|n| usize::try_from(n).ok());
        Some(match code {
            "required" => FieldError::Required,
            "too_long" => FieldError::TooLong { max: count()? },
            "out_of_range" => FieldError::OutOfRange {
                min: number()?,
                max: number()?,
            },
            "invalid" => FieldError::Invalid,
            "invalid_priority" => FieldError::InvalidPriority,
            "invalid_date_time" => FieldError::InvalidDateTime,
            "invalid_boolean" => FieldError::InvalidBoolean,
            "invalid_sort" => FieldError::InvalidSort,
            "too_many_tags" => FieldError::TooManyTags { max: count()? },
            "tag_length" => FieldError::TagLength { max: count()? },
            "invalid_language" => FieldError::InvalidLanguage,
            "invalid_time_zone" => FieldError::InvalidTimeZone,
            "invalid_time_of_day" => FieldError::InvalidTimeOfDay,
            "invalid_theme" => FieldError::InvalidTheme,
            "invalid_due_filter" => FieldError::InvalidDueFilter,
            "invalid_month" => FieldError::InvalidMonth,
            "invalid_date" => FieldError::InvalidDate,
            "duplicate_ids" => FieldError::DuplicateIds,
            "invalid_username" => FieldError::InvalidUsername {
                min: count()?,
                max: count()?,
            },
            "weak_password" => FieldError::WeakPassword { min: count()? },
            "username_taken" => FieldError::UsernameTaken,
            "wrong_password" => FieldError::WrongPassword,
            "no_title" => FieldError::NoTitle,
            _ => return None,
        })
    }
}

/// The refused fields of one input, by field name; the first error of each field is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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

    /// Every error is written under the code `code()` names, and reads back from the wire as itself.
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
            assert_eq!(
                FieldError::from_wire(&error.wire()),
                Some(error.clone()),
                "{error:?}"
            );
        }
    }

    #[test]
    fn the_wire_reads_only_what_it_writes() {
        for junk in [
            "",
            "nope",
            "too_long",
            "too_long:x",
            "too_long:-1",
            "out_of_range:1",
        ] {
            assert_eq!(FieldError::from_wire(junk), None, "{junk}");
        }
        assert_eq!(
            FieldError::from_wire("out_of_range:-5:1440"),
            Some(FieldError::OutOfRange { min: -5, max: 1440 })
        );
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
}
