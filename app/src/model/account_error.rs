use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Why a sign-in or an account change was refused (field rules aside: those are `Validation`).
/// Shared with the browser, which shows the same words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum AccountError {
    /// Unknown username or wrong password: deliberately the same.
    #[error("wrong username or password")]
    WrongCredentials,
    #[error("unknown sign-in link")]
    LinkUnknown,
    #[error("sign-in link expired")]
    LinkExpired,
    #[error("sign-in link already used")]
    LinkUsed,
    #[error("that Telegram account belongs to another account")]
    TelegramTaken,
    #[error("this account is linked to another Telegram account")]
    OtherTelegramLinked,
    #[error("the account already has a password")]
    PasswordAlreadySet,
    #[error("the account has no password")]
    NoPassword,
}

impl AccountError {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            AccountError::WrongCredentials => lang.pick(
                "Неверное имя пользователя или пароль.",
                "Wrong username or password.",
            ),
            AccountError::LinkUnknown => lang.pick(
                "Такой ссылки для входа нет. Попросите у бота новую командой /login.",
                "This sign-in link is not valid. Ask the bot for a new one with /login.",
            ),
            AccountError::LinkExpired => lang.pick(
                "Ссылка для входа устарела (она действует 10 минут). Попросите у бота новую командой /login.",
                "This sign-in link has expired (links last 10 minutes). Ask the bot for a new one with /login.",
            ),
            AccountError::LinkUsed => lang.pick(
                "По этой ссылке уже вошли: она одноразовая. Попросите у бота новую командой /login.",
                "This sign-in link was already used: each link works once. Ask the bot for a new one with /login.",
            ),
            AccountError::TelegramTaken => lang.pick(
                "Этот Telegram уже привязан к другому аккаунту с задачами или паролем. Войдите через Telegram, чтобы пользоваться тем аккаунтом.",
                "This Telegram account already belongs to another account that has tasks or a password. Sign in with Telegram to use that account.",
            ),
            AccountError::OtherTelegramLinked => lang.pick(
                "К этому аккаунту уже привязан другой Telegram.",
                "This account is already linked to another Telegram account.",
            ),
            AccountError::PasswordAlreadySet => lang.pick(
                "Пароль уже задан; смените его в форме смены пароля.",
                "A password is already set; change it with the change-password form.",
            ),
            AccountError::NoPassword => lang.pick(
                "У аккаунта ещё нет пароля; сначала задайте его.",
                "The account has no password yet; set one first.",
            ),
        }
    }
}
