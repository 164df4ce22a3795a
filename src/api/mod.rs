//! The JSON API under `/api/v1`: each handler parses, makes one service call and answers.

mod calendar;
pub mod error;
pub mod extract;
pub mod health;
mod me;
mod stats;
mod tasks;

use app::server::AppState;
use axum::Router;
use axum::middleware;
use axum::routing::{get, post};

use error::ApiError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tasks", get(tasks::list).post(tasks::create))
        .route("/tasks/reorder", post(tasks::reorder))
        .route("/tasks/metadata/categories", get(tasks::categories))
        .route("/tasks/metadata/tags", get(tasks::tags))
        .route(
            "/tasks/{id}",
            get(tasks::get)
                .put(tasks::update)
                .patch(tasks::update)
                .delete(tasks::delete),
        )
        .route("/stats", get(stats::get))
        .route("/calendar", get(calendar::month))
        .route("/me", get(me::get).patch(me::update))
        .fallback(|| async { ApiError::RouteNotFound })
        .layer(middleware::from_fn(error::localize))
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::perimeter::API_BODY_LIMIT,
        ))
}
