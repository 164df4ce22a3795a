use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use super::AppError;
#[cfg(feature = "ssr")]
use super::signed_in;
use crate::model::{Profile, ProfilePatchInput, Stats};

#[server(endpoint = "me")]
pub async fn get_profile() -> Result<Profile, AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::users::get_profile(&state.db, &user).await?)
}

#[server(input = Json, endpoint = "me/update")]
pub async fn update_profile(patch: ProfilePatchInput) -> Result<Profile, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::ProfilePatch::parse(patch)?;
    Ok(crate::server::users::update_profile(&state.db, &user, patch).await?)
}

#[server(endpoint = "stats")]
pub async fn get_stats() -> Result<Stats, AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::stats::get_stats(&state.db, &user, chrono::Utc::now()).await?)
}
