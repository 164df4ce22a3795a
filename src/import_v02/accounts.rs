//! A v0.2 password account written here: on its Telegram user's account when v0.2 linked one,
//! as an account of its own otherwise. The argon2 hash is kept as it is.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter,
};

use app::server::entity::user;

use super::account_fix::FixedAccount;
use super::users::new_user;

/// The user the account now belongs to, or why it cannot come over.
pub async fn write_account(
    conn: &impl ConnectionTrait,
    account: &FixedAccount,
    telegram_users: &HashMap<i64, i64>,
    zone: &str,
) -> Result<Result<i64, String>, DbErr> {
    let login = account.login.as_str();
    let holder = user::Entity::find()
        .filter(user::Column::Login.eq(login))
        .one(conn)
        .await?;
    let linked = account
        .telegram_id
        .and_then(|tg| telegram_users.get(&tg).copied());
    let Some(user_id) = linked else {
        if holder.is_some() {
            return Ok(Err(format!("the username {login:?} is taken here")));
        }
        let mut row = new_user(zone, account.created_at);
        row.first_name = Set(Some(login.to_owned()));
        row.login = Set(Some(login.to_owned()));
        row.password_hash = Set(Some(account.password_hash.clone()));
        row.updated_at = Set(account.updated_at);
        return Ok(Ok(row.insert(conn).await?.id));
    };
    if holder.is_some_and(|other| other.id != user_id) {
        return Ok(Err(format!(
            "the username {login:?} belongs to another account here"
        )));
    }
    let Some(row) = user::Entity::find_by_id(user_id).one(conn).await? else {
        return Err(DbErr::RecordNotFound(format!("user {user_id}")));
    };
    if row.password_hash.is_some() {
        return Ok(Err(
            "its Telegram user already has a password here; that one stays".into(),
        ));
    }
    let mut active: user::ActiveModel = row.into();
    active.login = Set(Some(login.to_owned()));
    active.password_hash = Set(Some(account.password_hash.clone()));
    active.update(conn).await?;
    Ok(Ok(user_id))
}
