//! Task rows and the queries every reader of tasks starts from: whose they are, their order, the
//! row of a new task and its tag rows, and a row as the `Task` every door answers with.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::NullOrdering;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, Order, QueryFilter, QueryOrder, Select};

use super::CurrentUser;
use super::entity::{task, task_tag};
use crate::model::{NewTask, Priority, SortBy, TagList, Task, TaskId};

/// The user's tasks.
pub fn owned_by(user: &CurrentUser) -> Select<task::Entity> {
    task::Entity::find().filter(task::Column::UserId.eq(user.id))
}

pub fn sorted(select: Select<task::Entity>, sort_by: SortBy) -> Select<task::Entity> {
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

pub fn to_task(row: task::Model) -> Task {
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

/// The tags as the task row keeps them (a JSON array).
pub fn tags_json(tags: &TagList) -> String {
    serde_json::to_string(tags.as_slice()).unwrap_or_else(|_| "[]".into())
}

/// The times of a new task, resolved to UTC.
#[derive(Debug, Clone, Copy)]
pub struct NewTaskTimes {
    pub date_time: Option<DateTime<Utc>>,
    pub remind_at: Option<DateTime<Utc>>,
    /// Created, updated, and (when done) completed.
    pub now: DateTime<Utc>,
}

/// The row of a checked new task of `user_id` at `position`.
pub fn new_task_row(
    user_id: i64,
    new: &NewTask,
    position: i32,
    times: NewTaskTimes,
) -> task::ActiveModel {
    let description = new.description.as_ref().map(|d| d.as_str().to_owned());
    task::ActiveModel {
        user_id: Set(user_id),
        search_text: Set(task::search_text(
            new.title.as_str(),
            description.as_deref(),
            new.category.as_ref().map(|c| c.as_str()),
            new.tags.as_slice(),
        )),
        title: Set(new.title.as_str().to_owned()),
        description: Set(description),
        date_time: Set(times.date_time),
        remind_at: Set(times.remind_at),
        priority: Set(new.priority.rank()),
        status: Set(new.status),
        completed_at: Set(new.status.then_some(times.now)),
        position: Set(position),
        category: Set(new.category.as_ref().map(|c| c.as_str().to_owned())),
        tags: Set(tags_json(&new.tags)),
        created_at: Set(times.now),
        updated_at: Set(times.now),
        ..Default::default()
    }
}

/// The rows that let lists filter task `task_id` by its tags.
pub fn tag_rows(task_id: TaskId, tags: &TagList) -> impl Iterator<Item = task_tag::ActiveModel> {
    tags.as_slice()
        .iter()
        .map(move |name| task_tag::ActiveModel {
            task_id: Set(task_id),
            key: Set(TagList::key(name)),
            name: Set(name.clone()),
        })
}
