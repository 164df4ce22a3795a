//! Browser sessions: a row per signed-in browser, found by the SHA-256 of the cookie's token.
//! Deleting the row ends the session at once, on every replica.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use super::auth::secret_token::SecretToken;
use super::auth::signed_cookies::MAX_AGE_SECS;
use super::entity::{session, user};
use super::{CurrentUser, ServiceError, clock};

/// Opens a session for `user_id`; the token goes into the cookie and nowhere else.
pub async fn start_session(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<SecretToken, ServiceError> {
    let token = SecretToken::generate()?;
    let now = clock::now();
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    session::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(token.hash()),
        created_at: Set(now),
        expires_at: Set(now + Duration::seconds(MAX_AGE_SECS)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user of a live session, or `None` when it ended, expired or never existed.
pub async fn session_user(
    db: &DatabaseConnection,
    token: &SecretToken,
) -> Result<Option<CurrentUser>, ServiceError> {
    let found = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token.hash()))
        .filter(session::Column::ExpiresAt.gt(clock::now()))
        .one(db)
        .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    Ok(user::Entity::find_by_id(found.user_id)
        .one(db)
        .await?
        .map(|row| CurrentUser::from(&row)))
}

/// Signs one browser out.
pub async fn end_session(db: &DatabaseConnection, token: &SecretToken) -> Result<(), ServiceError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token.hash()))
        .exec(db)
        .await?;
    Ok(())
}

/// How many live sessions `user_id` has other than the one holding `this` (when given).
pub async fn count_other_sessions(
    db: &DatabaseConnection,
    user_id: i64,
    this: Option<&SecretToken>,
) -> Result<u64, ServiceError> {
    let mut query = session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .filter(session::Column::ExpiresAt.gt(clock::now()));
    if let Some(this) = this {
        query = query.filter(session::Column::TokenHash.ne(this.hash()));
    }
    Ok(query.count(db).await?)
}

/// Signs out every browser of `user_id` except the one holding `keep` (when given).
pub async fn end_other_sessions(
    db: &DatabaseConnection,
    user_id: i64,
    keep: Option<&SecretToken>,
) -> Result<(), ServiceError> {
    let mut query = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(session::Column::TokenHash.ne(keep.hash()));
    }
    query.exec(db).await?;
    Ok(())
}
