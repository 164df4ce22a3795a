use app::server::AppState;
use app::server::db::database_is_up;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use chrono::{SecondsFormat, Utc};
use serde_json::json;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `GET /health`: 200 when the database answers, 503 when it does not.
pub async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let up = database_is_up(&state.db).await;
    let status = if up {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": if up { "healthy" } else { "unhealthy" },
        "version": VERSION,
        "timestamp": Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        "database": if up { "ok" } else { "unavailable" },
    });
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body))
}

/// `GET /version`.
pub async fn version() -> impl IntoResponse {
    Json(json!({ "name": "vectora", "version": VERSION }))
}
