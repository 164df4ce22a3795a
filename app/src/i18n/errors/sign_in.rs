//! The page a refused link or widget sign-in shows (`src/sign_in/page.rs`); refused accounts
//! and an unconfigured widget use their own texts beside this file.

use crate::i18n::{Lang, Translated};

pub struct SignInFailureTexts {
    pub title: &'static str,
    pub home: &'static str,
    pub expired: &'static str,
    pub not_verified: &'static str,
    pub too_many_attempts: &'static str,
    pub account_not_found: &'static str,
    pub internal: &'static str,
    pub bad_request: &'static str,
}

pub static EN: SignInFailureTexts = SignInFailureTexts {
    title: "Sign-in failed",
    home: "Home",
    expired: "Telegram's sign-in data has expired. Please sign in again.",
    not_verified: "Telegram's sign-in data could not be verified. Please sign in again.",
    too_many_attempts: "Too many sign-in attempts. Wait a minute and try again.",
    account_not_found: "The account was not found.",
    internal: "Internal server error. Please try later.",
    bad_request: "The request is not valid.",
};

pub static RU: SignInFailureTexts = SignInFailureTexts {
    title: "Войти не удалось",
    home: "На главную",
    expired: "Данные входа через Telegram устарели. Войдите ещё раз.",
    not_verified: "Не удалось проверить данные входа через Telegram. Войдите ещё раз.",
    too_many_attempts: "Слишком много попыток входа. Подождите минуту и попробуйте снова.",
    account_not_found: "Аккаунт не найден.",
    internal: "Внутренняя ошибка сервера. Попробуйте позже.",
    bad_request: "Запрос повреждён.",
};

pub fn texts(lang: Lang) -> &'static SignInFailureTexts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
