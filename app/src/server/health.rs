use std::time::Duration;

use sea_orm::{ConnectionTrait, DatabaseConnection};

/// True when the database answers a trivial query within two seconds.
pub async fn database_is_up(db: &DatabaseConnection) -> bool {
    let ping = db.execute_unprepared("SELECT 1");
    matches!(
        tokio::time::timeout(Duration::from_secs(2), ping).await,
        Ok(Ok(_))
    )
}
