use crate::i18n::Lang;

/// Why credentials were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("no credentials")]
    Missing,
    #[error("unsupported authorization scheme")]
    UnsupportedScheme,
    #[error("malformed initData")]
    Malformed,
    #[error("initData has no hash")]
    MissingHash,
    #[error("bad signature")]
    BadSignature,
    #[error("expired")]
    Expired,
    #[error("initData has no user")]
    NoUser,
    #[error("Telegram sign-in is not configured")]
    NotConfigured,
    #[error("unknown or revoked API token")]
    BadToken,
}

impl AuthError {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            AuthError::Missing => lang.pick(
                "Нужна авторизация: заголовок Authorization: tma <initData> или Bearer <API-токен>.",
                "Authentication required: send Authorization: tma <initData> or Bearer <API token>.",
            ),
            AuthError::UnsupportedScheme => lang.pick(
                "Неподдерживаемая схема авторизации; используйте tma <initData> или Bearer <API-токен>.",
                "Unsupported authorization scheme; use tma <initData> or Bearer <API token>.",
            ),
            AuthError::Malformed => lang.pick(
                "Данные авторизации повреждены.",
                "The credentials are malformed.",
            ),
            AuthError::MissingHash => {
                lang.pick("В initData нет подписи (hash).", "initData has no hash.")
            }
            AuthError::BadSignature => lang.pick(
                "Неверная подпись initData.",
                "The initData signature is not valid.",
            ),
            AuthError::Expired => lang.pick(
                "Данные авторизации устарели; откройте приложение заново.",
                "The credentials have expired; open the app again.",
            ),
            AuthError::NoUser => {
                lang.pick("В initData нет пользователя.", "initData names no user.")
            }
            AuthError::NotConfigured => lang.pick(
                "Вход через Telegram не настроен на сервере.",
                "Telegram sign-in is not configured on this server.",
            ),
            AuthError::BadToken => lang.pick(
                "API-токен неизвестен или отозван.",
                "The API token is unknown or has been revoked.",
            ),
        }
    }
}
