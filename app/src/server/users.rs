use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::auth::error::AuthError;
use super::auth::telegram_user::TelegramUser;
use super::entity::user;
use super::{CurrentUser, ServiceError, clock, reminders};
use crate::i18n::Lang;
use crate::model::{Profile, ProfilePatch, Theme};

/// A new account's row with every preference at its default: a person with no name, no way in
/// yet, in `time_zone`. Callers set what they know (Telegram id and names, a login).
pub fn new_user_row(language: Lang, time_zone: &str, now: DateTime<Utc>) -> user::ActiveModel {
    user::ActiveModel {
        telegram_id: Set(None),
        username: Set(None),
        first_name: Set(None),
        last_name: Set(None),
        language: Set(language.code().to_owned()),
        time_zone: Set(time_zone.to_owned()),
        reminders_enabled: Set(true),
        reminder_offset_minutes: Set(0),
        digest_time: Set(None),
        next_digest_at: Set(None),
        theme: Set(Theme::Auto.code().to_owned()),
        tasks_version: Set(0),
        login: Set(None),
        password_hash: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
}

const NAME_MAX: usize = 256;
const USERNAME_MAX: usize = 64;

fn profile(row: user::Model) -> Profile {
    let current = CurrentUser::from(&row);
    Profile {
        id: row.id,
        telegram_id: row.telegram_id,
        username: row.username,
        first_name: row.first_name,
        last_name: row.last_name,
        language: current.language,
        time_zone: current.time_zone.name().to_owned(),
        reminders_enabled: row.reminders_enabled,
        reminder_offset_minutes: row.reminder_offset_minutes,
        digest_time: row.digest_time,
        theme: Theme::parse(&row.theme).unwrap_or_default(),
    }
}

/// Trimmed, at most `max` characters (the column's size), or none when blank.
fn non_empty(value: &str, max: usize) -> Option<String> {
    Some(value.trim())
        .filter(|v| !v.is_empty())
        .map(|v| v.chars().take(max).collect())
}

async fn find_by_telegram_id(
    db: &DatabaseConnection,
    telegram_id: i64,
) -> Result<Option<user::Model>, ServiceError> {
    Ok(user::Entity::find()
        .filter(user::Column::TelegramId.eq(telegram_id))
        .one(db)
        .await?)
}

/// The account of a Telegram user, created on first sight and refreshed when Telegram reports
/// other names. The language comes from Telegram once; later the user's own choice stands.
pub async fn sign_in_telegram(
    db: &DatabaseConnection,
    tg: &TelegramUser,
) -> Result<CurrentUser, ServiceError> {
    let first_name = non_empty(&tg.first_name, NAME_MAX);
    let last_name = tg.last_name.as_deref().and_then(|v| non_empty(v, NAME_MAX));
    let username = tg
        .username
        .as_deref()
        .and_then(|v| non_empty(v, USERNAME_MAX));

    if let Some(row) = find_by_telegram_id(db, tg.id).await? {
        if row.first_name == first_name && row.last_name == last_name && row.username == username {
            return Ok(CurrentUser::from(&row));
        }
        let mut active: user::ActiveModel = row.into();
        active.first_name = Set(first_name);
        active.last_name = Set(last_name);
        active.username = Set(username);
        active.updated_at = Set(clock::now());
        return Ok(CurrentUser::from(&active.update(db).await?));
    }

    let now = clock::now();
    let language = Lang::from_tag(tg.language_code.as_deref().unwrap_or(""));
    let created = user::ActiveModel {
        telegram_id: Set(Some(tg.id)),
        username: Set(username),
        first_name: Set(first_name),
        last_name: Set(last_name),
        ..new_user_row(language, "UTC", now)
    }
    .insert(db)
    .await;
    match created {
        Ok(row) => Ok(CurrentUser::from(&row)),
        // Two first requests raced; the other one created the row.
        Err(err) => match find_by_telegram_id(db, tg.id).await? {
            Some(row) => Ok(CurrentUser::from(&row)),
            None => Err(err.into()),
        },
    }
}

/// The user a session names; a session whose user is gone signs nobody in.
pub async fn find_current(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<CurrentUser, ServiceError> {
    match user::Entity::find_by_id(user_id).one(db).await? {
        Some(row) => Ok(CurrentUser::from(&row)),
        None => Err(AuthError::Missing.into()),
    }
}

async fn find(db: &DatabaseConnection, user: &CurrentUser) -> Result<user::Model, ServiceError> {
    user::Entity::find_by_id(user.id)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

pub async fn get_profile(
    db: &DatabaseConnection,
    user: &CurrentUser,
) -> Result<Profile, ServiceError> {
    Ok(profile(find(db, user).await?))
}

pub async fn update_profile(
    db: &DatabaseConnection,
    user: &CurrentUser,
    patch: ProfilePatch,
) -> Result<Profile, ServiceError> {
    let row = find(db, user).await?;
    if patch == ProfilePatch::default() {
        return Ok(profile(row));
    }
    let now = clock::now();
    let offset_changed = patch
        .reminder_offset_minutes
        .is_some_and(|offset| offset != row.reminder_offset_minutes);
    let digest_time = match &patch.digest_time {
        Some(digest) => digest.map(|d| d.format()),
        None => row.digest_time.clone(),
    };
    let zone = patch
        .time_zone
        .as_ref()
        .map_or(row.time_zone.clone(), |zone| zone.name().to_owned());
    let digest_moved = digest_time != row.digest_time || zone != row.time_zone;
    let mut active: user::ActiveModel = row.into();
    if let Some(language) = patch.language {
        active.language = Set(language.code().to_owned());
    }
    if let Some(zone) = patch.time_zone {
        active.time_zone = Set(zone.name().to_owned());
    }
    if let Some(enabled) = patch.reminders_enabled {
        active.reminders_enabled = Set(enabled);
    }
    if let Some(offset) = patch.reminder_offset_minutes {
        active.reminder_offset_minutes = Set(offset);
    }
    if digest_moved {
        let zone = zone.parse().unwrap_or(Tz::UTC);
        active.next_digest_at = Set(reminders::digest::next_for(
            digest_time.as_deref(),
            zone,
            now,
        ));
        active.digest_time = Set(digest_time);
    }
    if let Some(theme) = patch.theme {
        active.theme = Set(theme.code().to_owned());
    }
    active.updated_at = Set(now);
    let txn = db.begin().await?;
    let row = active.update(&txn).await?;
    if offset_changed {
        reminders::sync_user(&txn, row.id, row.reminder_offset_minutes, now).await?;
    }
    txn.commit().await?;
    Ok(profile(row))
}
