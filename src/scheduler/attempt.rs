//! What a failed send means for a reminder: try again later, give up, or stop writing to a
//! person who blocked the bot.

use std::time::Duration;

use teloxide::{ApiError, RequestError};

/// Attempts before a reminder is recorded as failed.
pub const MAX_ATTEMPTS: i32 = 5;
const FIRST_BACKOFF: Duration = Duration::from_secs(30);
const LONGEST_BACKOFF: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Retry {
        after: Duration,
        reason: &'static str,
    },
    /// The person blocked the bot or is gone: their reminders stop.
    Blocked,
    GiveUp {
        reason: &'static str,
    },
}

/// 30 s, 1 min, 2 min, … up to 15 min after the `attempts`-th failure.
fn backoff(attempts: i32) -> Duration {
    let doubling = u32::try_from(attempts.clamp(0, 10)).unwrap_or(0);
    FIRST_BACKOFF
        .saturating_mul(2u32.pow(doubling))
        .min(LONGEST_BACKOFF)
}

/// A Bot API error's description says what kind it is: 400 "Bad Request: …", 403 "Forbidden: …";
/// a 5xx from Telegram or a proxy in front of it has none of these.
fn is_server_error(description: &str) -> bool {
    ![
        "Bad Request",
        "Forbidden",
        "Unauthorized",
        "Conflict",
        "Not Found",
    ]
    .iter()
    .any(|kind| description.starts_with(kind))
}

/// `error` from the attempt after `attempts` earlier ones.
pub fn classify(error: &RequestError, attempts: i32) -> Failure {
    let transient = |reason| {
        if attempts + 1 >= MAX_ATTEMPTS {
            Failure::GiveUp { reason }
        } else {
            Failure::Retry {
                after: backoff(attempts),
                reason,
            }
        }
    };
    match error {
        RequestError::RetryAfter(wait) => Failure::Retry {
            after: wait.duration(),
            reason: "rate_limited",
        },
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
            transient("network")
        }
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::BotKickedFromChannel
            | ApiError::ChatNotFound,
        ) => Failure::Blocked,
        RequestError::Api(ApiError::Unknown(description))
            if description.starts_with("Forbidden") =>
        {
            Failure::Blocked
        }
        RequestError::Api(ApiError::Unknown(description)) if is_server_error(description) => {
            transient("server_error")
        }
        RequestError::Api(_) => Failure::GiveUp { reason: "refused" },
        RequestError::MigrateToChatId(_) => Failure::GiveUp {
            reason: "chat_moved",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_back_off_then_give_up() {
        let error = RequestError::Api(ApiError::Unknown("Internal Server Error".into()));
        assert_eq!(
            classify(&error, 0),
            Failure::Retry {
                after: Duration::from_secs(30),
                reason: "server_error"
            }
        );
        assert_eq!(
            classify(&error, 2),
            Failure::Retry {
                after: Duration::from_secs(120),
                reason: "server_error"
            }
        );
        assert_eq!(
            classify(&error, MAX_ATTEMPTS - 1),
            Failure::GiveUp {
                reason: "server_error"
            }
        );
        assert_eq!(backoff(10), LONGEST_BACKOFF);
    }

    #[test]
    fn blocked_and_refused_are_final() {
        assert_eq!(
            classify(&RequestError::Api(ApiError::BotBlocked), 0),
            Failure::Blocked
        );
        let forbidden = ApiError::Unknown("Forbidden: bot can't initiate conversation".into());
        assert_eq!(classify(&RequestError::Api(forbidden), 0), Failure::Blocked);
        let bad = ApiError::Unknown("Bad Request: message is too long".into());
        assert_eq!(
            classify(&RequestError::Api(bad), 0),
            Failure::GiveUp { reason: "refused" }
        );
    }
}
