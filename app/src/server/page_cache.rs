//! List pages as JSON, kept in memory under the user's `tasks_version`: a page is served again
//! until the user's tasks change, on this server or any other (the version lives in the
//! database), and its ETag lets clients skip the body altogether.

use std::time::Duration;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use moka::sync::Cache;
use sea_orm::DatabaseConnection;

use super::{CurrentUser, ServiceError, task_list};
use crate::model::TaskQuery;

/// A list page, serialized, with the number of tasks that matched before paging.
#[derive(Debug, Clone)]
pub struct JsonPage {
    pub body: Bytes,
    pub total: u64,
}

/// Whether the page can change without the user's tasks changing: then it has no ETag either.
pub fn moves_with_time(query: &TaskQuery) -> bool {
    query.due.is_some_and(|due| due.moves_with_time())
}

/// The ETag of every list page the user sees until their tasks change.
pub fn etag(user: &CurrentUser) -> String {
    format!("W/\"{}-{}\"", user.id, user.tasks_version)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PageKey {
    user_id: i64,
    tasks_version: i64,
    query: String,
}

/// `None` when turned off (`LIST_CACHE_MB=0`).
#[derive(Clone)]
pub struct PageCache(Option<Cache<PageKey, JsonPage>>);

impl PageCache {
    pub fn new(max_megabytes: u64) -> PageCache {
        PageCache((max_megabytes > 0).then(|| {
            Cache::builder()
                .max_capacity(max_megabytes * 1024 * 1024)
                .weigher(|key: &PageKey, page: &JsonPage| {
                    u32::try_from(page.body.len() + key.query.len() + 64).unwrap_or(u32::MAX)
                })
                .time_to_idle(Duration::from_secs(600))
                .build()
        }))
    }

    /// The page for `query`, from memory when the user's tasks have not changed since it was made.
    /// Lists whose due filter moves with time are made afresh every time.
    pub async fn list_tasks_json(
        &self,
        db: &DatabaseConnection,
        user: &CurrentUser,
        query: &TaskQuery,
        now: DateTime<Utc>,
    ) -> Result<JsonPage, ServiceError> {
        let cache = self.0.as_ref().filter(|_| !moves_with_time(query));
        let key = PageKey {
            user_id: user.id,
            tasks_version: user.tasks_version,
            query: serde_json::to_string(query).unwrap_or_default(),
        };
        if let Some(page) = cache.and_then(|cache| cache.get(&key)) {
            return Ok(page);
        }
        let page = task_list::list_tasks(db, user, query, now).await?;
        let json = JsonPage {
            body: serde_json::to_vec(&page.tasks).unwrap_or_default().into(),
            total: page.total,
        };
        if let Some(cache) = cache {
            cache.insert(key, json.clone());
        }
        Ok(json)
    }
}
