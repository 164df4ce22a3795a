//! `v02_imports`: which v0.2 rows earlier runs brought over, so that none comes twice.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QuerySelect};

pub const TASK: &str = "task";
pub const ACCOUNT: &str = "account";

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "v02_imports")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub kind: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub v02_id: i64,
        pub target_id: i64,
        pub imported_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Every row imported before: `(kind, v0.2 id)` → the id it got here.
pub async fn imported(conn: &impl ConnectionTrait) -> Result<HashMap<(String, i64), i64>, DbErr> {
    let rows: Vec<(String, i64, i64)> = entity::Entity::find()
        .select_only()
        .column(entity::Column::Kind)
        .column(entity::Column::V02Id)
        .column(entity::Column::TargetId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(kind, v02_id, target_id)| ((kind, v02_id), target_id))
        .collect())
}

/// Remembers `(v0.2 id, id here)` pairs of one kind.
pub async fn remember(
    conn: &impl ConnectionTrait,
    kind: &str,
    pairs: &[(i64, i64)],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for chunk in pairs.chunks(1000) {
        let rows = chunk.iter().map(|(v02_id, target_id)| entity::ActiveModel {
            kind: Set(kind.to_owned()),
            v02_id: Set(*v02_id),
            target_id: Set(*target_id),
            imported_at: Set(now),
        });
        entity::Entity::insert_many(rows)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}
