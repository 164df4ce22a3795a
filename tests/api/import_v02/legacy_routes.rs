//! v0.2 clients keep working for a while: `/tasks/…` with `X-Telegram-Init-Data` answers as
//! `/api/v1/tasks…` does, marked deprecated with a link to the new path.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

async fn v02(
    app: &TestApp,
    user: &TestUser,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> Response {
    let mut request = app
        .request(method, path)
        .header("X-Telegram-Init-Data", user.init_data());
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.fetch().await
}

/// What a browser's navigation asks for.
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

fn assert_deprecated(response: &Response, successor: &str) {
    let headers = response.headers();
    assert!(
        headers["deprecation"].to_str().unwrap().starts_with('@'),
        "an RFC 9745 date"
    );
    assert_eq!(
        headers["link"].to_str().unwrap(),
        format!("<{successor}>; rel=\"successor-version\"")
    );
}

#[tokio::test]
async fn import_era_v02_task_routes_answer_like_api_v1() {
    let app = spawn_app().await;
    let user = TestUser::new(111111111);

    let created = v02(
        &app,
        &user,
        Method::POST,
        "/tasks/",
        Some(json!({
            "title": "Купить продукты", "priority": "high", "category": "дом",
            "tags": ["покупки"], "date_time": "2026-12-05T12:00:00", "position": 0
        })),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_deprecated(&created, "/api/v1/tasks");
    let task: Value = created.json().await.unwrap();
    let id = task["id"].as_i64().unwrap();
    let path = format!("/api/v1/tasks/{id}");
    assert_eq!(app.get_task(&user, id).await, task);

    let listed = v02(
        &app,
        &user,
        Method::GET,
        "/tasks/?limit=500&priority=high",
        None,
    )
    .await;
    assert_eq!(listed.status(), StatusCode::OK);
    assert_eq!(listed.headers()["x-total-count"], "1");
    assert_deprecated(&listed, "/api/v1/tasks");
    assert_eq!(listed.json::<Value>().await.unwrap(), json!([task]));

    let one = v02(&app, &user, Method::GET, &format!("/tasks/{id}"), None).await;
    assert_eq!(one.status(), StatusCode::OK);
    assert_deprecated(&one, &path);
    assert_eq!(one.json::<Value>().await.unwrap(), task);

    let put = v02(
        &app,
        &user,
        Method::PUT,
        &format!("/tasks/{id}"),
        Some(json!({"status": true})),
    )
    .await;
    assert_eq!(put.status(), StatusCode::OK);
    assert_eq!(put.json::<Value>().await.unwrap()["status"], true);

    for (kind, value) in [("categories", "дом"), ("tags", "покупки")] {
        let listed = v02(
            &app,
            &user,
            Method::GET,
            &format!("/tasks/metadata/{kind}"),
            None,
        )
        .await;
        assert_eq!(listed.status(), StatusCode::OK);
        assert_deprecated(&listed, &format!("/api/v1/tasks/metadata/{kind}"));
        assert_eq!(listed.json::<Value>().await.unwrap(), json!([value]));
    }

    let stranger = TestUser::new(222222222);
    let hidden = v02(&app, &stranger, Method::GET, &format!("/tasks/{id}"), None).await;
    assert_eq!(
        hidden.status(),
        StatusCode::NOT_FOUND,
        "another user's task does not exist"
    );

    let page = app
        .request(Method::GET, &format!("/tasks/{id}"))
        .header("accept", BROWSER_ACCEPT)
        .fetch()
        .await;
    // Without v0.2's header, a browser's /tasks/{id} is still the app's page.
    assert_starts_with(header(&page, "content-type"), "text/html");
    assert!(page.headers().get("deprecation").is_none());

    let deleted = v02(&app, &user, Method::DELETE, &format!("/tasks/{id}"), None).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&user, &path).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn v02_calls_without_credentials_answer_401_like_a_bad_credential() {
    let app = spawn_app().await;
    let refused = app
        .request(Method::GET, "/tasks/")
        .header("X-Telegram-Init-Data", "not initData")
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let refused: Value = refused.json().await.unwrap();
    let shape =
        |body: &Value| -> Vec<String> { body.as_object().unwrap().keys().cloned().collect() };

    for (method, path, accept) in [
        (Method::GET, "/tasks/", None),
        (Method::GET, "/tasks/5", Some("application/json")),
        (Method::POST, "/tasks/", Some("*/*")),
        (Method::PUT, "/tasks/5", None),
        (Method::GET, "/tasks/metadata/tags", None),
    ] {
        let mut request = app.request(method.clone(), path);
        if let Some(accept) = accept {
            request = request.header("accept", accept);
        }
        let missing = request.fetch().await;
        assert_eq!(
            missing.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
        assert!(missing.headers().contains_key("www-authenticate"));
        assert!(missing.headers().contains_key("deprecation"));
        let body: Value = missing.json().await.unwrap();
        assert!(body["detail"].is_string(), "{body}");
        assert_eq!(shape(&body), shape(&refused), "{method} {path}");
    }

    let page = app
        .request(Method::GET, "/tasks/5")
        .header("accept", BROWSER_ACCEPT)
        .fetch()
        .await;
    assert_starts_with(header(&page, "content-type"), "text/html");
    assert!(page.headers().get("deprecation").is_none());
}
