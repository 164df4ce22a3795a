//! Rollback: undoing the last migration (or all of them) and applying them again leaves the
//! schema exactly as it was — tables, columns, types, defaults, indexes and constraints.

use migration::{Migrator, MigratorTrait};
use sea_orm::{Database, DatabaseConnection, FromQueryResult, JsonValue, Statement};

use crate::helpers::*;

async fn rows(db: &DatabaseConnection, sql: &str) -> Vec<JsonValue> {
    JsonValue::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
        .all(db)
        .await
        .unwrap()
}

/// Everything the schema is made of, in a stable order.
async fn schema(db: &DatabaseConnection) -> Vec<JsonValue> {
    match backend() {
        Backend::Sqlite => {
            rows(
                db,
                "SELECT type, name, tbl_name, sql FROM sqlite_master \
                 WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
            )
            .await
        }
        Backend::Postgres => {
            let mut all = rows(
                db,
                "SELECT table_name, column_name, data_type, is_nullable, column_default \
                 FROM information_schema.columns WHERE table_schema = 'public' \
                 ORDER BY table_name, column_name",
            )
            .await;
            all.extend(
                rows(
                    db,
                    "SELECT tablename, indexname, indexdef FROM pg_indexes \
                     WHERE schemaname = 'public' ORDER BY tablename, indexname",
                )
                .await,
            );
            all.extend(
                rows(
                    db,
                    "SELECT c.conrelid::regclass::text AS table_name, c.conname, \
                     pg_get_constraintdef(c.oid) AS definition \
                     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace \
                     WHERE n.nspname = 'public' ORDER BY 1, 2",
                )
                .await,
            );
            all
        }
    }
}

#[tokio::test]
async fn down_then_up_leaves_the_schema_identical() {
    let test_db = TestDb::new().await;
    let db = Database::connect(&test_db.url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    let applied = schema(&db).await;
    assert!(applied.len() > 10, "{applied:?}");
    let all = u32::try_from(Migrator::migrations().len()).unwrap();

    for steps in [1, 2, 3, all] {
        Migrator::down(&db, Some(steps)).await.unwrap();
        assert_ne!(
            schema(&db).await,
            applied,
            "{steps} down changed the schema"
        );
        Migrator::up(&db, None).await.unwrap();
        assert_eq!(
            schema(&db).await,
            applied,
            "after {steps} down and up again"
        );
    }
    db.close().await.ok();
}

#[tokio::test]
async fn search_text_migration_adds_and_removes_labels() {
    let test_db = TestDb::new().await;
    let url = test_db.url.clone();
    let app = spawn_app_on(test_db, &[]).await;
    let user = TestUser::new(3101);
    app.post_task(
        &user,
        serde_json::json!({"title": "Купить молоко", "category": "Дом", "tags": ["Магазин"]}),
    )
    .await;
    let db = Database::connect(&url).await.unwrap();
    let search_text =
        || async { rows(&db, "SELECT search_text FROM tasks").await[0]["search_text"].clone() };
    assert_eq!(search_text().await, "купить молоко\nдом\nмагазин");
    // That migration and the one after it (the deleted tasks' table).
    Migrator::down(&db, Some(2)).await.unwrap();
    assert_eq!(search_text().await, "купить молоко");
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(search_text().await, "купить молоко\nдом\nмагазин");
    db.close().await.ok();
}
