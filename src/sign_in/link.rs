//! `GET /auth/link/{token}`: the bot's one-time sign-in link.

use app::server::{AppState, login_links};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::reply::Attempt;
use super::reply::{self, Failure};

pub async fn redeem(
    attempt: Attempt,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, Failure> {
    let fail = |error| Failure::new(error, &attempt);
    let user_id = login_links::redeem_login_link(&state.db, &token)
        .await
        .map_err(fail)?;
    let cookie = reply::open_session(&state, &headers, user_id)
        .await
        .map_err(fail)?;
    Ok(reply::signed_in(cookie, "/"))
}
