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
    const ALL: [AccountError; 8] = [
        AccountError::WrongCredentials,
        AccountError::LinkUnknown,
        AccountError::LinkExpired,
        AccountError::LinkUsed,
        AccountError::TelegramTaken,
        AccountError::OtherTelegramLinked,
        AccountError::PasswordAlreadySet,
        AccountError::NoPassword,
    ];

    /// The stable name clients see (`wrong_credentials`), as serde writes it.
    pub fn code(self) -> &'static str {
        match self {
            AccountError::WrongCredentials => "wrong_credentials",
            AccountError::LinkUnknown => "link_unknown",
            AccountError::LinkExpired => "link_expired",
            AccountError::LinkUsed => "link_used",
            AccountError::TelegramTaken => "telegram_taken",
            AccountError::OtherTelegramLinked => "other_telegram_linked",
            AccountError::PasswordAlreadySet => "password_already_set",
            AccountError::NoPassword => "no_password",
        }
    }

    pub fn from_code(code: &str) -> Option<AccountError> {
        AccountError::ALL
            .into_iter()
            .find(|error| error.code() == code)
    }

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

#[cfg(test)]
mod tests {
    use super::AccountError;

    #[test]
    fn codes_are_serdes_names_and_read_back() {
        for error in AccountError::ALL {
            assert_eq!(serde_json::to_value(error).unwrap(), error.code());
            assert_eq!(AccountError::from_code(error.code()), Some(error));
        }
        assert_eq!(AccountError::from_code("nope"), None);
    }
}
