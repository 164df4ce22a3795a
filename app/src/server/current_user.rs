use chrono_tz::Tz;

use super::entity::user;
use crate::i18n::Lang;

/// A proven user: who the request acts for, and the settings every service needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentUser {
    pub id: i64,
    pub language: Lang,
    pub time_zone: Tz,
    /// `tasks_version` when the request began.
    pub tasks_version: i64,
}

impl From<&user::Model> for CurrentUser {
    fn from(row: &user::Model) -> Self {
        CurrentUser {
            id: row.id,
            language: Lang::parse(&row.language).unwrap_or_default(),
            time_zone: row.time_zone.parse().unwrap_or(Tz::UTC),
            tasks_version: row.tasks_version,
        }
    }
}

/// The user a request was signed in as, proven once per request: a page rendered on the server
/// calls several server functions, and each would otherwise check the credentials again and count
/// again against the user's rate limit. Provided afresh for every request (`src/server.rs`).
#[derive(Clone, Default)]
pub struct RequestUser(std::sync::Arc<tokio::sync::OnceCell<CurrentUser>>);

impl RequestUser {
    /// A request whose user is already proven.
    pub fn proven(user: CurrentUser) -> RequestUser {
        RequestUser(std::sync::Arc::new(tokio::sync::OnceCell::new_with(Some(
            user,
        ))))
    }

    /// The request's user: proven by `prove` the first time, the same answer after that.
    pub async fn get_or_prove<F, Fut, E>(&self, prove: F) -> Result<CurrentUser, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<CurrentUser, E>>,
    {
        self.0.get_or_try_init(prove).await.cloned()
    }
}
