//! How an [`AppError`] travels to the browser: `{"code": "validation", "fields": {…}}`,
//! `{"code": "rate_limited", "retry_after_secs": 30}`, `{"code": "account", "detail":
//! "link_used"}`. One flat struct instead of serde's reader for a whole enum, whose variants each
//! cost the first WASM their own code (10 KB of it, bench/WASM_SIZE.md).

use serde::{Deserialize, Serialize};

use super::AppError;
use crate::model::{AccountError, FieldErrors};

#[derive(Serialize, Deserialize)]
pub struct WireError {
    code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fields: Option<FieldErrors>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after_secs: Option<u64>,
}

impl From<AppError> for WireError {
    fn from(error: AppError) -> WireError {
        let mut wire = WireError {
            code: String::new(),
            fields: None,
            detail: None,
            retry_after_secs: None,
        };
        wire.code = match error {
            AppError::NotFound => "not_found",
            AppError::Expired => "expired",
            AppError::Validation(fields) => {
                wire.fields = Some(fields);
                "validation"
            }
            AppError::Unauthorized => "unauthorized",
            AppError::Internal => "internal",
            AppError::Transport(detail) => {
                wire.detail = Some(detail);
                "transport"
            }
            AppError::Unreachable => "unreachable",
            AppError::RateLimited { retry_after_secs } => {
                wire.retry_after_secs = Some(retry_after_secs);
                "rate_limited"
            }
            AppError::Account(error) => {
                wire.detail = Some(error.code().to_owned());
                "account"
            }
        }
        .to_owned();
        wire
    }
}

/// What cannot be read (a code from a newer server, say) is an internal error.
impl From<WireError> for AppError {
    fn from(wire: WireError) -> AppError {
        match wire.code.as_str() {
            "not_found" => AppError::NotFound,
            "expired" => AppError::Expired,
            "validation" => AppError::Validation(wire.fields.unwrap_or_default()),
            "unauthorized" => AppError::Unauthorized,
            "transport" => AppError::Transport(wire.detail.unwrap_or_default()),
            "unreachable" => AppError::Unreachable,
            "rate_limited" => AppError::RateLimited {
                retry_after_secs: wire.retry_after_secs.unwrap_or_default(),
            },
            "account" => wire
                .detail
                .as_deref()
                .and_then(AccountError::from_code)
                .map_or(AppError::Internal, AppError::Account),
            _ => AppError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FieldError;

    #[test]
    fn every_error_reads_back_as_itself() {
        let fields = FieldErrors::single("title", FieldError::TooLong { max: 500 });
        for error in [
            AppError::NotFound,
            AppError::Expired,
            AppError::Validation(fields),
            AppError::Unauthorized,
            AppError::Internal,
            AppError::Transport("no".into()),
            AppError::Unreachable,
            AppError::RateLimited {
                retry_after_secs: 7,
            },
            AppError::Account(AccountError::LinkUsed),
        ] {
            let text = serde_json::to_string(&error).unwrap();
            assert_eq!(
                serde_json::from_str::<AppError>(&text).unwrap(),
                error,
                "{text}"
            );
        }
        let written = serde_json::to_value(AppError::Account(AccountError::LinkUsed)).unwrap();
        assert_eq!(
            written,
            serde_json::json!({"code": "account", "detail": "link_used"})
        );
    }

    #[test]
    fn an_unknown_code_is_internal() {
        let read: AppError = serde_json::from_str(r#"{"code": "from_the_future"}"#).unwrap();
        assert_eq!(read, AppError::Internal);
    }
}
