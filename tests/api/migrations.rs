//! Migrations and the CLI, through the real `vectora` binary.

use std::process::Command;

use migration::{Migrator, MigratorTrait};
use sea_orm::Database;

use crate::helpers::*;

fn vectora(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    vectora_in(std::env::temp_dir().as_path(), args, env)
}

/// Runs the binary in `dir` (where it looks for `.env`) with only `env` and PATH set.
fn vectora_in(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vectora"));
    command.current_dir(dir);
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("the vectora binary runs")
}

/// How many migrations `vectora migrate status` lists as (applied, pending).
fn migration_statuses(env: &[(&str, &str)]) -> (usize, usize) {
    let output = vectora(&["migrate", "status"], env);
    assert!(output.status.success(), "{output:?}");
    let listed = String::from_utf8_lossy(&output.stdout);
    (
        listed.matches("Applied").count(),
        listed.matches("Pending").count(),
    )
}

#[tokio::test]
async fn migrate_up_down_and_status_from_the_cli() {
    let db = TestDb::new().await;
    let env = [("DATABASE_URL", db.url.as_str())];
    let migrate = |args: &[&str]| {
        let output = vectora(&[&["migrate"], args].concat(), &env);
        assert!(output.status.success(), "{args:?}: {output:?}");
    };
    let all = Migrator::migrations().len();

    assert_eq!(migration_statuses(&env), (0, all));
    migrate(&["up"]);
    assert_eq!(migration_statuses(&env), (all, 0));
    migrate(&["down"]);
    assert_eq!(migration_statuses(&env), (all - 1, 1));
    migrate(&["down", &(all + 2).to_string()]);
    assert_eq!(migration_statuses(&env), (0, all));

    let conn = Database::connect(&db.url).await.unwrap();
    Migrator::up(&conn, None)
        .await
        .expect("up again after a full rollback");
    assert!(
        Migrator::get_pending_migrations(&conn)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn production_refuses_to_start_without_a_strong_secret() {
    let output = vectora(
        &["serve"],
        &[
            ("APP_ENV", "production"),
            ("SECRET_KEY", "short"),
            ("ALLOWED_HOSTS", "x.example"),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("SECRET_KEY"), "{stderr}");
    assert!(
        !stderr.contains("short"),
        "the secret itself is never printed: {stderr}"
    );

    let strong = "k3Jx9vQm2Lp8Rt5Wz7Yb4Nc6Hd1Fg0Sa";
    let output = vectora(
        &["serve"],
        &[("APP_ENV", "production"), ("SECRET_KEY", strong)],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("ALLOWED_HOSTS"));
}

#[tokio::test]
async fn healthcheck_command_reports_the_servers_health() {
    let app = spawn_app().await;
    let addr = app.addr.to_string();
    let ok = tokio::task::spawn_blocking(move || {
        vectora(&["healthcheck"], &[("LEPTOS_SITE_ADDR", &addr)])
    })
    .await
    .unwrap();
    assert!(ok.status.success(), "{ok:?}");

    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .to_string();
    let down = vectora(&["healthcheck"], &[("LEPTOS_SITE_ADDR", &closed)]);
    assert!(!down.status.success());
}

#[test]
fn settings_come_from_a_dot_env_file_and_the_environment_wins() {
    let dir = tempfile::tempdir().unwrap();
    let from_file = dir.path().join("from-file.db");
    let from_env = dir.path().join("from-env.db");
    std::fs::write(
        dir.path().join(".env"),
        format!("DATABASE_URL=sqlite://{}?mode=rwc\n", from_file.display()),
    )
    .unwrap();

    let output = vectora_in(dir.path(), &["migrate", "up"], &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(from_file.exists(), "DATABASE_URL was read from .env");

    let env_url = format!("sqlite://{}?mode=rwc", from_env.display());
    let output = vectora_in(
        dir.path(),
        &["migrate", "up"],
        &[("DATABASE_URL", &env_url)],
    );
    assert!(output.status.success(), "{output:?}");
    assert!(from_env.exists(), "the environment overrides .env");
}
