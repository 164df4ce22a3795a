//! Search reads categories and tags too: each task's `search_text` (lower-cased title, then
//! description, category and tags, a line each) is written again. Lower-casing happens here, in
//! Rust, because SQLite's `lower()` leaves every letter outside ASCII as it is.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, QueryResult};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tasks {
    Table,
    Id,
    Title,
    Description,
    Category,
    Tags,
    SearchText,
}

const BATCH: u64 = 500;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rewrite(manager, true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rewrite(manager, false).await
    }
}

/// Writes every task's search text, with its category and tags or (going back) without.
async fn rewrite(manager: &SchemaManager<'_>, with_labels: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let mut after = 0i64;
    loop {
        let rows = db
            .query_all(
                Query::select()
                    .columns([
                        Tasks::Id,
                        Tasks::Title,
                        Tasks::Description,
                        Tasks::Category,
                        Tasks::Tags,
                    ])
                    .from(Tasks::Table)
                    .and_where(Expr::col(Tasks::Id).gt(after))
                    .order_by(Tasks::Id, Order::Asc)
                    .limit(BATCH),
            )
            .await?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.try_get("", "id")?;
        for row in &rows {
            let id: i64 = row.try_get("", "id")?;
            db.execute(
                Query::update()
                    .table(Tasks::Table)
                    .value(Tasks::SearchText, search_text(row, with_labels)?)
                    .and_where(Expr::col(Tasks::Id).eq(id)),
            )
            .await?;
        }
    }
}

fn search_text(row: &QueryResult, with_labels: bool) -> Result<String, DbErr> {
    let title: String = row.try_get("", "title")?;
    let description: Option<String> = row.try_get("", "description")?;
    let mut parts = vec![description];
    if with_labels {
        let tags: String = row.try_get("", "tags")?;
        let tags: Vec<String> = serde_json::from_str(&tags).unwrap_or_default();
        parts.push(row.try_get("", "category")?);
        parts.push(Some(tags.join(" ")));
    }
    let mut text = title.to_lowercase();
    for part in parts.into_iter().flatten().filter(|p| !p.is_empty()) {
        text.push('\n');
        text.push_str(&part.to_lowercase());
    }
    Ok(text)
}
