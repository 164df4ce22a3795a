use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::i18n::errors::account;

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
        let t = account::texts(lang);
        match self {
            AccountError::WrongCredentials => t.wrong_credentials,
            AccountError::LinkUnknown => t.link_unknown,
            AccountError::LinkExpired => t.link_expired,
            AccountError::LinkUsed => t.link_used,
            AccountError::TelegramTaken => t.telegram_taken,
            AccountError::OtherTelegramLinked => t.other_telegram_linked,
            AccountError::PasswordAlreadySet => t.password_already_set,
            AccountError::NoPassword => t.no_password,
        }
    }
}
