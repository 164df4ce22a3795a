//! Sending to Telegram with its flood control respected: a 429 waits `retry_after` and tries
//! again, a network failure or a server error tries again after a growing pause.

use std::time::Duration;

use teloxide::RequestError;
use teloxide::requests::{Output, Request};

/// What a handler can fail with: only Telegram itself. Service failures become replies.
pub type HandlerResult = Result<(), RequestError>;

const ATTEMPTS: u32 = 4;
/// A `retry_after` longer than this is not waited for here: the caller gets the error.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

fn is_transient(error: &RequestError) -> bool {
    matches!(
        error,
        RequestError::Network(_) | RequestError::InvalidJson { .. } | RequestError::Io(_)
    )
}

/// Sends `request`, trying again while Telegram asks to wait or the failure is transient.
pub async fn deliver<R>(request: R) -> Result<Output<R>, RequestError>
where
    R: Request<Err = RequestError>,
{
    let mut attempt = 1;
    loop {
        match request.send_ref().await {
            Err(RequestError::RetryAfter(wait))
                if attempt < ATTEMPTS && wait.duration() <= LONGEST_WAIT =>
            {
                tracing::warn!(
                    retry_after = wait.seconds(),
                    "telegram flood control: waiting"
                );
                tokio::time::sleep(wait.duration()).await;
            }
            Err(error) if attempt < ATTEMPTS && is_transient(&error) => {
                tracing::warn!(%error, attempt, "telegram request failed: trying again");
                tokio::time::sleep(Duration::from_millis(500 * 2u64.pow(attempt - 1))).await;
            }
            result => {
                let outcome = match &result {
                    Ok(_) => "sent",
                    Err(RequestError::RetryAfter(_)) => "rate_limited",
                    Err(_) => "failed",
                };
                metrics::counter!("bot_requests_total", "outcome" => outcome).increment(1);
                return result;
            }
        }
        metrics::counter!("bot_requests_total", "outcome" => "retried").increment(1);
        attempt += 1;
    }
}
