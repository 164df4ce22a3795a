//! Why one field was refused (`FieldError::message`).

use crate::i18n::{Lang, Translated, plural};

pub struct FieldErrorTexts {
    pub required: &'static str,
    pub too_long: fn(max: usize) -> String,
    pub out_of_range: fn(min: i64, max: i64) -> String,
    pub invalid: &'static str,
    pub invalid_priority: &'static str,
    pub invalid_date_time: &'static str,
    pub invalid_boolean: &'static str,
    pub invalid_sort: &'static str,
    pub too_many_tags: fn(max: usize) -> String,
    pub tag_length: fn(max: usize) -> String,
    pub invalid_language: &'static str,
    pub invalid_time_zone: &'static str,
    pub invalid_time_of_day: &'static str,
    pub invalid_theme: &'static str,
    pub invalid_due_filter: &'static str,
    pub invalid_month: &'static str,
    pub invalid_date: &'static str,
    pub duplicate_ids: &'static str,
    pub invalid_username: fn(min: usize, max: usize) -> String,
    pub weak_password: fn(min: usize) -> String,
    pub username_taken: &'static str,
    pub wrong_password: &'static str,
    pub no_title: &'static str,
}

pub static EN: FieldErrorTexts = FieldErrorTexts {
    required: "This field is required and cannot be empty.",
    too_long: |max| {
        format!(
            "Must be at most {}.",
            plural::en(max as u64, "character", "characters")
        )
    },
    out_of_range: |min, max| format!("Must be a whole number from {min} to {max}."),
    invalid: "This value is not valid.",
    invalid_priority: "Priority must be one of: low, normal, high.",
    invalid_date_time: "Use a date and time like 2026-12-31T18:30 or 2026-12-31T18:30:00+03:00.",
    invalid_boolean: "Must be true or false.",
    invalid_sort: "Sort by one of: position, date, priority, title, created.",
    too_many_tags: |max| format!("At most {}.", plural::en(max as u64, "tag", "tags")),
    tag_length: |max| {
        let characters = plural::en(max as u64, "character", "characters");
        format!("Each tag must be 1 to {characters}.")
    },
    invalid_language: "Language must be ru or en.",
    invalid_time_zone: "Use an IANA time zone name such as Europe/Moscow.",
    invalid_time_of_day: "Use a time of day as HH:MM.",
    invalid_theme: "Theme must be auto, light or dark.",
    invalid_due_filter: "Use today, upcoming, overdue, none or a date as YYYY-MM-DD.",
    invalid_month: "Use a month as YYYY-MM.",
    invalid_date: "Use a date as YYYY-MM-DD.",
    duplicate_ids: "Each id may appear only once.",
    invalid_username: |min, max| {
        let signs = plural::en(
            max as u64,
            "Latin letter, digit or underscore",
            "Latin letters, digits or underscores",
        );
        format!("Use {min} to {signs}.")
    },
    weak_password: |min| {
        let characters = plural::en(min as u64, "character", "characters");
        format!("At least {characters}, with both letters and digits.")
    },
    username_taken: "This username is taken.",
    wrong_password: "The current password is not right.",
    no_title: "Say what to do: the text has only a date, #tags, !priority or @category.",
};

pub static RU: FieldErrorTexts = FieldErrorTexts {
    required: "Обязательное поле, оно не может быть пустым.",
    too_long: |max| {
        format!(
            "Не длиннее {}.",
            plural::ru(max as u64, "символа", "символов", "символов")
        )
    },
    out_of_range: |min, max| format!("Нужно целое число от {min} до {max}."),
    invalid: "Недопустимое значение.",
    invalid_priority: "Приоритет должен быть одним из: low, normal, high.",
    invalid_date_time: "Укажите дату и время в виде 2026-12-31T18:30 или 2026-12-31T18:30:00+03:00.",
    invalid_boolean: "Должно быть true или false.",
    invalid_sort: "Сортировка — одно из: position, date, priority, title, created.",
    too_many_tags: |max| {
        format!(
            "Не больше {}.",
            plural::ru(max as u64, "тега", "тегов", "тегов")
        )
    },
    tag_length: |max| {
        let characters = plural::ru(max as u64, "символа", "символов", "символов");
        format!("Каждый тег — от 1 до {characters}.")
    },
    invalid_language: "Язык должен быть ru или en.",
    invalid_time_zone: "Укажите часовой пояс IANA, например Europe/Moscow.",
    invalid_time_of_day: "Укажите время в виде ЧЧ:ММ.",
    invalid_theme: "Тема должна быть auto, light или dark.",
    invalid_due_filter: "Укажите today, upcoming, overdue, none или дату ГГГГ-ММ-ДД.",
    invalid_month: "Укажите месяц в виде ГГГГ-ММ.",
    invalid_date: "Укажите дату в виде ГГГГ-ММ-ДД.",
    duplicate_ids: "Каждый id может встречаться только раз.",
    invalid_username: |min, max| {
        let signs = plural::ru(
            max as u64,
            "латинской буквы, цифры или знака подчёркивания",
            "латинских букв, цифр или знаков подчёркивания",
            "латинских букв, цифр или знаков подчёркивания",
        );
        format!("От {min} до {signs}.")
    },
    weak_password: |min| {
        let characters = plural::ru(min as u64, "символа", "символов", "символов");
        format!("Не короче {characters}, и буквы, и цифры.")
    },
    username_taken: "Это имя пользователя уже занято.",
    wrong_password: "Текущий пароль указан неверно.",
    no_title: "Напишите, что сделать: в тексте только дата, #теги, !приоритет или @категория.",
};

pub fn texts(lang: Lang) -> &'static FieldErrorTexts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
