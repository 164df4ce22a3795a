//! Why credentials were refused (`AuthError::message`).

use crate::i18n::{Lang, Translated};

pub struct AuthErrorTexts {
    pub missing: &'static str,
    pub unsupported_scheme: &'static str,
    pub malformed: &'static str,
    pub missing_hash: &'static str,
    pub bad_signature: &'static str,
    pub expired: &'static str,
    pub no_user: &'static str,
    pub not_configured: &'static str,
    pub bad_token: &'static str,
}

pub static EN: AuthErrorTexts = AuthErrorTexts {
    missing: "Authentication required: send Authorization: tma <initData> or Bearer <API token>.",
    unsupported_scheme: "Unsupported authorization scheme; use tma <initData> or Bearer <API token>.",
    malformed: "The credentials are malformed.",
    missing_hash: "initData has no hash.",
    bad_signature: "The initData signature is not valid.",
    expired: "The credentials have expired; open the app again.",
    no_user: "initData names no user.",
    not_configured: "Telegram sign-in is not configured on this server.",
    bad_token: "The API token is unknown or has been revoked.",
};

pub static RU: AuthErrorTexts = AuthErrorTexts {
    missing: "Нужна авторизация: заголовок Authorization: tma <initData> или Bearer <API-токен>.",
    unsupported_scheme: "Неподдерживаемая схема авторизации; используйте tma <initData> или Bearer <API-токен>.",
    malformed: "Данные авторизации повреждены.",
    missing_hash: "В initData нет подписи (hash).",
    bad_signature: "Неверная подпись initData.",
    expired: "Данные авторизации устарели; откройте приложение заново.",
    no_user: "В initData нет пользователя.",
    not_configured: "Вход через Telegram не настроен на сервере.",
    bad_token: "API-токен неизвестен или отозван.",
};

pub fn texts(lang: Lang) -> &'static AuthErrorTexts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
