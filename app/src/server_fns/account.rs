//! Settings' Account section: the ways into the account, setting or changing a password, and the
//! Telegram Login Widget's link for this session.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, TmaClient};
use crate::model::{CredentialsInput, PasswordChangeInput};
#[cfg(feature = "ssr")]
use crate::server::auth::session_cookie;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The password account's username, if one is set.
    pub username: Option<String>,
    pub has_password: bool,
    pub telegram_linked: bool,
    /// The bot behind the Login Widget, when configured.
    pub bot_username: Option<String>,
    /// Browsers signed in to this account, besides this one.
    pub other_sessions: u64,
    /// Where the widget sends a linking sign-in: only for a browser session not yet linked.
    pub telegram_link_url: Option<String>,
}

#[server(endpoint = "account", client = TmaClient, output = super::JsonText)]
pub async fn get_account() -> Result<Account, AppError> {
    let (state, user) = signed_in().await?;
    let parts = leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    let this = session_cookie::token(&state.cookies, &parts.headers);
    let info = crate::server::accounts::account_info(&state.db, &user, this.as_ref()).await?;
    let telegram_link_url = this.filter(|_| !info.telegram_linked).map(|token| {
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair(
                crate::server::auth::login_widget::STATE_PARAM,
                &session_cookie::link_state(&state.cookies, &token),
            )
            .finish();
        format!("/auth/telegram?{query}")
    });
    Ok(Account {
        username: info.username,
        has_password: info.has_password,
        telegram_linked: info.telegram_linked,
        other_sessions: info.other_sessions,
        bot_username: state.config.telegram_bot_username.clone(),
        telegram_link_url,
    })
}

/// A first username and password (a Telegram account that has none).
#[server(endpoint = "account/password/set", client = TmaClient, output = super::JsonText)]
pub async fn set_password(credentials: CredentialsInput) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    let credentials = crate::model::NewCredentials::parse(&credentials)?;
    Ok(crate::server::accounts::set_password(&state.db, &user, credentials).await?)
}

/// A new password, proven by the current one; other browsers are signed out.
#[server(endpoint = "account/password", client = TmaClient, output = super::JsonText)]
pub async fn change_password(change: PasswordChangeInput) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    let change = crate::model::PasswordChange::parse(&change)?;
    let parts = leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    let keep = session_cookie::token(&state.cookies, &parts.headers);
    Ok(crate::server::accounts::change_password(&state.db, &user, change, keep.as_ref()).await?)
}

/// Signs out every other browser signed in to this account (from the Mini App: every browser).
#[server(endpoint = "account/sessions/end-others", client = TmaClient, output = super::JsonText)]
pub async fn end_other_sessions() -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    let parts = leptos::prelude::use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    let keep = session_cookie::token(&state.cookies, &parts.headers);
    Ok(crate::server::sessions::end_other_sessions(&state.db, user.id, keep.as_ref()).await?)
}
