use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, TmaClient};
use crate::model::{ApiTokenId, CreatedApiToken};

/// A token as the settings screen shows it: its moments on the user's wall clock, worked out on
/// the server so that the browser needs no time zone data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: ApiTokenId,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
}

#[cfg(feature = "ssr")]
fn view(token: crate::model::ApiToken, zone: chrono_tz::Tz) -> ApiTokenView {
    ApiTokenView {
        id: token.id,
        name: token.name,
        created_at: token.created_at.with_timezone(&zone).naive_local(),
        last_used_at: token
            .last_used_at
            .map(|at| at.with_timezone(&zone).naive_local()),
    }
}

/// The user's personal API tokens, newest first; never their secrets.
#[server(endpoint = "tokens/list", client = TmaClient, output = super::JsonText)]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenView>, AppError> {
    let (state, user) = signed_in().await?;
    let tokens = crate::server::api_tokens::list_tokens(&state.db, &user).await?;
    Ok(tokens
        .into_iter()
        .map(|token| view(token, user.time_zone))
        .collect())
}

/// A new token named `name`; the answer carries its secret, the only time it is shown.
#[server(endpoint = "tokens/create", client = TmaClient, output = super::JsonText)]
pub async fn create_api_token(name: String) -> Result<CreatedApiToken, AppError> {
    let (state, user) = signed_in().await?;
    let name = crate::model::NewApiTokenInput { name: Some(name) }.parse()?;
    Ok(crate::server::api_tokens::create_token(&state.db, &user, name).await?)
}

#[server(endpoint = "tokens/revoke", client = TmaClient, output = super::JsonText)]
pub async fn revoke_api_token(id: ApiTokenId) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::api_tokens::revoke_token(&state.db, &user, id).await?)
}
