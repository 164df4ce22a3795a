//! Scratch PostgreSQL databases, each made for one test and dropped with it, on the server at
//! `TEST_POSTGRES_URL` (default postgres://postgres@127.0.0.1:5432/postgres).

use sea_orm::{ConnectionTrait, Database};

/// The maintenance database, through which scratch databases are made and dropped.
pub fn admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A new, empty database named `<prefix>_<uuid>`, dropped (with whoever is still connected)
/// when this is.
pub struct ScratchDb {
    pub url: String,
    pub name: String,
}

impl ScratchDb {
    pub async fn create(prefix: &str) -> ScratchDb {
        let admin = admin_url();
        let conn = Database::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL at {admin} is unreachable: {e}"));
        let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create database");
        conn.close().await.ok();
        let base = admin.rsplit_once('/').expect("a database URL has a path").0;
        ScratchDb {
            url: format!("{base}/{name}"),
            name,
        }
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs inside the test's runtime; a thread with its own runtime may block.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(conn) = Database::connect(&admin_url()).await {
                    let _ = conn
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join();
    }
}
