//! A scratch PostgreSQL database playing a v0.2 installation, dropped with the test.

use sea_orm::sqlx::{self, AssertSqlSafe, Connection, PgConnection};
use sea_orm::{ConnectionTrait, Database};

pub const SAMPLE: &str = include_str!("../../fixtures/v02/v02-sample.sql");

pub struct SourceDb {
    pub url: String,
    admin: String,
    name: String,
}

fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

impl SourceDb {
    /// An empty database. v0.2 always ran on PostgreSQL, so even the SQLite suite needs one:
    /// without it these tests fail rather than skip.
    pub async fn empty() -> SourceDb {
        let admin = admin_url();
        let conn = Database::connect(&admin).await.unwrap_or_else(|err| {
            panic!("PostgreSQL at {admin} (the v0.2 source) is unreachable: {err}")
        });
        let name = format!("v02_source_{}", uuid::Uuid::new_v4().simple());
        conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create the source database");
        conn.close().await.ok();
        let base = admin.rsplit_once('/').expect("a URL with a path").0;
        SourceDb {
            url: format!("{base}/{name}"),
            admin,
            name,
        }
    }

    /// The fixture: v0.2 as its own API left it.
    pub async fn sample() -> SourceDb {
        let db = SourceDb::empty().await;
        db.load_dump(SAMPLE).await;
        db
    }

    /// Runs SQL on the source, as something other than v0.2 might have written it.
    pub async fn execute(&self, sql: &str) {
        let mut conn = PgConnection::connect(&self.url).await.expect("connect");
        sqlx::raw_sql(AssertSqlSafe(sql.to_owned()))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{e}: {sql}"));
    }

    /// Loads a pg_dump file: its SQL as it is, its `COPY … FROM stdin` blocks through COPY, and
    /// its psql-only `\restrict` lines left out.
    async fn load_dump(&self, dump: &str) {
        let mut conn = PgConnection::connect(&self.url).await.expect("connect");
        let mut sql = String::new();
        let mut lines = dump.lines();
        while let Some(line) = lines.next() {
            if line.starts_with('\\') {
                continue;
            }
            if line.starts_with("COPY ") && line.ends_with("FROM stdin;") {
                run(&mut conn, &mut sql).await;
                let mut data = String::new();
                for row in lines.by_ref().take_while(|row| *row != "\\.") {
                    data.push_str(row);
                    data.push('\n');
                }
                let mut copy = conn.copy_in_raw(line).await.expect("COPY starts");
                copy.send(data.as_bytes()).await.expect("COPY data");
                copy.finish().await.expect("COPY ends");
            } else {
                sql.push_str(line);
                sql.push('\n');
            }
        }
        run(&mut conn, &mut sql).await;
    }
}

async fn run(conn: &mut PgConnection, sql: &mut String) {
    if !sql.trim().is_empty() {
        sqlx::raw_sql(AssertSqlSafe(std::mem::take(sql)))
            .execute(&mut *conn)
            .await
            .expect("the dump's SQL runs");
    }
}

impl Drop for SourceDb {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(conn) = Database::connect(&admin).await {
                    let _ = conn
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join();
    }
}
