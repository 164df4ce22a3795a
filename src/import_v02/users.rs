//! The accounts of v0.2's Telegram users: found by Telegram id, or created for the import.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, QuerySelect,
};

use app::i18n::Lang;
use app::server::entity::user;
use app::server::users;

/// The new row of a user the import creates, in `zone` (v0.2 knew no zones: its due dates were
/// read in the zone the operator gave).
pub fn new_user(zone: &str, now: DateTime<Utc>) -> user::ActiveModel {
    users::new_user_row(Lang::default(), zone, now)
}

/// Telegram id → user id for every id given, and how many users had to be created. Names come
/// from Telegram at the user's first sign-in, as for anyone new.
pub async fn ensure_telegram_users(
    conn: &impl ConnectionTrait,
    telegram_ids: &BTreeSet<i64>,
    zone: &str,
    now: DateTime<Utc>,
) -> Result<(HashMap<i64, i64>, usize), DbErr> {
    let ids: Vec<i64> = telegram_ids.iter().copied().collect();
    let mut users = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let found: Vec<(Option<i64>, i64)> = user::Entity::find()
            .select_only()
            .column(user::Column::TelegramId)
            .column(user::Column::Id)
            .filter(user::Column::TelegramId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(conn)
            .await?;
        users.extend(found.into_iter().filter_map(|(tg, id)| Some((tg?, id))));
    }
    let mut created = 0;
    for telegram_id in ids {
        if users.contains_key(&telegram_id) {
            continue;
        }
        let mut row = new_user(zone, now);
        row.telegram_id = Set(Some(telegram_id));
        let row = row.insert(conn).await?;
        users.insert(telegram_id, row.id);
        created += 1;
    }
    Ok((users, created))
}

/// Moves `tasks_version` on for users whose tasks changed, so that cached pages go stale.
pub async fn touch_tasks(
    conn: &impl ConnectionTrait,
    user_ids: &BTreeSet<i64>,
) -> Result<(), DbErr> {
    let ids: Vec<i64> = user_ids.iter().copied().collect();
    for chunk in ids.chunks(500) {
        user::Entity::update_many()
            .col_expr(
                user::Column::TasksVersion,
                Expr::col(user::Column::TasksVersion).add(1),
            )
            .filter(user::Column::Id.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
    }
    Ok(())
}
