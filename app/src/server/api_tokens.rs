//! Personal API tokens: created with a name and shown once, stored as a SHA-256 hash (the secret
//! is 32 random bytes, so a fast hash is enough), listed without the secret, revoked at once.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder,
};
use sha2::{Digest, Sha256};

use super::auth::error::AuthError;
use super::entity::api_token;
use super::{CurrentUser, ServiceError, clock, users};
use crate::model::{ApiToken, ApiTokenId, CreatedApiToken, TokenName, TokenSecret};

/// What every secret starts with, so that it is recognisable in a leaked file or a scanner.
pub const TOKEN_PREFIX: &str = "vct_";
const SECRET_BYTES: usize = 32;
/// `last_used_at` is written at most this often per token, so that using a token costs a read.
const LAST_USED_PRECISION: Duration = Duration::seconds(60);

fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

fn new_secret() -> Result<TokenSecret, ServiceError> {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).map_err(|_| ServiceError::Internal("no random source"))?;
    Ok(TokenSecret::new(format!(
        "{TOKEN_PREFIX}{}",
        hex::encode(bytes)
    )))
}

/// Whether `secret` has the shape of one of ours: the prefix and 64 hex digits.
fn well_formed(secret: &str) -> bool {
    secret.strip_prefix(TOKEN_PREFIX).is_some_and(|rest| {
        rest.len() == SECRET_BYTES * 2 && rest.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

fn listed(row: api_token::Model) -> ApiToken {
    ApiToken {
        id: row.id,
        name: row.name,
        created_at: row.created_at,
        last_used_at: row.last_used_at,
    }
}

/// A new token for `user`; the answer holds the secret, which is not kept anywhere.
pub async fn create_token(
    db: &DatabaseConnection,
    user: &CurrentUser,
    name: TokenName,
) -> Result<CreatedApiToken, ServiceError> {
    let secret = new_secret()?;
    let row = api_token::ActiveModel {
        user_id: Set(user.id),
        name: Set(name.into()),
        token_hash: Set(hash(secret.expose())),
        created_at: Set(clock::now()),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(CreatedApiToken {
        id: row.id,
        name: row.name,
        created_at: row.created_at,
        last_used_at: row.last_used_at,
        token: secret,
    })
}

/// The user's tokens, newest first.
pub async fn list_tokens(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Vec<ApiToken>, ServiceError> {
    let rows = api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user.id))
        .order_by_desc(api_token::Column::CreatedAt)
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(listed).collect())
}

/// Deletes the token; from then on it signs nobody in. Another user's token is not found.
pub async fn revoke_token(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: ApiTokenId,
) -> Result<(), ServiceError> {
    let deleted = api_token::Entity::delete_many()
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::UserId.eq(user.id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}

/// The user a Bearer secret belongs to. Unknown, revoked and malformed secrets are all refused
/// alike. Notes the use when the last one noted is over a minute old.
pub async fn sign_in_with_token(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<CurrentUser, ServiceError> {
    if !well_formed(secret) {
        return Err(AuthError::BadToken.into());
    }
    let token_hash = hash(secret);
    let row = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?
        .ok_or(AuthError::BadToken)?;
    let stale = now - LAST_USED_PRECISION;
    if row.last_used_at.is_none_or(|at| at < stale) {
        // Conditional, so that of many requests in the same minute only one writes.
        api_token::Entity::update_many()
            .col_expr(
                api_token::Column::LastUsedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .filter(api_token::Column::Id.eq(row.id))
            .filter(
                Condition::any()
                    .add(api_token::Column::LastUsedAt.is_null())
                    .add(api_token::Column::LastUsedAt.lt(stale)),
            )
            .exec(db)
            .await?;
    }
    users::find_current(db, row.user_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_prefixed_random_hex() {
        let one = new_secret().unwrap();
        let two = new_secret().unwrap();
        assert_ne!(one, two);
        assert!(well_formed(one.expose()), "{}", one.expose());
        assert_eq!(one.expose().len(), TOKEN_PREFIX.len() + 64);
    }

    #[test]
    fn only_our_shape_is_looked_up() {
        assert!(!well_formed("vct_"));
        assert!(!well_formed(&format!("abc_{}", "0".repeat(64))));
        assert!(!well_formed(&format!("vct_{}", "g".repeat(64))));
        assert!(!well_formed(&format!("vct_{}", "0".repeat(65))));
        assert!(well_formed(&format!("vct_{}", "0a".repeat(32))));
    }

    #[test]
    fn the_hash_is_hex_sha256() {
        assert_eq!(hash("x").len(), 64);
        assert_ne!(hash("x"), hash("y"));
    }
}
