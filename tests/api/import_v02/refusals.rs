//! A source that is not v0.2, or not there, gets a clear message and exit 1; passwords in its
//! URL are never printed.

use super::cli::{counts, import};
use super::source_db::SourceDb;
use crate::helpers::*;

#[tokio::test]
async fn sources_that_are_not_v02_or_unreachable_are_refused() {
    let empty = SourceDb::empty().await;
    let app = spawn_app().await;
    let before = counts(&app.db.url).await;

    let not_v02 = import(&app.db.url, &empty.url, &[]).await;
    assert_eq!(not_v02.code, Some(1), "{}", not_v02.stderr);
    assert!(
        not_v02.stderr.contains("is not a v0.2 database"),
        "{}",
        not_v02.stderr
    );

    empty
        .execute(
            "CREATE TABLE alembic_version (version_num varchar(32)); \
                   INSERT INTO alembic_version VALUES ('007_add_recurring_and_subtasks')",
        )
        .await;
    let later = import(&app.db.url, &empty.url, &[]).await;
    assert_eq!(later.code, Some(1));
    assert!(
        later.stderr.contains("005_create_users"),
        "{}",
        later.stderr
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let unreachable = format!("postgres://vectora:hunter2@{closed}/v02");
    let gone = import(&app.db.url, &unreachable, &[]).await;
    assert_eq!(gone.code, Some(1));
    assert!(
        gone.stderr.contains("cannot reach the v0.2 database"),
        "{}",
        gone.stderr
    );
    assert!(!gone.stderr.contains("hunter2") && !gone.stdout.contains("hunter2"));

    let sqlite = import(&app.db.url, "sqlite://v02.db", &[]).await;
    assert_eq!(sqlite.code, Some(1));
    assert!(sqlite.stderr.contains("PostgreSQL"), "{}", sqlite.stderr);

    assert_eq!(counts(&app.db.url).await, before);
}

#[tokio::test]
async fn a_second_v02_database_is_not_mistaken_for_the_one_imported_before() {
    let source = SourceDb::sample().await;
    let app = spawn_app().await;
    let first = import(&app.db.url, &source.url, &[]).await;
    assert_eq!(first.code, Some(0), "{}{}", first.stdout, first.stderr);
    let imported = counts(&app.db.url).await;

    // Another v0.2 database numbers its own tasks from 1 too.
    source
        .execute("UPDATE tasks SET created_at = created_at - interval '1 day' WHERE id = 7")
        .await;
    let other = import(&app.db.url, &source.url, &[]).await;
    assert_eq!(other.code, Some(1), "{}{}", other.stdout, other.stderr);
    assert!(
        other.stderr.contains("another v0.2 database") && other.stderr.contains("v0.2 task 7"),
        "{}",
        other.stderr
    );
    assert_eq!(counts(&app.db.url).await, imported);
}

#[tokio::test]
async fn a_dry_run_needs_a_migrated_target_and_a_real_run_migrates_it() {
    let source = SourceDb::sample().await;
    let target = TestDb::new().await;
    let dry = import(&target.url, &source.url, &["--dry-run"]).await;
    assert_eq!(dry.code, Some(1), "{}{}", dry.stdout, dry.stderr);
    assert!(dry.stderr.contains("vectora migrate up"), "{}", dry.stderr);

    let run = import(&target.url, &source.url, &[]).await;
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("tasks: 60, accounts: 3"),
        "{}",
        run.stdout
    );
    assert_eq!(counts(&target.url).await[1], ("tasks", 60));
}
