//! What the frame of every page needs: the ways in and the profile (or why there is none). A page
//! is rendered with the frame already loaded (`page_frame`, called before rendering), so that the
//! layout shows it at once rather than in a Suspense: the renderer runs a Suspense's children
//! several times, and each run made the page's resources again (three loads of the task list for
//! every page). The browser loads it again through `get_frame`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{AppError, SignInOptions, TmaClient};
use crate::model::Profile;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub options: SignInOptions,
    pub profile: Result<Profile, AppError>,
}

impl Frame {
    /// A frame that could not be loaded.
    pub fn failed(error: AppError) -> Frame {
        Frame {
            options: SignInOptions::default(),
            profile: Err(error),
        }
    }
}

#[server(endpoint = "frame", client = TmaClient, output = super::JsonText)]
pub async fn get_frame() -> Result<Frame, AppError> {
    let state = super::app_state()?;
    let parts = use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    let (frame, _) = page_frame(&state, &parts.headers).await;
    // No profile (signed out, say) is part of the answer: the call itself succeeded, whatever
    // status the profile's error set.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::OK);
    }
    Ok(frame)
}

/// The frame of the page a request with these headers asks for, and the user it proved.
#[cfg(feature = "ssr")]
pub async fn page_frame(
    state: &crate::server::AppState,
    headers: &http::HeaderMap,
) -> (Frame, Option<crate::server::CurrentUser>) {
    use crate::server::{auth, rate_limit::Door, users};

    let options = super::sign_in_options(state, Some(headers));
    let (profile, user) = match auth::authenticate(headers, state, Door::App).await {
        Ok(user) => {
            let profile = users::get_profile(&state.db, &user).await;
            (profile.map_err(AppError::from), Some(user))
        }
        Err(error) => (Err(AppError::from(error)), None),
    };
    (Frame { options, profile }, user)
}

/// The frame the server loaded for the page being rendered (see `src/page_frame.rs`).
#[cfg(feature = "ssr")]
pub fn rendered_frame() -> Frame {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Frame>().cloned())
        .unwrap_or_else(|| Frame::failed(AppError::Internal))
}
