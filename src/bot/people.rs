//! Who wrote: the Telegram user's account, found or created by the same service the Mini App
//! signs in with.

use app::i18n::Lang;
use app::server::auth::telegram_user::TelegramUser;
use app::server::{AppState, CurrentUser, ServiceError, users};
use teloxide::types::User;

use super::texts;

pub async fn current_user(state: &AppState, from: &User) -> Result<CurrentUser, ServiceError> {
    let id = i64::try_from(from.id.0).map_err(|_| ServiceError::Internal("telegram id"))?;
    let telegram = TelegramUser {
        id,
        first_name: from.first_name.clone(),
        last_name: from.last_name.clone(),
        username: from.username.clone(),
        language_code: from.language_code.clone(),
    };
    users::sign_in_telegram(&state.db, &telegram).await
}

/// The user's language: their profile's, or Telegram's guess when the account cannot be read.
pub async fn language(state: &AppState, from: &User) -> Lang {
    match current_user(state, from).await {
        Ok(user) => user.language,
        Err(_) => texts::lang_of(from),
    }
}
