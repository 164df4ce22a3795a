//! An error part-way through the import leaves the target exactly as it was.

use sea_orm::{ConnectionTrait, Database};

use super::cli::{counts, import, is_sqlite};
use super::source_db::SourceDb;
use crate::helpers::*;

/// Makes the target refuse to store a task titled `explode`, the way a full disk or a lost
/// connection would stop the import after it had written users and accounts.
async fn refuse_explode(target: &str) {
    let db = Database::connect(target).await.unwrap();
    let sql = if is_sqlite(target) {
        "CREATE TRIGGER explode BEFORE INSERT ON tasks WHEN NEW.title = 'explode' \
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
    } else {
        "CREATE FUNCTION explode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         IF NEW.title = 'explode' THEN RAISE EXCEPTION 'injected failure'; END IF; \
         RETURN NEW; END $$; \
         CREATE TRIGGER explode BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION explode();"
    };
    db.execute_unprepared(sql).await.unwrap();
    db.close().await.ok();
}

#[tokio::test]
async fn a_failure_mid_import_leaves_the_target_unchanged() {
    let source = SourceDb::sample().await;
    source
        .execute(
            "INSERT INTO tasks (id, user_id, title, priority, status, position, created_at, \
             updated_at, tags) VALUES (62, '222222222', 'explode', 'normal', false, 20, now(), \
             now(), '[]')",
        )
        .await;
    let app = spawn_app().await;
    let someone = TestUser::new(222222222);
    app.post_task(
        &someone,
        serde_json::json!({"title": "Written before the import", "tags": ["x"]}),
    )
    .await;
    refuse_explode(&app.db.url).await;
    let before = counts(&app.db.url).await;

    let run = import(&app.db.url, &source.url, &[]).await;
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("left as it was"), "{}", run.stderr);
    assert!(run.stderr.contains("injected failure"), "{}", run.stderr);
    assert_eq!(counts(&app.db.url).await, before);
    assert_eq!(
        app.titles(&someone, "").await,
        ["Written before the import"]
    );
    assert_eq!(
        app.login_json("john_doe", "Secret2025x").await.status(),
        reqwest::StatusCode::UNAUTHORIZED,
        "no account came over"
    );
}
