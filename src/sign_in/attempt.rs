//! Every sign-in route counts against the per-address sign-in limit before any work is done: the
//! `Attempt` extractor.

use std::net::SocketAddr;

use app::i18n::Lang;
use app::server::{AppState, ServiceError};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;

use super::reply::{Attempt, Failure};
use crate::{assets, perimeter};

impl FromRequestParts<AppState> for Attempt {
    type Rejection = Failure;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = |name| {
            parts
                .headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
        };
        let lang = Lang::from_tag(header(header::ACCEPT_LANGUAGE));
        let json = header(header::CONTENT_TYPE).starts_with("application/json")
            || header(header::ACCEPT).starts_with("application/json");
        let attempt = Attempt {
            lang,
            json,
            stylesheet: assets::stylesheet_href(&state.leptos_options),
        };
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| *peer)
            .ok_or(Failure::new(
                ServiceError::Internal("no peer address"),
                &attempt,
            ))?;
        let client = perimeter::client_ip(peer, &parts.headers);
        state
            .limits
            .check_sign_in(client)
            .map_err(|limited| Failure::new(ServiceError::from(limited), &attempt))?;
        Ok(attempt)
    }
}
