//! Telegram's sending limits, kept on our side: about 30 messages a second overall and one a
//! second to each chat.

use std::num::NonZeroU32;

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct Pace {
    overall: DefaultDirectRateLimiter,
    per_chat: DefaultKeyedRateLimiter<i64>,
}

impl Pace {
    pub fn new(overall_per_second: NonZeroU32, per_chat_per_second: NonZeroU32) -> Pace {
        Pace {
            overall: RateLimiter::direct(Quota::per_second(overall_per_second)),
            per_chat: RateLimiter::keyed(Quota::per_second(per_chat_per_second)),
        }
    }

    /// What the Bot API allows a bot.
    pub fn telegram() -> Pace {
        Pace::new(NonZeroU32::new(30).unwrap(), NonZeroU32::MIN)
    }

    /// Waits until a message to `chat` keeps within both limits.
    pub async fn wait(&self, chat: i64) {
        self.per_chat.until_key_ready(&chat).await;
        self.overall.until_ready().await;
    }

    /// Forgets chats that have not been written to lately.
    pub fn forget_idle(&self) {
        self.per_chat.retain_recent();
        self.per_chat.shrink_to_fit();
    }
}
