//! Swagger UI at `/docs` and the document at `/api/v1/openapi.json`. Swagger UI's files are
//! embedded in the binary at build time (from the `utoipa-swagger-ui-vendored` crate): no CDN,
//! no download.

use app::server::AppState;
use app::server::config::Config;
use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::openapi::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

use crate::perimeter;

pub const DOCUMENT_PATH: &str = "/api/v1/openapi.json";
pub const UI_PATH: &str = "/docs";

pub fn router(document: OpenApi, config: &Config) -> anyhow::Result<Router<AppState>> {
    let ui = SwaggerUi::new(UI_PATH)
        .url(DOCUMENT_PATH, document)
        .config(utoipa_swagger_ui::Config::new([DOCUMENT_PATH]).validator_url("none"));
    let policy = HeaderValue::from_str(&perimeter::docs_content_security_policy(config))?;
    Ok(Router::from(ui).layer(SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        policy,
    )))
}
