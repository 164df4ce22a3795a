use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Why one field was refused. The code is stable for clients; the message is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
            FieldError::DuplicateIds => "duplicate_ids",
            FieldError::InvalidUsername { .. } => "invalid_username",
            FieldError::WeakPassword { .. } => "weak_password",
            FieldError::UsernameTaken => "username_taken",
            FieldError::WrongPassword => "wrong_password",
            FieldError::NoTitle => "no_title",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FieldError::Required, Lang::En) => {
                "This field is required and cannot be empty.".into()
            }
            (FieldError::Required, Lang::Ru) => {
                "Обязательное поле, оно не может быть пустым.".into()
            }
            (FieldError::TooLong { max }, Lang::En) => format!("Must be at most {max} characters."),
            (FieldError::TooLong { max }, Lang::Ru) => format!("Не длиннее {max} символов."),
            (FieldError::OutOfRange { min, max }, Lang::En) => {
                format!("Must be a whole number from {min} to {max}.")
            }
            (FieldError::OutOfRange { min, max }, Lang::Ru) => {
                format!("Нужно целое число от {min} до {max}.")
            }
            (FieldError::Invalid, Lang::En) => "This value is not valid.".into(),
            (FieldError::Invalid, Lang::Ru) => "Недопустимое значение.".into(),
            (FieldError::InvalidPriority, Lang::En) => {
                "Priority must be one of: low, normal, high.".into()
            }
            (FieldError::InvalidPriority, Lang::Ru) => {
                "Приоритет должен быть одним из: low, normal, high.".into()
            }
            (FieldError::InvalidDateTime, Lang::En) => {
                "Use a date and time like 2026-12-31T18:30 or 2026-12-31T18:30:00+03:00.".into()
            }
            (FieldError::InvalidDateTime, Lang::Ru) => {
                "Укажите дату и время в виде 2026-12-31T18:30 или 2026-12-31T18:30:00+03:00.".into()
            }
            (FieldError::InvalidBoolean, Lang::En) => "Must be true or false.".into(),
            (FieldError::InvalidBoolean, Lang::Ru) => "Должно быть true или false.".into(),
            (FieldError::InvalidSort, Lang::En) => {
                "Sort by one of: position, date, priority, title, created.".into()
            }
            (FieldError::InvalidSort, Lang::Ru) => {
                "Сортировка — одно из: position, date, priority, title, created.".into()
            }
            (FieldError::TooManyTags { max }, Lang::En) => format!("At most {max} tags."),
            (FieldError::TooManyTags { max }, Lang::Ru) => format!("Не больше {max} тегов."),
            (FieldError::TagLength { max }, Lang::En) => {
                format!("Each tag must be 1 to {max} characters.")
            }
            (FieldError::TagLength { max }, Lang::Ru) => {
                format!("Каждый тег — от 1 до {max} символов.")
            }
            (FieldError::InvalidLanguage, Lang::En) => "Language must be ru or en.".into(),
            (FieldError::InvalidLanguage, Lang::Ru) => "Язык должен быть ru или en.".into(),
            (FieldError::InvalidTimeZone, Lang::En) => {
                "Use an IANA time zone name such as Europe/Moscow.".into()
            }
            (FieldError::InvalidTimeZone, Lang::Ru) => {
                "Укажите часовой пояс IANA, например Europe/Moscow.".into()
            }
            (FieldError::InvalidTimeOfDay, Lang::En) => "Use a time of day as HH:MM.".into(),
            (FieldError::InvalidTimeOfDay, Lang::Ru) => "Укажите время в виде ЧЧ:ММ.".into(),
            (FieldError::InvalidTheme, Lang::En) => "Theme must be auto, light or dark.".into(),
            (FieldError::InvalidTheme, Lang::Ru) => "Тема должна быть auto, light или dark.".into(),
            (FieldError::InvalidDueFilter, Lang::En) => {
                "Use today, upcoming, overdue, none or a date as YYYY-MM-DD.".into()
            }
            (FieldError::InvalidDueFilter, Lang::Ru) => {
                "Укажите today, upcoming, overdue, none или дату ГГГГ-ММ-ДД.".into()
            }
            (FieldError::InvalidMonth, Lang::En) => "Use a month as YYYY-MM.".into(),
            (FieldError::InvalidMonth, Lang::Ru) => "Укажите месяц в виде ГГГГ-ММ.".into(),
            (FieldError::DuplicateIds, Lang::En) => "Each id may appear only once.".into(),
            (FieldError::DuplicateIds, Lang::Ru) => {
                "Каждый id может встречаться только раз.".into()
            }
            (FieldError::InvalidUsername { min, max }, Lang::En) => {
                format!("Use {min} to {max} Latin letters, digits or underscores.")
            }
            (FieldError::InvalidUsername { min, max }, Lang::Ru) => {
                format!("От {min} до {max} латинских букв, цифр или знаков подчёркивания.")
            }
            (FieldError::WeakPassword { min }, Lang::En) => {
                format!("At least {min} characters, with both letters and digits.")
            }
            (FieldError::WeakPassword { min }, Lang::Ru) => {
                format!("Не короче {min} символов, и буквы, и цифры.")
            }
            (FieldError::UsernameTaken, Lang::En) => "This username is taken.".into(),
            (FieldError::UsernameTaken, Lang::Ru) => "Это имя пользователя уже занято.".into(),
            (FieldError::WrongPassword, Lang::En) => "The current password is not right.".into(),
            (FieldError::WrongPassword, Lang::Ru) => "Текущий пароль указан неверно.".into(),
            (FieldError::NoTitle, Lang::En) => {
                "Say what to do: the text has only a date, #tags, !priority or @category.".into()
            }
            (FieldError::NoTitle, Lang::Ru) => {
                "Напишите, что сделать: в тексте только дата, #теги, !приоритет или @категория."
                    .into()
            }
        }
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
