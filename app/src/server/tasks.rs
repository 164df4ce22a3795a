//! The task service: every door that reads or changes tasks calls these functions.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, NullOrdering, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, FromQueryResult, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use super::entity::{task, task_tag, user};
use super::{CurrentUser, ServiceError, clock};
use crate::model::{NewTask, Priority, SortBy, TagList, Task, TaskId, TaskPatch, TaskQuery};

/// One page of a list, and how many tasks matched before paging.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskPage {
    pub tasks: Vec<Task>,
    pub total: u64,
}

/// A transaction that will change the user's tasks. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so that concurrent writers wait instead of failing with "database is
/// locked" when a read turns into a write; PostgreSQL ignores the mode.
async fn begin_change(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Moves the user's `tasks_version` on and commits, so that cached pages go stale exactly when
/// the change becomes visible. The user's row is locked last and only for the commit: writes of
/// one user still run side by side, and the lock order (task rows, then the user) never cycles.
async fn commit_change(txn: DatabaseTransaction, user: &CurrentUser) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(
            user::Column::TasksVersion,
            Expr::col(user::Column::TasksVersion).add(1),
        )
        .filter(user::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    txn.commit().await
}

fn to_task(row: task::Model) -> Task {
    Task {
        id: row.id,
        title: row.title,
        description: row.description,
        date_time: row.date_time,
        remind_at: row.remind_at,
        priority: Priority::from_rank(row.priority),
        status: row.status,
        completed_at: row.completed_at,
        position: row.position,
        category: row.category,
        tags: serde_json::from_str(&row.tags).unwrap_or_default(),
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

fn owned_by(user: &CurrentUser) -> Select<task::Entity> {
    task::Entity::find().filter(task::Column::UserId.eq(user.id))
}

async fn find_owned(
    conn: &impl ConnectionTrait,
    user: &CurrentUser,
    id: TaskId,
) -> Result<task::Model, ServiceError> {
    owned_by(user)
        .filter(task::Column::Id.eq(id))
        .one(conn)
        .await?
        .ok_or(ServiceError::NotFound)
}

fn tags_json(tags: &TagList) -> String {
    serde_json::to_string(tags.as_slice()).unwrap_or_else(|_| "[]".into())
}

/// One task of a list page, with how many tasks matched the filters in all.
#[derive(Debug, FromQueryResult)]
struct ListedTask {
    #[sea_orm(nested)]
    task: task::Model,
    total: i64,
}

async fn replace_tags(
    conn: &impl ConnectionTrait,
    task_id: TaskId,
    tags: &TagList,
) -> Result<(), ServiceError> {
    task_tag::Entity::delete_many()
        .filter(task_tag::Column::TaskId.eq(task_id))
        .exec(conn)
        .await?;
    insert_tags(conn, task_id, tags).await
}

async fn insert_tags(
    conn: &impl ConnectionTrait,
    task_id: TaskId,
    tags: &TagList,
) -> Result<(), ServiceError> {
    if tags.as_slice().is_empty() {
        return Ok(());
    }
    let rows = tags.as_slice().iter().map(|name| task_tag::ActiveModel {
        task_id: Set(task_id),
        key: Set(TagList::key(name)),
        name: Set(name.clone()),
    });
    task_tag::Entity::insert_many(rows)
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

pub async fn create_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    new: NewTask,
) -> Result<Task, ServiceError> {
    let now = clock::now();
    let txn = begin_change(db).await?;
    let position = match new.position {
        Some(position) => position,
        None => {
            let max: Option<Option<i32>> = owned_by(user)
                .select_only()
                .column_as(task::Column::Position.max(), "max")
                .into_tuple()
                .one(&txn)
                .await?;
            max.flatten().map_or(0, |max| max.saturating_add(1))
        }
    };
    let description = new.description.map(|d| d.as_str().to_owned());
    let row = task::ActiveModel {
        user_id: Set(user.id),
        search_text: Set(task::search_text(
            new.title.as_str(),
            description.as_deref(),
        )),
        title: Set(new.title.as_str().to_owned()),
        description: Set(description),
        date_time: Set(new.date_time.map(|w| w.resolve(user.time_zone))),
        remind_at: Set(new.remind_at.map(|w| w.resolve(user.time_zone))),
        priority: Set(new.priority.rank()),
        status: Set(new.status),
        completed_at: Set(new.status.then_some(now)),
        position: Set(position),
        category: Set(new.category.map(|c| c.as_str().to_owned())),
        tags: Set(tags_json(&new.tags)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_tags(&txn, row.id, &new.tags).await?;
    commit_change(txn, user).await?;
    Ok(to_task(row))
}

pub async fn get_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
) -> Result<Task, ServiceError> {
    Ok(to_task(find_owned(db, user, id).await?))
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

fn filtered(user: &CurrentUser, query: &TaskQuery) -> Select<task::Entity> {
    let mut select = owned_by(user);
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

fn sorted(select: Select<task::Entity>, sort_by: SortBy) -> Select<task::Entity> {
    use task::Column as C;
    match sort_by {
        SortBy::Position => select
            .order_by_asc(C::Position)
            .order_by_desc(C::CreatedAt)
            .order_by_desc(C::Id),
        SortBy::Date => select
            .order_by_with_nulls(C::DateTime, Order::Asc, NullOrdering::Last)
            .order_by_asc(C::Position)
            .order_by_asc(C::Id),
        SortBy::Priority => select
            .order_by_desc(C::Priority)
            .order_by_with_nulls(C::DateTime, Order::Asc, NullOrdering::Last)
            .order_by_asc(C::Id),
        SortBy::Title => select.order_by_asc(C::SearchText).order_by_asc(C::Id),
        SortBy::Created => select.order_by_desc(C::CreatedAt).order_by_desc(C::Id),
    }
}

pub async fn list_tasks(
    db: &DatabaseConnection,
    user: &CurrentUser,
    query: &TaskQuery,
) -> Result<TaskPage, ServiceError> {
    let select = filtered(user, query);
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

pub async fn update_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
    patch: TaskPatch,
) -> Result<Task, ServiceError> {
    let txn = begin_change(db).await?;
    // Concurrent updates of one task (its tags are replaced as a set) take turns.
    let row = owned_by(user)
        .filter(task::Column::Id.eq(id))
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if patch.is_empty() {
        return Ok(to_task(row));
    }
    let now = clock::now();
    let title = patch
        .title
        .as_ref()
        .map_or(row.title.clone(), |t| t.as_str().to_owned());
    let description = match &patch.description {
        Some(d) => d.as_ref().map(|d| d.as_str().to_owned()),
        None => row.description.clone(),
    };
    let was_done = row.status;
    let mut active: task::ActiveModel = row.into();
    if patch.title.is_some() || patch.description.is_some() {
        active.search_text = Set(task::search_text(&title, description.as_deref()));
        active.title = Set(title);
        active.description = Set(description);
    }
    if let Some(when) = patch.date_time {
        active.date_time = Set(when.map(|w| w.resolve(user.time_zone)));
    }
    if let Some(when) = patch.remind_at {
        active.remind_at = Set(when.map(|w| w.resolve(user.time_zone)));
    }
    if let Some(priority) = patch.priority {
        active.priority = Set(priority.rank());
    }
    if let Some(done) = patch.status.filter(|done| *done != was_done) {
        active.status = Set(done);
        active.completed_at = Set(done.then_some(now));
    }
    if let Some(position) = patch.position {
        active.position = Set(position);
    }
    if let Some(category) = patch.category {
        active.category = Set(category.map(|c| c.as_str().to_owned()));
    }
    if let Some(tags) = &patch.tags {
        active.tags = Set(tags_json(tags));
        replace_tags(&txn, id, tags).await?;
    }
    active.updated_at = Set(now);
    let row = active.update(&txn).await?;
    commit_change(txn, user).await?;
    Ok(to_task(row))
}

pub async fn delete_task(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: TaskId,
) -> Result<(), ServiceError> {
    let txn = begin_change(db).await?;
    let deleted = task::Entity::delete_many()
        .filter(task::Column::UserId.eq(user.id))
        .filter(task::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ServiceError::NotFound);
    }
    commit_change(txn, user).await?;
    Ok(())
}

/// Puts the listed tasks first, in that order, and the user's other tasks after them in the
/// order they had; positions become 0, 1, 2, … so that the order is total.
pub async fn reorder_tasks(
    db: &DatabaseConnection,
    user: &CurrentUser,
    ids: &[TaskId],
) -> Result<(), ServiceError> {
    use task::Column as C;
    let txn = begin_change(db).await?;
    let current: Vec<(TaskId, i32)> = sorted(owned_by(user), SortBy::Position)
        .select_only()
        .column(C::Id)
        .column(C::Position)
        .lock_exclusive()
        .into_tuple()
        .all(&txn)
        .await?;
    let positions: HashMap<TaskId, i32> = current.iter().copied().collect();
    if ids.iter().any(|id| !positions.contains_key(id)) {
        return Err(ServiceError::NotFound);
    }
    let listed: HashSet<TaskId> = ids.iter().copied().collect();
    let rest = current
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| !listed.contains(id));
    let now = clock::now();
    for (position, id) in ids.iter().copied().chain(rest).enumerate() {
        let position = position as i32;
        if positions[&id] != position {
            task::Entity::update_many()
                .col_expr(C::Position, Expr::value(position))
                .col_expr(C::UpdatedAt, Expr::value(now))
                .filter(C::Id.eq(id))
                .exec(&txn)
                .await?;
        }
    }
    commit_change(txn, user).await?;
    Ok(())
}

fn sorted_unique(mut values: Vec<String>) -> Vec<String> {
    values.sort_by_cached_key(|v| (TagList::key(v), v.clone()));
    values.dedup_by(|a, b| TagList::key(a) == TagList::key(b));
    values
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
