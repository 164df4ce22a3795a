//! One-time sign-in links (the bot's `/login`): a random token, stored hashed, redeemed once within
//! ten minutes. Redeeming is one conditional UPDATE, so of two redemptions at once only one wins.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::Expr,
};
use secrecy::ExposeSecret;

use super::accounts::AccountError;
use super::auth::secret_token::SecretToken;
use super::entity::login_link;
use super::{AppState, ServiceError, clock};

pub const LINK_LIFETIME_MINUTES: i64 = 10;

/// A fresh link that signs its opener in as `user_id` (what the bot's `/login` sends):
/// `PUBLIC_URL/auth/link/<token>`, or the address the server listens on when `PUBLIC_URL` is not
/// set (development).
pub async fn issue_login_link(state: &AppState, user_id: i64) -> Result<String, ServiceError> {
    let base = state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", state.leptos_options.site_addr));
    issue_login_link_at(&state.db, &base, user_id).await
}

/// The same, under `base` (scheme, host and port, no trailing slash).
pub async fn issue_login_link_at(
    db: &DatabaseConnection,
    base: &str,
    user_id: i64,
) -> Result<String, ServiceError> {
    let token = SecretToken::generate()?;
    let now = clock::now();
    login_link::Entity::delete_many()
        .filter(login_link::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    login_link::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(token.hash()),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(LINK_LIFETIME_MINUTES)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(format!("{base}/auth/link/{}", token.expose_secret()))
}

/// The user a link signs in, marking it used; unknown, used and expired links are told apart.
pub async fn redeem_login_link(db: &DatabaseConnection, token: &str) -> Result<i64, ServiceError> {
    let token = SecretToken::parse(token).ok_or(AccountError::LinkUnknown)?;
    let hash = token.hash();
    let now = clock::now();
    let claimed = login_link::Entity::update_many()
        .col_expr(login_link::Column::UsedAt, Expr::value(now))
        .filter(login_link::Column::TokenHash.eq(hash.as_str()))
        .filter(login_link::Column::UsedAt.is_null())
        .filter(login_link::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    let row = login_link::Entity::find()
        .filter(login_link::Column::TokenHash.eq(hash))
        .one(db)
        .await?
        .ok_or(AccountError::LinkUnknown)?;
    if claimed.rows_affected == 1 {
        Ok(row.user_id)
    } else if row.used_at.is_some() && row.expires_at > now {
        Err(AccountError::LinkUsed.into())
    } else if row.expires_at <= now {
        Err(AccountError::LinkExpired.into())
    } else {
        Err(AccountError::LinkUsed.into())
    }
}
