use crate::i18n::Lang;
use crate::i18n::errors::auth;

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
        let t = auth::texts(lang);
        match self {
            AuthError::Missing => t.missing,
            AuthError::UnsupportedScheme => t.unsupported_scheme,
            AuthError::Malformed => t.malformed,
            AuthError::MissingHash => t.missing_hash,
            AuthError::BadSignature => t.bad_signature,
            AuthError::Expired => t.expired,
            AuthError::NoUser => t.no_user,
            AuthError::NotConfigured => t.not_configured,
            AuthError::BadToken => t.bad_token,
        }
    }
}
