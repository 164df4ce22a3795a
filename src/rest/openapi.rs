//! The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json`. Operations come from
//! the `#[utoipa::path]` annotations of the handlers that `api::router` routes, so a route cannot
//! be served without being described; this file adds what every operation shares: the ways to
//! authenticate and the answers any call can get (401, 429, 500, and the body and query errors).

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, ObjectBuilder, OpenApi as Document, Ref, RefOr, ResponseBuilder,
    Type,
};
use utoipa::{Modify, OpenApi};

use super::error::{ErrorBody, FieldErrorBody};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vectora API",
        description = "The JSON API of Vectora, a task planner that lives inside Telegram. \
            Authenticate with `Authorization: tma <initData>` (inside a Telegram Mini App), \
            `X-Telegram-Init-Data: <initData>`, or a personal API token from Settings as \
            `Authorization: Bearer <token>`. Errors are `{detail, errors}`; \
            `Accept-Language: ru` answers in Russian.",
        license(name = "MIT"),
    ),
    components(schemas(ErrorBody, FieldErrorBody)),
    modifiers(&SharedParts),
    tags(
        (name = "tasks", description = "The user's tasks"),
        (name = "stats", description = "Numbers about the tasks"),
        (name = "calendar", description = "Tasks by day"),
        (name = "profile", description = "The user's profile and settings"),
        (name = "tokens", description = "Personal API tokens"),
    ),
)]
pub struct ApiDoc;

/// The names of the security schemes, as the document and its tests call them.
pub const TMA: &str = "tma";
pub const INIT_DATA_HEADER: &str = "telegramInitData";
pub const BEARER: &str = "bearerToken";

struct SharedParts;

impl Modify for SharedParts {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            TMA,
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Authorization",
                "`tma <initData>`: the Mini App's signed initData (Telegram's convention).",
            ))),
        );
        components.add_security_scheme(
            INIT_DATA_HEADER,
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-Telegram-Init-Data",
                "The Mini App's signed initData as it is (v0.2's header).",
            ))),
        );
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("vct_ followed by 64 hex digits")
                    .description(Some("A personal API token, created in Settings."))
                    .build(),
            ),
        );
        doc.security = Some(vec![
            SecurityRequirement::new(TMA, Vec::<String>::new()),
            SecurityRequirement::new(INIT_DATA_HEADER, Vec::<String>::new()),
            SecurityRequirement::new(BEARER, Vec::<String>::new()),
        ]);
    }
}

/// Adds the answers that every operation can give (401, 429, 500, and for a JSON body 400, 413
/// and 415, for a query string 400) to those of `doc`'s operations that do not describe them
/// already, and keeps operation ids unique. Runs once the routes have added their paths.
pub fn add_shared_responses(doc: &mut Document) {
    for item in doc.paths.paths.values_mut() {
        let mut ids = Vec::new();
        for (method, operation) in [
            ("get", &mut item.get),
            ("post", &mut item.post),
            ("patch", &mut item.patch),
            ("put", &mut item.put),
            ("delete", &mut item.delete),
        ] {
            let Some(operation) = operation else { continue };
            add_to_operation(operation);
            // One handler serving two methods (PATCH and PUT) gives both its id; ids are unique.
            if let Some(id) = operation.operation_id.as_mut() {
                if ids.contains(id) {
                    id.push('_');
                    id.push_str(method);
                }
                ids.push(id.clone());
            }
        }
    }
}

fn error(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("ErrorBody")))
            .build(),
    )
}

fn add_to_operation(operation: &mut Operation) {
    let has_body = operation.request_body.is_some();
    let has_query = operation.parameters.iter().flatten().any(|parameter| {
        matches!(parameter, RefOr::T(parameter) if parameter.parameter_in == ParameterIn::Query)
    });
    let responses = &mut operation.responses.responses;
    let mut add = |status: &str, response: ResponseBuilder| {
        responses
            .entry(status.to_owned())
            .or_insert_with(|| response.build().into());
    };
    if has_body {
        add("400", error("The body is not valid JSON"));
        add("413", error("The body is over 256 KB"));
        add("415", error("The body is not sent as application/json"));
    } else if has_query {
        add("400", error("The query string cannot be read"));
    }
    add("401", error("Missing or bad credentials"));
    add(
        "429",
        error("Over the per-user rate limit").header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(1)),
                ))
                .description(Some("Seconds to wait"))
                .build(),
        ),
    );
    add("500", error("The server failed; the body says no more"));
}
