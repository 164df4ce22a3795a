//! Reading lists of tasks: filters, sort orders, pages, and the user's categories and tags.

use sea_orm::sea_query::{Expr, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QuerySelect, Select,
};

use chrono::{DateTime, NaiveDate, Utc};

use super::entity::{task, task_tag};
use super::local_day::{day_bounds, today_bounds};
use super::task_rows::{owned_by, sorted, to_task};
use super::{CurrentUser, ServiceError};
use crate::model::{DueFilter, SortBy, TagList, Task, TaskQuery};

/// One page of a list, and how many tasks matched before paging.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskPage {
    pub tasks: Vec<Task>,
    pub total: u64,
}

/// One task of a list page, with how many tasks matched the filters in all.
#[derive(Debug, FromQueryResult)]
struct ListedTask {
    #[sea_orm(nested)]
    task: task::Model,
    total: i64,
}

fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

fn due_within(
    select: Select<task::Entity>,
    user: &CurrentUser,
    due: DueFilter,
    now: DateTime<Utc>,
) -> Select<task::Entity> {
    use task::Column as C;
    let (today_start, today_end) = today_bounds(user, now);
    match due {
        DueFilter::Overdue => select
            .filter(C::DateTime.lt(now))
            .filter(C::Status.eq(false)),
        DueFilter::Today => select
            .filter(C::DateTime.gte(today_start))
            .filter(C::DateTime.lt(today_end)),
        DueFilter::ByToday => select.filter(C::DateTime.lt(today_end)),
        DueFilter::Upcoming => select.filter(C::DateTime.gte(today_end)),
        DueFilter::None => select.filter(C::DateTime.is_null()),
        DueFilter::On(day) => {
            let (start, end) = day_bounds(user.time_zone, day);
            select
                .filter(C::DateTime.gte(start))
                .filter(C::DateTime.lt(end))
        }
    }
}

fn filtered(user: &CurrentUser, query: &TaskQuery, now: DateTime<Utc>) -> Select<task::Entity> {
    let mut select = owned_by(user);
    if let Some(due) = query.due {
        select = due_within(select, user, due, now);
    }
    if let Some(status) = query.status {
        select = select.filter(task::Column::Status.eq(status));
    }
    if let Some(priority) = query.priority {
        select = select.filter(task::Column::Priority.eq(priority.rank()));
    }
    if let Some(search) = &query.search {
        let pattern = LikeExpr::new(format!("%{}%", escape_like(search))).escape('\\');
        select = select.filter(task::Column::SearchText.like(pattern));
    }
    if let Some(category) = &query.category {
        select = select.filter(task::Column::Category.eq(category.as_str()));
    }
    if let Some(tag) = &query.tag {
        let tagged = Query::select()
            .column(task_tag::Column::TaskId)
            .from(task_tag::Entity)
            .and_where(task_tag::Column::Key.eq(tag.as_str()))
            .to_owned();
        select = select.filter(task::Column::Id.in_subquery(tagged));
    }
    select
}

pub async fn list_tasks(
    db: &DatabaseConnection,
    user: &CurrentUser,
    query: &TaskQuery,
    now: DateTime<Utc>,
) -> Result<TaskPage, ServiceError> {
    let select = filtered(user, query, now);
    let rows: Vec<ListedTask> = sorted(select.clone(), query.sort_by)
        .column_as(Expr::cust("COUNT(*) OVER ()"), "total")
        .offset(query.skip)
        .limit(query.limit)
        .into_model()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(row) => u64::try_from(row.total).unwrap_or(0),
        // Past the last page the window has no row to count in.
        None if query.skip > 0 => select.count(db).await?,
        None => 0,
    };
    let tasks = rows.into_iter().map(|row| to_task(row.task)).collect();
    Ok(TaskPage { tasks, total })
}

fn sorted_unique(mut values: Vec<String>) -> Vec<String> {
    values.sort_by_cached_key(|v| (TagList::key(v), v.clone()));
    values.dedup_by(|a, b| TagList::key(a) == TagList::key(b));
    values
}

/// The tasks due on the user's local `day`, by time (the calendar's agenda).
pub async fn list_due_on(
    db: &DatabaseConnection,
    user: &CurrentUser,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<TaskPage, ServiceError> {
    let query = TaskQuery {
        due: Some(DueFilter::On(day)),
        sort_by: SortBy::Date,
        limit: TaskQuery::MAX_LIMIT,
        ..TaskQuery::default()
    };
    list_tasks(db, user, &query, now).await
}

/// Open tasks, soonest due first, at most `limit`: those due by the end of the user's today
/// (overdue too) when `by_today`, else all; `search` (see `TaskQuery::parse_search`) keeps those
/// whose title or description has it.
pub async fn list_open(
    db: &DatabaseConnection,
    user: &CurrentUser,
    by_today: bool,
    search: Option<String>,
    limit: u64,
    now: DateTime<Utc>,
) -> Result<Vec<Task>, ServiceError> {
    let query = TaskQuery {
        status: Some(false),
        due: by_today.then_some(DueFilter::ByToday),
        search,
        sort_by: SortBy::Date,
        limit,
        ..TaskQuery::default()
    };
    Ok(list_tasks(db, user, &query, now).await?.tasks)
}

/// The user's categories, each once, alphabetical ignoring case.
pub async fn list_categories(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<String>, ServiceError> {
    let categories: Vec<String> = owned_by(user)
        .select_only()
        .column(task::Column::Category)
        .distinct()
        .filter(task::Column::Category.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    Ok(sorted_unique(categories))
}

/// The user's tags, each once (ignoring case), alphabetical ignoring case.
pub async fn list_tags(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<String>, ServiceError> {
    let own_tasks = Query::select()
        .column(task::Column::Id)
        .from(task::Entity)
        .and_where(task::Column::UserId.eq(user.id))
        .to_owned();
    let tags: Vec<String> = task_tag::Entity::find()
        .select_only()
        .column(task_tag::Column::Name)
        .distinct()
        .filter(task_tag::Column::TaskId.in_subquery(own_tasks))
        .into_tuple()
        .all(db)
        .await?;
    Ok(sorted_unique(tags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(escape_like(r"50%_off\now"), r"50\%\_off\\now");
    }

    #[test]
    fn metadata_is_sorted_and_unique_ignoring_case() {
        let values = vec![
            "работа".into(),
            "Home".into(),
            "home".into(),
            "Арбуз".into(),
            "apple".into(),
        ];
        assert_eq!(sorted_unique(values), ["apple", "Home", "Арбуз", "работа"]);
    }
}
