use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, TmaClient};
use crate::model::{ApiToken, ApiTokenId, CreatedApiToken};

/// The user's personal API tokens, newest first; never their secrets.
#[server(endpoint = "tokens/list", client = TmaClient)]
pub async fn list_api_tokens() -> Result<Vec<ApiToken>, AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::api_tokens::list_tokens(&state.db, &user).await?)
}

/// A new token named `name`; the answer carries its secret, the only time it is shown.
#[server(endpoint = "tokens/create", client = TmaClient)]
pub async fn create_api_token(name: String) -> Result<CreatedApiToken, AppError> {
    let (state, user) = signed_in().await?;
    let name = crate::model::NewApiTokenInput { name: Some(name) }.parse()?;
    Ok(crate::server::api_tokens::create_token(&state.db, &user, name).await?)
}

#[server(endpoint = "tokens/revoke", client = TmaClient)]
pub async fn revoke_api_token(id: ApiTokenId) -> Result<(), AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::api_tokens::revoke_token(&state.db, &user, id).await?)
}
