//! How an [`AppError`] travels to the browser (a server function's error, and inside the data a
//! page hydrates from): one string, the code and what it carries after a `:`.
//! - `validation:title=too_long:500;tags=tag_length:30` (each field's `FieldError::wire`)
//! - `rate_limited:30` (seconds to wait), `account:link_used`, `transport:<what failed>`
//! - `not_found`, `expired`, `unauthorized`, `internal`, `unreachable`
//!
//! Reading it is a split and a match. Serde's reader of a struct with a map of field errors in it
//! cost the first WASM several times that code (bench/WASM_SIZE.md).

use crate::model::{AccountError, FieldError, FieldErrors};

use super::AppError;

impl From<AppError> for String {
    fn from(error: AppError) -> String {
        match error {
            AppError::NotFound => "not_found".to_owned(),
            AppError::Expired => "expired".to_owned(),
            AppError::Validation(fields) => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(field, error)| format!("{field}={}", error.wire()))
                    .collect();
                format!("validation:{}", fields.join(";"))
            }
            AppError::Unauthorized => "unauthorized".to_owned(),
            AppError::Internal => "internal".to_owned(),
            AppError::Transport(detail) => format!("transport:{detail}"),
            AppError::Unreachable => "unreachable".to_owned(),
            AppError::RateLimited { retry_after_secs } => {
                format!("rate_limited:{retry_after_secs}")
            }
            AppError::Account(error) => format!("account:{}", error.code()),
        }
    }
}

/// What cannot be read (a code from a newer server, say) is an internal error.
impl From<String> for AppError {
    fn from(wire: String) -> AppError {
        let (code, rest) = wire.split_once(':').unwrap_or((&wire, ""));
        match code {
            "not_found" => AppError::NotFound,
            "expired" => AppError::Expired,
            "validation" => AppError::Validation(read_fields(rest)),
            "unauthorized" => AppError::Unauthorized,
            "transport" => AppError::Transport(rest.to_owned()),
            "unreachable" => AppError::Unreachable,
            "rate_limited" => AppError::RateLimited {
                retry_after_secs: rest.parse().unwrap_or_default(),
            },
            "account" => {
                AccountError::from_code(rest).map_or(AppError::Internal, AppError::Account)
            }
            _ => AppError::Internal,
        }
    }
}

/// An error that cannot be read still marks its field.
fn read_fields(fields: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, wire) in fields.split(';').filter_map(|pair| pair.split_once('=')) {
        errors.add(
            field,
            FieldError::from_wire(wire).unwrap_or(FieldError::Invalid),
        );
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_back_as_itself() {
        let mut fields = FieldErrors::single("title", FieldError::TooLong { max: 500 });
        fields.add("minutes", FieldError::OutOfRange { min: -5, max: 1440 });
        for error in [
            AppError::NotFound,
            AppError::Expired,
            AppError::Validation(fields),
            AppError::Unauthorized,
            AppError::Internal,
            AppError::Transport("no: really; not=this".into()),
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
        assert_eq!(written, "account:link_used");
        let fields = FieldErrors::single("title", FieldError::Required);
        let written = serde_json::to_value(AppError::Validation(fields)).unwrap();
        assert_eq!(written, "validation:title=required");
    }

    #[test]
    fn what_cannot_be_read_is_internal_or_invalid() {
        let read = |text: &str| AppError::from(text.to_owned());
        assert_eq!(read("from_the_future"), AppError::Internal);
        assert_eq!(read("account:from_the_future"), AppError::Internal);
        assert_eq!(
            read("validation:title=from_the_future"),
            AppError::Validation(FieldErrors::single("title", FieldError::Invalid))
        );
        assert_eq!(
            read("rate_limited:soon"),
            AppError::RateLimited {
                retry_after_secs: 0
            }
        );
    }
}
