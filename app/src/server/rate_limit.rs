//! Request rate limits: per signed-in user on every authenticated call (the deployment guide's
//! 100 requests a minute on the JSON API, `RATE_LIMIT_PER_MINUTE`, and four times that for the
//! app's own pages and server functions, where one tap is one request and typing asks for chips:
//! a fast human clearing a week of tasks must not meet the limit), and a tighter one per client
//! address on
//! sign-in (`SIGN_IN_RATE_LIMIT_PER_MINUTE`, 10 by default), and one for the browsers' crash
//! reports per address (`CRASH_REPORTS_PER_MINUTE`).

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Over the limit: may try again after this long (whole seconds, at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimited {
    pub retry_after_secs: u64,
}

#[derive(Clone)]
pub struct RateLimits {
    per_user: Arc<DefaultKeyedRateLimiter<i64>>,
    per_user_in_app: Arc<DefaultKeyedRateLimiter<i64>>,
    sign_in: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    crash_reports: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

/// How many times the JSON API's allowance the app's own calls get.
pub const APP_ALLOWANCE: u32 = 4;

/// Which door a call came through: each has its own allowance per user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    /// The JSON API (`/api/v1`).
    Api,
    /// The app's pages and server functions.
    App,
}

/// Crash reports one address may send in a minute: a page reports each error once, so more is
/// a loop or abuse, and the log is not the place for it.
pub const CRASH_REPORTS_PER_MINUTE: u32 = 10;

impl RateLimits {
    pub fn new(per_user_per_minute: u32, sign_in_per_minute: u32) -> RateLimits {
        RateLimits {
            per_user: Arc::new(RateLimiter::keyed(per_minute(per_user_per_minute))),
            per_user_in_app: Arc::new(RateLimiter::keyed(per_minute(
                per_user_per_minute.saturating_mul(APP_ALLOWANCE),
            ))),
            sign_in: Arc::new(RateLimiter::keyed(per_minute(sign_in_per_minute))),
            crash_reports: Arc::new(RateLimiter::keyed(per_minute(CRASH_REPORTS_PER_MINUTE))),
        }
    }

    /// `user_id`: the account's own id, whichever way the user signed in.
    pub fn check_user(&self, user_id: i64, door: Door) -> Result<(), RateLimited> {
        let limiter = match door {
            Door::Api => &self.per_user,
            Door::App => &self.per_user_in_app,
        };
        verdict(limiter.check_key(&user_id))
    }

    pub fn check_sign_in(&self, client: IpAddr) -> Result<(), RateLimited> {
        verdict(self.sign_in.check_key(&client))
    }

    pub fn check_crash_report(&self, client: IpAddr) -> Result<(), RateLimited> {
        verdict(self.crash_reports.check_key(&client))
    }

    /// Forgets keys whose allowance is full again, so memory follows recent traffic only.
    pub fn forget_idle(&self) {
        self.per_user.retain_recent();
        self.per_user.shrink_to_fit();
        self.per_user_in_app.retain_recent();
        self.per_user_in_app.shrink_to_fit();
        self.sign_in.retain_recent();
        self.sign_in.shrink_to_fit();
        self.crash_reports.retain_recent();
        self.crash_reports.shrink_to_fit();
    }
}

/// `n` a minute, all of them available at once.
fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

fn verdict<T>(
    outcome: Result<T, governor::NotUntil<<DefaultClock as Clock>::Instant>>,
) -> Result<(), RateLimited> {
    outcome.map(|_| ()).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        RateLimited {
            retry_after_secs: whole_seconds(wait),
        }
    })
}

fn whole_seconds(wait: Duration) -> u64 {
    let rounded_up = wait
        .as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0));
    rounded_up.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_quota_then_refuses_with_a_wait() {
        let limits = RateLimits::new(3, 10);
        for _ in 0..3 {
            assert_eq!(limits.check_user(1, Door::Api), Ok(()));
        }
        let refused = limits.check_user(1, Door::Api).unwrap_err();
        assert!((1..=20).contains(&refused.retry_after_secs), "{refused:?}");
        assert_eq!(
            limits.check_user(2, Door::Api),
            Ok(()),
            "another user has their own allowance"
        );
        for _ in 0..3 * APP_ALLOWANCE {
            assert_eq!(limits.check_user(1, Door::App), Ok(()), "the app's own");
        }
        assert!(limits.check_user(1, Door::App).is_err());
    }

    #[test]
    fn sign_in_is_counted_per_address() {
        let limits = RateLimits::new(100, 10);
        let here: IpAddr = "192.0.2.1".parse().unwrap();
        let there: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..10 {
            assert_eq!(limits.check_sign_in(here), Ok(()));
        }
        assert!(limits.check_sign_in(here).is_err());
        assert_eq!(limits.check_sign_in(there), Ok(()));
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(whole_seconds(Duration::ZERO), 1);
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds(Duration::from_secs(2)), 2);
        assert_eq!(whole_seconds(Duration::from_millis(2001)), 3);
    }
}
