//! Personal API tokens as every door shows them; the secret itself appears once, on creation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{FieldError, FieldErrors};

pub const TOKEN_NAME_MAX: usize = 100;

pub type ApiTokenId = i64;

/// What a token is for, as its owner calls it: 1–100 characters after trimming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TokenName(String);

impl TokenName {
    pub fn parse(value: &str) -> Result<TokenName, FieldError> {
        let value = value.trim();
        match value.chars().count() {
            0 => Err(FieldError::Required),
            n if n > TOKEN_NAME_MAX => Err(FieldError::TooLong {
                max: TOKEN_NAME_MAX,
            }),
            _ => Ok(TokenName(value.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TokenName {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        TokenName::parse(&value).map_err(|e| e.message(crate::i18n::Lang::En))
    }
}

impl From<TokenName> for String {
    fn from(value: TokenName) -> String {
        value.0
    }
}

/// `POST /api/v1/tokens` as sent: `{"name": "..."}`, checked by `parse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewApiTokenInput {
    /// 1–100 characters after trimming.
    pub name: Option<String>,
}

impl NewApiTokenInput {
    pub fn parse(self) -> Result<TokenName, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check(
            "name",
            TokenName::parse(self.name.as_deref().unwrap_or_default()),
        );
        match name {
            Some(name) if errors.is_empty() => Ok(name),
            _ => Err(errors),
        }
    }
}

/// A token as listed: never its secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ApiToken {
    #[cfg_attr(feature = "ssr", schema(value_type = i64))]
    pub id: ApiTokenId,
    pub name: String,
    #[serde(with = "super::rfc3339")]
    pub created_at: DateTime<Utc>,
    /// When the token last signed a request in (to within a minute); `null` if never.
    #[serde(with = "super::rfc3339::option")]
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A token just created, with its secret: the only time anyone sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedApiToken {
    #[cfg_attr(feature = "ssr", schema(value_type = i64))]
    pub id: ApiTokenId,
    pub name: String,
    #[serde(with = "super::rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "super::rfc3339::option")]
    pub last_used_at: Option<DateTime<Utc>>,
    /// The secret, for `Authorization: Bearer <token>`. Shown once; the server keeps only a hash.
    #[cfg_attr(feature = "ssr", schema(value_type = String, pattern = "^vct_[0-9a-f]{64}$"))]
    pub token: TokenSecret,
}

/// A token's secret. Its `Debug` shows no part of it, so it cannot end up in a log by accident.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TokenSecret(String);

impl TokenSecret {
    pub fn new(secret: String) -> TokenSecret {
        TokenSecret(secret)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for TokenSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenSecret(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded_in_characters() {
        assert_eq!(TokenName::parse("  CI  ").unwrap().as_str(), "CI");
        assert_eq!(TokenName::parse(" \n"), Err(FieldError::Required));
        assert!(TokenName::parse(&"я".repeat(100)).is_ok());
        assert_eq!(
            TokenName::parse(&"я".repeat(101)),
            Err(FieldError::TooLong { max: 100 })
        );
    }

    #[test]
    fn a_missing_name_is_a_field_error() {
        let errors = NewApiTokenInput { name: None }.parse().unwrap_err();
        assert_eq!(errors.get("name"), Some(&FieldError::Required));
    }

    #[test]
    fn the_secret_stays_out_of_debug() {
        let secret = TokenSecret::new("vct_0123456789abcdef".into());
        assert_eq!(format!("{secret:?}"), "TokenSecret(..)");
        assert_eq!(
            serde_json::to_string(&secret).unwrap(),
            "\"vct_0123456789abcdef\""
        );
    }
}
