//! The v0.2 database: opened read-only, checked to be v0.2's schema, read in one snapshot.

use anyhow::{Context, bail};
use chrono::NaiveDateTime;
use sea_orm::{
    AccessMode, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend,
    FromQueryResult, IsolationLevel, Statement, TransactionTrait,
};

use sea_orm::sqlx::{Connection, postgres::PgConnection};

use app::server::config::redact;

/// The alembic revision v0.2 ends at; later revisions (006, 007) are another, unreleased schema.
pub const V02_REVISION: &str = "005_create_users";

/// The columns the import reads, per table.
const EXPECTED: [(&str, &[&str]); 2] = [
    (
        "tasks",
        &[
            "id",
            "user_id",
            "title",
            "description",
            "date_time",
            "priority",
            "status",
            "position",
            "created_at",
            "updated_at",
            "category",
            "tags",
        ],
    ),
    (
        "users",
        &[
            "id",
            "telegram_id",
            "username",
            "email",
            "hashed_password",
            "is_active",
            "created_at",
            "updated_at",
        ],
    ),
];

/// A row of v0.2's `tasks`, as stored (nothing in it was checked by the database).
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct V02Task {
    pub id: i32,
    /// The Telegram user id as text.
    pub user_id: Option<String>,
    pub title: String,
    pub description: Option<String>,
    /// Wall-clock time in an unknown zone.
    pub date_time: Option<NaiveDateTime>,
    pub priority: Option<String>,
    pub status: Option<bool>,
    pub position: Option<i32>,
    /// UTC.
    pub created_at: Option<NaiveDateTime>,
    /// UTC.
    pub updated_at: Option<NaiveDateTime>,
    pub category: Option<String>,
    /// The JSON text of the tags column.
    pub tags: Option<String>,
}

/// A row of v0.2's `users`: a password account.
#[derive(Clone, PartialEq, FromQueryResult)]
pub struct V02Account {
    pub id: i32,
    pub telegram_id: Option<String>,
    pub username: String,
    pub email: Option<String>,
    pub hashed_password: String,
    pub is_active: Option<bool>,
    pub created_at: Option<NaiveDateTime>,
    pub updated_at: Option<NaiveDateTime>,
}

impl std::fmt::Debug for V02Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("V02Account")
            .field("id", &self.id)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// Everything the import takes from v0.2.
#[derive(Debug, Default)]
pub struct V02Data {
    pub tasks: Vec<V02Task>,
    pub accounts: Vec<V02Account>,
}

/// One plain connection first: a pool only says it timed out, this says why (refused, wrong
/// password, no such database).
async fn probe(url: &str) -> anyhow::Result<()> {
    let connect = PgConnection::connect(url);
    match tokio::time::timeout(CONNECT_TIMEOUT, connect).await {
        Ok(connection) => Ok(connection?.close().await?),
        Err(_) => bail!("no answer within {} s", CONNECT_TIMEOUT.as_secs()),
    }
}

const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

pub struct Source {
    db: DatabaseConnection,
}

impl Source {
    /// Connects with every transaction read-only, so that nothing here can write to v0.2.
    pub async fn open(url: &str) -> anyhow::Result<Source> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            bail!(
                "--from must be a PostgreSQL URL (postgres://…): v0.2 ran on PostgreSQL, got {}",
                redact(url)
            );
        }
        probe(url)
            .await
            .with_context(|| format!("cannot reach the v0.2 database at {}", redact(url)))?;
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .max_connections(1)
            .connect_timeout(CONNECT_TIMEOUT)
            .sqlx_logging(false)
            .map_sqlx_postgres_opts(|opts| opts.options([("default_transaction_read_only", "on")]));
        let db = Database::connect(options)
            .await
            .with_context(|| format!("cannot reach the v0.2 database at {}", redact(url)))?;
        let source = Source { db };
        source
            .check_schema()
            .await
            .with_context(|| format!("{} is not a v0.2 database", redact(url)))?;
        Ok(source)
    }

    async fn check_schema(&self) -> anyhow::Result<()> {
        let columns: Vec<(String, String)> = self
            .query_tuples(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() \
                 AND table_name IN ('tasks', 'users', 'alembic_version')",
            )
            .await?;
        if !columns.iter().any(|(table, _)| table == "alembic_version") {
            bail!("it has no alembic_version table");
        }
        let revisions: Vec<(String,)> = self
            .query_tuples("SELECT version_num::text FROM alembic_version")
            .await?;
        match revisions.as_slice() {
            [(revision,)] if revision == V02_REVISION => {}
            other => bail!(
                "its alembic revision is {:?}, v0.2's is {V02_REVISION}",
                other.iter().map(|(r,)| r.as_str()).collect::<Vec<_>>()
            ),
        }
        for (table, wanted) in EXPECTED {
            let missing: Vec<&str> = wanted
                .iter()
                .copied()
                .filter(|column| !columns.iter().any(|(t, c)| t == table && c == column))
                .collect();
            if !missing.is_empty() {
                bail!("table {table} lacks the columns {}", missing.join(", "));
            }
        }
        Ok(())
    }

    async fn query_tuples<T: sea_orm::TryGetableMany>(&self, sql: &str) -> anyhow::Result<Vec<T>> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await?;
        Ok(rows
            .iter()
            .map(|row| row.try_get_many_by_index::<T>())
            .collect::<Result<_, _>>()?)
    }

    /// Every task and account, from one consistent snapshot.
    pub async fn read(&self) -> anyhow::Result<V02Data> {
        let txn = self
            .db
            .begin_with_config(
                Some(IsolationLevel::RepeatableRead),
                Some(AccessMode::ReadOnly),
            )
            .await?;
        let tasks = V02Task::find_by_statement(Statement::from_string(
            DbBackend::Postgres,
            "SELECT id, user_id::text AS user_id, title, description, date_time, \
             priority::text AS priority, status, position, created_at, updated_at, \
             category::text AS category, tags::text AS tags FROM tasks ORDER BY id",
        ))
        .all(&txn)
        .await
        .context("cannot read v0.2's tasks")?;
        let accounts = V02Account::find_by_statement(Statement::from_string(
            DbBackend::Postgres,
            "SELECT id, telegram_id::text AS telegram_id, username, email, hashed_password, \
             is_active, created_at, updated_at FROM users ORDER BY id",
        ))
        .all(&txn)
        .await
        .context("cannot read v0.2's password accounts")?;
        txn.rollback().await?;
        Ok(V02Data { tasks, accounts })
    }

    pub async fn close(self) {
        self.db.close().await.ok();
    }
}
