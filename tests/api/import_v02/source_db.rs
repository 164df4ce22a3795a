//! A scratch PostgreSQL database playing a v0.2 installation, dropped with the test.

use sea_orm::sqlx::{self, AssertSqlSafe, Connection, PgConnection};

use crate::postgres::ScratchDb;

pub const SAMPLE: &str = include_str!("../../fixtures/v02/v02-sample.sql");

pub struct SourceDb {
    pub url: String,
    _db: ScratchDb,
}

impl SourceDb {
    /// An empty database. v0.2 always ran on PostgreSQL, so even the SQLite suite needs one:
    /// without it these tests fail rather than skip.
    pub async fn empty() -> SourceDb {
        let db = ScratchDb::create("v02_source").await;
        SourceDb {
            url: db.url.clone(),
            _db: db,
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
