use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use super::signed_in;
use super::{AppError, TmaClient};
use crate::model::{Profile, ProfilePatchInput, SettingsForm, Stats};

#[server(endpoint = "me", client = TmaClient, output = super::JsonText)]
pub async fn get_profile() -> Result<Profile, AppError> {
    let (state, user) = signed_in().await?;
    Ok(crate::server::users::get_profile(&state.db, &user).await?)
}

#[server(input = Json, endpoint = "me/update", client = TmaClient, output = super::JsonText)]
pub async fn update_profile(patch: ProfilePatchInput) -> Result<Profile, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::ProfilePatch::parse(patch)?;
    Ok(crate::server::users::update_profile(&state.db, &user, patch).await?)
}

/// The settings screen's form; also takes the plain HTML post.
#[server(endpoint = "me/settings", client = TmaClient, output = super::JsonText)]
pub async fn save_settings(settings: SettingsForm) -> Result<Profile, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::ProfilePatch::parse(settings.patch_input())?;
    Ok(crate::server::users::update_profile(&state.db, &user, patch).await?)
}

#[server(endpoint = "stats", client = TmaClient, output = super::JsonText)]
pub async fn get_stats() -> Result<Stats, AppError> {
    let (state, user) = signed_in().await?;
    let now = crate::server::clock::now();
    Ok(crate::server::stats::get_stats(&state.db, &user, now).await?)
}

/// Every IANA time zone name the server knows, alphabetical.
#[server(endpoint = "time-zones", client = TmaClient, output = super::JsonText)]
pub async fn time_zones() -> Result<Vec<String>, AppError> {
    let mut names: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name().to_owned())
        .collect();
    names.sort_unstable();
    Ok(names)
}
