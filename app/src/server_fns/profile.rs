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

/// Sets the profile's time zone (the device's, once: `ui::layout`). Form fields, like the screen's
/// other calls: the one JSON-encoded call left would bring a JSON writer into the first WASM.
#[server(endpoint = "me/time-zone", client = TmaClient, output = super::JsonText)]
pub async fn set_time_zone(zone: String) -> Result<Profile, AppError> {
    let (state, user) = signed_in().await?;
    let patch = crate::model::ProfilePatch::parse(ProfilePatchInput {
        time_zone: Some(Some(zone)),
        ..Default::default()
    })?;
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
