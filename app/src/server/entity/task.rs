use sea_orm::entity::prelude::*;

/// Serialized as a deleted task's snapshot (`deleted_tasks`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "tasks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub date_time: Option<DateTimeUtc>,
    pub remind_at: Option<DateTimeUtc>,
    /// `Priority::rank`: 0 low, 1 normal, 2 high.
    pub priority: i16,
    pub status: bool,
    pub completed_at: Option<DateTimeUtc>,
    pub position: i32,
    pub category: Option<String>,
    /// The tags as a JSON array, in the task's order: what every door shows. `task_tags` holds
    /// the same tags one per row, for filtering and the tag list.
    pub tags: String,
    /// Lower-cased title, then description, category and tags, a line each: what search and the
    /// title sort read, so that both ignore case in every script on SQLite as on PostgreSQL.
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The `search_text` of a task with these fields.
pub fn search_text(
    title: &str,
    description: Option<&str>,
    category: Option<&str>,
    tags: &[String],
) -> String {
    let mut text = title.to_lowercase();
    let tags = tags.join(" ");
    for part in [description, category, Some(tags.as_str())] {
        if let Some(part) = part.filter(|p| !p.is_empty()) {
            text.push('\n');
            text.push_str(&part.to_lowercase());
        }
    }
    text
}
