//! The JSON API under `/api/v1`: each handler parses, makes one service call and answers.

mod calendar;
pub mod docs;
pub mod error;
pub mod extract;
mod me;
pub mod openapi;
mod quick_add;
mod stats;
mod tasks;
mod tokens;
pub mod v02_routes;

use app::server::AppState;
use axum::Router;
use axum::middleware;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use error::ApiError;

pub const BASE_PATH: &str = "/api/v1";

/// The routes under `/api/v1`, and their OpenAPI document: both come from the same annotated
/// handlers, so every route served is described.
pub fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let routes = OpenApiRouter::new()
        .routes(routes!(tasks::list, tasks::create))
        .routes(routes!(tasks::reorder))
        .routes(routes!(quick_add::quick_add))
        .routes(routes!(tasks::categories))
        .routes(routes!(tasks::tags))
        .routes(routes!(tasks::get, tasks::update, tasks::delete))
        .routes(routes!(tasks::restore))
        .routes(routes!(stats::get))
        .routes(routes!(calendar::month))
        .routes(routes!(me::get, me::update))
        .routes(routes!(tokens::list, tokens::create))
        .routes(routes!(tokens::revoke))
        .fallback(|| async { ApiError::RouteNotFound })
        .layer(middleware::from_fn(error::localize))
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::perimeter::API_BODY_LIMIT,
        ));
    let (router, mut document) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .nest(BASE_PATH, routes)
        .split_for_parts();
    openapi::add_shared_responses(&mut document);
    (router, document)
}
