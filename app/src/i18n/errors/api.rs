//! The `detail` of the JSON API's error answers (`src/rest/error.rs`); the refused fields,
//! credentials and accounts have their own texts beside this file.

use crate::i18n::{Lang, Translated};

pub struct ApiErrorTexts {
    pub not_found: &'static str,
    pub expired: &'static str,
    pub invalid_fields: &'static str,
    pub internal: &'static str,
    pub too_many_requests: &'static str,
    pub malformed_body: &'static str,
    pub invalid_body: fn(reason: &str) -> String,
    pub invalid_query: &'static str,
    pub unsupported_media_type: &'static str,
    pub payload_too_large: &'static str,
    pub route_not_found: &'static str,
}

pub static EN: ApiErrorTexts = ApiErrorTexts {
    not_found: "Not found.",
    expired: "Too late: a deleted task can be restored for a few minutes only.",
    invalid_fields: "Some fields are not valid.",
    internal: "Internal server error.",
    too_many_requests: "Too many requests; try again later (see Retry-After).",
    malformed_body: "The request body is not valid JSON.",
    invalid_body: |reason| format!("The request body has the wrong shape: {reason}"),
    invalid_query: "The query string is not valid.",
    unsupported_media_type: "Send the body as JSON with Content-Type: application/json.",
    payload_too_large: "The request body is too large.",
    route_not_found: "No such API route.",
};

pub static RU: ApiErrorTexts = ApiErrorTexts {
    not_found: "Не найдено.",
    expired: "Слишком поздно: удалённую задачу можно восстановить лишь в течение нескольких минут.",
    invalid_fields: "Некоторые поля заполнены неверно.",
    internal: "Внутренняя ошибка сервера.",
    too_many_requests: "Слишком много запросов; повторите позже (см. Retry-After).",
    malformed_body: "Тело запроса — не корректный JSON.",
    invalid_body: |reason| format!("Тело запроса не той структуры: {reason}"),
    invalid_query: "Неверные параметры запроса.",
    unsupported_media_type: "Отправьте тело как JSON с Content-Type: application/json.",
    payload_too_large: "Тело запроса слишком большое.",
    route_not_found: "Такого метода API нет.",
};

pub fn texts(lang: Lang) -> &'static ApiErrorTexts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
