//! Password accounts and the links between ways in: register, log in, set or change a password,
//! link Telegram. A Telegram user is one account whichever way they come.

pub mod password_hash;

pub use crate::model::AccountError;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use super::auth::secret_token::SecretToken;
use super::auth::telegram_user::TelegramUser;
use super::entity::{task, user};
use super::{CurrentUser, ServiceError, clock, sessions, users};
use crate::i18n::Lang;
use crate::model::{CredentialsInput, FieldError, FieldErrors, NewCredentials, PasswordChange};
use password_hash::{hash_password, verify_password};

/// What Settings shows about the ways into an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountInfo {
    pub username: Option<String>,
    pub has_password: bool,
    pub telegram_linked: bool,
    /// Live browser sessions other than the caller's own.
    pub other_sessions: u64,
}

async fn find_by_login(
    db: &DatabaseConnection,
    login: &str,
) -> Result<Option<user::Model>, ServiceError> {
    Ok(user::Entity::find()
        .filter(user::Column::Login.eq(login))
        .one(db)
        .await?)
}

async fn find_row(db: &DatabaseConnection, user_id: i64) -> Result<user::Model, ServiceError> {
    user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

fn taken() -> ServiceError {
    FieldErrors::single("username", FieldError::UsernameTaken).into()
}

/// A new password account; the username must be free (ignoring case).
pub async fn register(
    db: &DatabaseConnection,
    credentials: NewCredentials,
    language: Lang,
) -> Result<CurrentUser, ServiceError> {
    if find_by_login(db, credentials.username.as_str())
        .await?
        .is_some()
    {
        return Err(taken());
    }
    let hash = hash_password(&credentials.password).await?;
    let now = clock::now();
    let created = user::ActiveModel {
        first_name: Set(Some(credentials.username.as_str().to_owned())),
        login: Set(Some(credentials.username.as_str().to_owned())),
        password_hash: Set(Some(hash)),
        ..users::new_user_row(language, "UTC", now)
    }
    .insert(db)
    .await;
    match created {
        Ok(row) => Ok(CurrentUser::from(&row)),
        // Registered by someone else between the check and the insert.
        Err(err) => match find_by_login(db, credentials.username.as_str()).await? {
            Some(_) => Err(taken()),
            None => Err(err.into()),
        },
    }
}

/// The account behind a username and password. Unknown usernames and wrong passwords get the
/// same error after the same work (a dummy hash is checked for unknown ones).
pub async fn log_in(
    db: &DatabaseConnection,
    input: &CredentialsInput,
) -> Result<CurrentUser, ServiceError> {
    let login = input.username.trim().to_ascii_lowercase();
    let row = if login.is_empty() || login.len() > crate::model::USERNAME_MAX {
        None
    } else {
        find_by_login(db, &login).await?
    };
    let stored = row.as_ref().and_then(|row| row.password_hash.clone());
    let verified = verify_password(stored, &input.password).await;
    match row {
        Some(row) if verified => Ok(CurrentUser::from(&row)),
        _ => Err(AccountError::WrongCredentials.into()),
    }
}

/// `this`: the caller's own session, when they came with one.
pub async fn account_info(
    db: &DatabaseConnection,
    user: &CurrentUser,
    this: Option<&SecretToken>,
) -> Result<AccountInfo, ServiceError> {
    let row = find_row(db, user.id).await?;
    Ok(AccountInfo {
        username: row.login,
        has_password: row.password_hash.is_some(),
        telegram_linked: row.telegram_id.is_some(),
        other_sessions: sessions::count_other_sessions(db, user.id, this).await?,
    })
}

/// A username and password for an account that has none yet (a Telegram user's first).
pub async fn set_password(
    db: &DatabaseConnection,
    user: &CurrentUser,
    credentials: NewCredentials,
) -> Result<(), ServiceError> {
    let row = find_row(db, user.id).await?;
    if row.password_hash.is_some() {
        return Err(AccountError::PasswordAlreadySet.into());
    }
    if find_by_login(db, credentials.username.as_str())
        .await?
        .is_some_and(|other| other.id != row.id)
    {
        return Err(taken());
    }
    let hash = hash_password(&credentials.password).await?;
    let mut active: user::ActiveModel = row.into();
    active.login = Set(Some(credentials.username.as_str().to_owned()));
    active.password_hash = Set(Some(hash));
    active.updated_at = Set(clock::now());
    match active.update(db).await {
        Ok(_) => Ok(()),
        Err(err) => match find_by_login(db, credentials.username.as_str()).await? {
            Some(other) if other.id != user.id => Err(taken()),
            _ => Err(err.into()),
        },
    }
}

/// A new password, proven by the current one; every other browser of the account is signed out.
pub async fn change_password(
    db: &DatabaseConnection,
    user: &CurrentUser,
    change: PasswordChange,
    keep_session: Option<&SecretToken>,
) -> Result<(), ServiceError> {
    let row = find_row(db, user.id).await?;
    let Some(stored) = row.password_hash.clone() else {
        return Err(AccountError::NoPassword.into());
    };
    if !verify_password(Some(stored), &change.current_password).await {
        return Err(FieldErrors::single("current_password", FieldError::WrongPassword).into());
    }
    let hash = hash_password(&change.new_password).await?;
    let mut active: user::ActiveModel = row.into();
    active.password_hash = Set(Some(hash));
    active.updated_at = Set(clock::now());
    active.update(db).await?;
    sessions::end_other_sessions(db, user.id, keep_session).await
}

/// An account nobody would miss: no tasks and no password.
async fn is_empty(db: &DatabaseConnection, row: &user::Model) -> Result<bool, ServiceError> {
    if row.password_hash.is_some() {
        return Ok(false);
    }
    let tasks = task::Entity::find()
        .filter(task::Column::UserId.eq(row.id))
        .count(db)
        .await?;
    Ok(tasks == 0)
}

/// Links a Telegram account (proven by the Login Widget) to the signed-in account. When that
/// Telegram user already has an account of its own, it is merged away only if empty.
pub async fn link_telegram(
    db: &DatabaseConnection,
    user: &CurrentUser,
    telegram: &TelegramUser,
) -> Result<CurrentUser, ServiceError> {
    let row = find_row(db, user.id).await?;
    match row.telegram_id {
        Some(id) if id == telegram.id => return users::sign_in_telegram(db, telegram).await,
        Some(_) => return Err(AccountError::OtherTelegramLinked.into()),
        None => {}
    }
    let existing = user::Entity::find()
        .filter(user::Column::TelegramId.eq(telegram.id))
        .one(db)
        .await?;
    if let Some(existing) = existing {
        if !is_empty(db, &existing).await? {
            return Err(AccountError::TelegramTaken.into());
        }
        user::Entity::delete_by_id(existing.id).exec(db).await?;
    }
    let mut active: user::ActiveModel = row.into();
    active.telegram_id = Set(Some(telegram.id));
    active.updated_at = Set(clock::now());
    if active.update(db).await.is_err() {
        return Err(AccountError::TelegramTaken.into());
    }
    users::sign_in_telegram(db, telegram).await
}
