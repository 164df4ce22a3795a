//! The OpenAPI document at `/api/v1/openapi.json`: it describes every `/api/v1` route, each of
//! those routes is really served, and what the running server answers matches the schemas.

use std::collections::BTreeSet;

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::api_tokens::{create_token, secret};
use crate::helpers::*;

/// Every route under `/api/v1`, kept by hand: a route added to the API must be added here, and
/// then the test checks that the document describes it.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/tasks"),
    ("post", "/api/v1/tasks"),
    ("post", "/api/v1/tasks/reorder"),
    ("post", "/api/v1/tasks/quick"),
    ("get", "/api/v1/tasks/metadata/categories"),
    ("get", "/api/v1/tasks/metadata/tags"),
    ("get", "/api/v1/tasks/{id}"),
    ("put", "/api/v1/tasks/{id}"),
    ("patch", "/api/v1/tasks/{id}"),
    ("delete", "/api/v1/tasks/{id}"),
    ("post", "/api/v1/tasks/{id}/restore"),
    ("get", "/api/v1/stats"),
    ("get", "/api/v1/calendar"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("get", "/api/v1/tokens"),
    ("post", "/api/v1/tokens"),
    ("delete", "/api/v1/tokens/{id}"),
];

fn listed_routes() -> BTreeSet<(String, String)> {
    ROUTES
        .iter()
        .map(|(method, path)| (method.to_string(), path.to_string()))
        .collect()
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "patch", "head", "options", "trace",
];

/// The HTTP method an operation's key (`get`, `post`, …) names.
pub fn http_method(key: &str) -> Method {
    Method::from_bytes(key.to_uppercase().as_bytes()).unwrap()
}

pub struct Document(Value);

impl Document {
    pub async fn fetch(app: &TestApp) -> Document {
        let document = app.request(Method::GET, "/api/v1/openapi.json");
        Document(document.fetch_json().await)
    }

    /// Every operation as (method key, path template), such as `("get", "/api/v1/tasks/{id}")`.
    pub fn operations(&self) -> BTreeSet<(String, String)> {
        let mut found = BTreeSet::new();
        for (path, item) in self.0["paths"].as_object().expect("paths") {
            for method in METHODS {
                if item.get(method).is_some() {
                    found.insert((method.to_owned(), path.clone()));
                }
            }
        }
        found
    }

    /// Asserts that the operation documents the answer's status and that its body matches the
    /// documented schema; returns the body.
    pub async fn check(&self, method: &str, path: &str, response: Response) -> Value {
        let status = response.status().as_u16().to_string();
        let documented = &self.0["paths"][path][method]["responses"][&status];
        assert!(
            documented.is_object(),
            "{method} {path} answered {status}, which the document does not list"
        );
        let text = response.text().await.unwrap();
        let schema = &documented["content"]["application/json"]["schema"];
        if schema.is_null() {
            assert!(text.is_empty(), "{method} {path} {status}: body {text}");
            return Value::Null;
        }
        let body: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{method} {path} {status}: not JSON ({e}): {text}"));
        let errors = self.errors(schema, &body);
        assert!(
            errors.is_empty(),
            "{method} {path} {status} does not match its schema: {errors:#?}\n{body:#}"
        );
        body
    }

    /// Where `value` breaks `schema` (whose `$ref`s point into this document's components).
    fn errors(&self, schema: &Value, value: &Value) -> Vec<String> {
        let mut schema = schema.clone();
        schema["components"] = self.0["components"].clone();
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("a schema that does not build: {e}\n{schema:#}"));
        validator
            .iter_errors(value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }
}

#[tokio::test]
async fn the_schemas_refuse_what_the_server_would_not_send() {
    let app = spawn_app().await;
    let doc = Document::fetch(&app).await;
    let task = json!({"$ref": "#/components/schemas/Task"});
    let good = json!({
        "id": 1, "title": "t", "description": null, "date_time": "2026-12-01T06:30:00Z",
        "remind_at": null, "priority": "high", "status": false, "completed_at": null,
        "position": 0, "category": null, "tags": [],
        "created_at": "2026-11-30T00:00:00Z", "updated_at": "2026-11-30T00:00:00Z",
    });
    assert_eq!(doc.errors(&task, &good), Vec::<String>::new());
    for (field, wrong) in [
        ("id", json!("1")),
        ("priority", json!("urgent")),
        ("tags", json!("a,b")),
        ("created_at", json!("yesterday")),
        ("title", Value::Null),
    ] {
        let mut bad = good.clone();
        bad[field] = wrong;
        assert!(!doc.errors(&task, &bad).is_empty(), "{field}: {bad}");
    }
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("status");
    assert!(!doc.errors(&task, &missing).is_empty());
    let error = json!({"$ref": "#/components/schemas/ErrorBody"});
    assert!(
        !doc.errors(&error, &json!({"message": "no detail"}))
            .is_empty()
    );
}

#[tokio::test]
async fn the_document_describes_every_route() {
    let app = spawn_app().await;
    let doc = Document::fetch(&app).await;
    assert_eq!(doc.0["openapi"], "3.1.0");
    assert_eq!(doc.0["info"]["title"], "Vectora API");

    assert_eq!(doc.operations(), listed_routes());

    let schemes = &doc.0["components"]["securitySchemes"];
    assert_eq!(schemes["tma"]["type"], "apiKey");
    assert_eq!(schemes["tma"]["name"], "Authorization");
    assert_eq!(schemes["telegramInitData"]["name"], "X-Telegram-Init-Data");
    assert_eq!(schemes["bearerToken"]["scheme"], "bearer");
    assert_eq!(doc.0["security"].as_array().unwrap().len(), 3);

    let mut ids = BTreeSet::new();
    for (method, path) in ROUTES {
        let operation = &doc.0["paths"][path][method];
        let id = operation["operationId"].as_str().unwrap_or_default();
        assert!(!id.is_empty(), "{method} {path} has an operationId");
        assert!(ids.insert(id.to_owned()), "{id} is used twice");
        for status in ["401", "429", "500"] {
            assert_eq!(
                operation["responses"][status]["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/ErrorBody",
                "{method} {path} {status}"
            );
        }
        assert!(
            operation["responses"]["429"]["headers"]["Retry-After"].is_object(),
            "{method} {path}"
        );
    }
    // That each is served for real (401 without credentials, where an unknown route would be
    // 404), in the documented shape: tests/api/auth.rs.
}

/// Sends `method path` as `user` (with a JSON body when given) and checks the answer against
/// the document; `template` is the documented path.
struct Caller<'a> {
    app: &'a TestApp,
    doc: &'a Document,
    user: &'a TestUser,
    checked: BTreeSet<(String, String)>,
}

impl Caller<'_> {
    async fn call(
        &mut self,
        method: &str,
        template: &str,
        path: &str,
        body: Option<Value>,
        expected: StatusCode,
    ) -> Value {
        let mut request = self.app.as_user(self.user, http_method(method), path);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.fetch().await;
        assert_eq!(response.status(), expected, "{method} {path}");
        if expected.is_success() {
            self.checked
                .insert((method.to_owned(), template.to_owned()));
        }
        self.doc.check(method, template, response).await
    }

    /// `call` on a route without parameters or query: the path is the template.
    async fn call_route(
        &mut self,
        method: &str,
        route: &str,
        body: Option<Value>,
        expected: StatusCode,
    ) -> Value {
        self.call(method, route, route, body, expected).await
    }

    /// `POST route` with `body`, which must create (201); what was created.
    async fn create(&mut self, route: &str, body: Value) -> Value {
        self.call_route("post", route, Some(body), StatusCode::CREATED)
            .await
    }

    /// `call_route` that must be refused as invalid (422); the error.
    async fn refused(&mut self, method: &str, route: &str, body: Option<Value>) -> Value {
        self.call_route(method, route, body, StatusCode::UNPROCESSABLE_ENTITY)
            .await
    }
}

#[tokio::test]
async fn real_answers_match_their_schemas() {
    let app = spawn_app().await;
    let doc = Document::fetch(&app).await;
    let user = TestUser::new(9701);
    let mut c = Caller {
        app: &app,
        doc: &doc,
        user: &user,
        checked: BTreeSet::new(),
    };
    let ok = StatusCode::OK;
    let tasks = "/api/v1/tasks";
    let one = "/api/v1/tasks/{id}";

    let full = json!({
        "title": "Отчёт", "description": "за ноябрь", "date_time": "2026-12-01T09:30:00+03:00",
        "priority": "high", "category": "Работа", "tags": ["work", "отчёт"],
    });
    let created = c.create(tasks, full).await;
    let id = created["id"].as_i64().unwrap();
    let bare = c.create(tasks, json!({"title": "bare"})).await;
    let at = format!("/api/v1/tasks/{id}");
    c.call("get", tasks, "/api/v1/tasks?sort_by=date", None, ok)
        .await;
    c.call("get", one, &at, None, ok).await;
    let done = json!({"status": true, "tags": null});
    c.call("put", one, &at, Some(done), ok).await;
    let cleared = json!({"description": null, "date_time": null});
    c.call("patch", one, &at, Some(cleared), ok).await;
    let order = json!({"ids": [bare["id"], id]});
    c.call_route(
        "post",
        "/api/v1/tasks/reorder",
        Some(order),
        StatusCode::NO_CONTENT,
    )
    .await;
    let quick = "/api/v1/tasks/quick";
    let text = json!({"text": "Отчёт завтра в 9 #work !high @Работа"});
    let understood = c
        .call(
            "post",
            quick,
            "/api/v1/tasks/quick?dry_run=true",
            Some(text.clone()),
            ok,
        )
        .await;
    assert_eq!(understood["title"], "Отчёт");
    c.create(quick, text).await;
    let refused = c
        .refused("post", quick, Some(json!({"text": "завтра #work"})))
        .await;
    assert_eq!(refused["errors"]["title"]["code"], "no_title");
    let categories = "/api/v1/tasks/metadata/categories";
    c.call_route("get", categories, None, ok).await;
    let tags = "/api/v1/tasks/metadata/tags";
    c.call_route("get", tags, None, ok).await;
    c.call_route("get", "/api/v1/stats", None, ok).await;
    c.call(
        "get",
        "/api/v1/calendar",
        "/api/v1/calendar?month=2026-12",
        None,
        ok,
    )
    .await;
    c.call_route("get", "/api/v1/me", None, ok).await;
    let settings = json!({"language": "ru", "time_zone": "Europe/Moscow", "digest_time": "08:00"});
    c.call_route("patch", "/api/v1/me", Some(settings), ok)
        .await;
    let token = c.create("/api/v1/tokens", json!({"name": "doc"})).await;
    c.call_route("get", "/api/v1/tokens", None, ok).await;
    let token_at = format!("/api/v1/tokens/{}", token["id"]);
    c.call(
        "delete",
        "/api/v1/tokens/{id}",
        &token_at,
        None,
        StatusCode::NO_CONTENT,
    )
    .await;
    c.call("delete", one, &at, None, StatusCode::NO_CONTENT)
        .await;

    // Errors, in the documented shape.
    c.call("get", one, &at, None, StatusCode::NOT_FOUND).await;
    let restore = "/api/v1/tasks/{id}/restore";
    let restore_at = format!("{at}/restore");
    c.call("post", restore, &restore_at, None, ok).await;
    c.call("delete", one, &at, None, StatusCode::NO_CONTENT)
        .await;
    c.call(
        "delete",
        "/api/v1/tokens/{id}",
        &token_at,
        None,
        StatusCode::NOT_FOUND,
    )
    .await;
    let refused = c.refused("post", tasks, Some(json!({"title": ""}))).await;
    assert_eq!(refused["errors"]["title"]["code"], "required");
    c.call(
        "get",
        tasks,
        "/api/v1/tasks?limit=0",
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    c.refused("get", "/api/v1/calendar", None).await;
    let language = json!({"language": "de"});
    c.refused("patch", "/api/v1/me", Some(language)).await;
    c.refused("post", "/api/v1/tokens", Some(json!({}))).await;

    // Bodies that are not JSON, or too large, in the documented shape too.
    let malformed = app
        .as_user(&user, Method::POST, tasks)
        .header("content-type", "application/json")
        .body("{\"title\": ")
        .fetch()
        .await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    doc.check("post", tasks, malformed).await;
    let not_json = app
        .as_user(&user, Method::PATCH, "/api/v1/me")
        .body("language=ru")
        .fetch()
        .await;
    assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    doc.check("patch", "/api/v1/me", not_json).await;
    let huge = json!({"name": "x".repeat(300 * 1024)});
    let too_large = app
        .send_json(&user, Method::POST, "/api/v1/tokens", huge)
        .await;
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
    doc.check("post", "/api/v1/tokens", too_large).await;

    assert_eq!(
        c.checked,
        listed_routes(),
        "every route's success was checked"
    );
}

#[tokio::test]
async fn bearer_and_rate_limited_answers_match_too() {
    let app = spawn_app_with(&[("RATE_LIMIT_PER_MINUTE", "3")]).await;
    let doc = Document::fetch(&app).await;
    let user = TestUser::new(9702);
    let token = secret(&create_token(&app, &user, "limits").await);
    let mut last = None;
    for _ in 0..3 {
        last = Some(
            app.bearer(&token, Method::GET, "/api/v1/tasks")
                .fetch()
                .await,
        );
    }
    let last = last.unwrap();
    assert_eq!(last.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(last.headers().contains_key("retry-after"));
    doc.check("get", "/api/v1/tasks", last).await;
}
