//! Personal API tokens: created with a name and shown once, listed without the secret, revoked at
//! once, and usable as `Authorization: Bearer` on every authenticated route.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

/// Creates a token for `user` through the API and returns the answer's body.
pub async fn create_token(app: &TestApp, user: &TestUser, name: &str) -> Value {
    let response = app
        .send_json(
            user,
            Method::POST,
            "/api/v1/tokens",
            json!({ "name": name }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.json().await.unwrap()
}

pub fn secret(created: &Value) -> String {
    created["token"]
        .as_str()
        .expect("a token's secret")
        .to_owned()
}

async fn list_tokens(app: &TestApp, user: &TestUser) -> Vec<Value> {
    let listed = app.get_json(user, "/api/v1/tokens").await;
    serde_json::from_value(listed).unwrap()
}

#[tokio::test]
async fn create_list_and_revoke() {
    let (app, user) = spawn_app_for(9501).await;
    let first = create_token(&app, &user, "  CI  ").await;
    let second = create_token(&app, &user, "Скрипт дома").await;
    assert_eq!(first["name"], "CI", "the name is trimmed");
    assert!(first["last_used_at"].is_null());
    let token = secret(&first);
    assert!(token.starts_with("vct_") && token.len() == 68, "{token}");
    assert_ne!(token, secret(&second));

    let listed = list_tokens(&app, &user).await;
    let names: Vec<&str> = listed.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Скрипт дома", "CI"], "newest first");
    let text = serde_json::to_string(&listed).unwrap();
    assert!(!text.contains(&token) && !text.contains(&secret(&second)));
    for row in &listed {
        let mut keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(keys, ["created_at", "id", "last_used_at", "name"]);
    }

    let id = first["id"].as_i64().unwrap();
    let revoked = app.delete(&user, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let again = app.delete(&user, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    let listed = list_tokens(&app, &user).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], second["id"]);
    let nonsense = app.delete(&user, "/api/v1/tokens/abc").await;
    assert_eq!(nonsense.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bearer_acts_as_the_token_owner_on_task_routes() {
    let (app, user) = spawn_app_for(9502).await;
    let made_in_app = app
        .post_task_id(&user, json!({"title": "from the Mini App"}))
        .await;
    let token = secret(&create_token(&app, &user, "script").await);

    let created = app
        .bearer(&token, Method::POST, "/api/v1/tasks")
        .json(&json!({"title": "from a script", "tags": ["api"]}))
        .fetch()
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let listed = app
        .bearer(&token, Method::GET, "/api/v1/tasks")
        .fetch_json()
        .await;
    let mut titles: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    assert_eq!(titles, ["from a script", "from the Mini App"]);
    let one = format!("/api/v1/tasks/{made_in_app}");
    assert_eq!(
        app.bearer(&token, Method::GET, &one).fetch().await.status(),
        StatusCode::OK
    );
    let me = app
        .bearer(&token, Method::GET, "/api/v1/me")
        .fetch_json()
        .await;
    assert_eq!(me["telegram_id"], 9502);
    // The scheme's name is case-insensitive, like tma's.
    let lower = app
        .get_with_header("/api/v1/stats", "Authorization", &format!("bearer {token}"))
        .await;
    assert_eq!(lower.status(), StatusCode::OK);

    let listed = list_tokens(&app, &user).await;
    assert!(
        listed[0]["last_used_at"].is_string(),
        "use is noted: {listed:?}"
    );
}

#[tokio::test]
async fn a_revoked_token_is_refused_at_once() {
    let (app, user) = spawn_app_for(9503).await;
    let created = create_token(&app, &user, "soon gone").await;
    let token = secret(&created);
    let tasks = || app.bearer(&token, Method::GET, "/api/v1/tasks").fetch();
    assert_eq!(tasks().await.status(), StatusCode::OK);

    let id = created["id"].as_i64().unwrap();
    let revoked = app
        .bearer(&token, Method::DELETE, &format!("/api/v1/tokens/{id}"))
        .fetch()
        .await;
    assert_eq!(
        revoked.status(),
        StatusCode::NO_CONTENT,
        "a token can revoke itself"
    );

    let refused = tasks().await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        refused.headers()["www-authenticate"],
        r#"Bearer realm="vectora", error="invalid_token""#
    );
    let detail = error_detail(refused).await;
    assert!(detail.contains("revoked"), "{detail}");
    let by_server_fn = app
        .bearer(&token, Method::POST, "/api/tokens/list")
        .header("accept", "application/json")
        .fetch()
        .await;
    assert_eq!(by_server_fn.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_and_malformed_tokens_are_refused() {
    let app = spawn_app().await;
    for secret in [
        format!("vct_{}", "0".repeat(64)),
        "vct_short".to_owned(),
        "not-even-ours".to_owned(),
        String::new(),
    ] {
        let response = app
            .bearer(&secret, Method::GET, "/api/v1/tasks")
            .fetch()
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{secret:?}");
    }
}

#[tokio::test]
async fn another_users_token_does_not_exist_for_you() {
    let app = spawn_app().await;
    let owner = TestUser::new(9504);
    let other = TestUser::new(9505);
    let created = create_token(&app, &owner, "mine").await;
    let id = created["id"].as_i64().unwrap();

    let refused = app.delete(&other, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert!(list_tokens(&app, &other).await.is_empty());
    assert_eq!(list_tokens(&app, &owner).await.len(), 1, "still there");

    // The owner's token sees the owner's tasks only.
    app.post_task(&other, json!({"title": "other's"})).await;
    let listed = app
        .bearer(&secret(&created), Method::GET, "/api/v1/tasks")
        .fetch_json()
        .await;
    assert_eq!(listed, json!([]));
}

#[tokio::test]
async fn names_follow_the_rule() {
    let (app, user) = spawn_app_for(9506).await;
    for (body, code) in [
        (json!({}), "required"),
        (json!({"name": "   "}), "required"),
        (json!({"name": "я".repeat(101)}), "too_long"),
    ] {
        let response = app
            .send_json(&user, Method::POST, "/api/v1/tokens", body)
            .await;
        assert_field_errors(response, &[("name", code)]).await;
    }
    let russian = app
        .post_in_language(&user, "/api/v1/tokens", "ru", json!({"name": ""}))
        .await;
    let body = assert_field_errors(russian, &[("name", "required")]).await;
    assert_eq!(
        body["errors"]["name"]["message"],
        "Обязательное поле, оно не может быть пустым."
    );
    let fits = app
        .send_json(
            &user,
            Method::POST,
            "/api/v1/tokens",
            json!({"name": "я".repeat(100)}),
        )
        .await;
    assert_eq!(fits.status(), StatusCode::CREATED);
    assert_eq!(list_tokens(&app, &user).await.len(), 1);
}

#[tokio::test]
async fn the_settings_screen_manages_tokens_through_server_functions() {
    let (app, user) = spawn_app_for(9507).await;
    let call = |path: &str, form: &[(&str, &str)]| app.server_fn(&user, path).form(form);
    let created = call("/api/tokens/create", &[("name", "Settings")])
        .fetch_json()
        .await;
    let token = secret(&created);
    assert!(token.starts_with("vct_"));

    let refused = call("/api/tokens/create", &[("name", " ")]).fetch().await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let listed = call("/api/tokens/list", &[]).fetch_json().await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["name"], "Settings");
    assert!(!listed.to_string().contains(&token));

    let id = created["id"].as_i64().unwrap().to_string();
    let other = TestUser::new(9508);
    let not_yours = app
        .server_fn(&other, "/api/tokens/revoke")
        .form(&[("id", id.as_str())])
        .fetch()
        .await;
    assert_eq!(not_yours.status(), StatusCode::NOT_FOUND);
    let revoked = call("/api/tokens/revoke", &[("id", &id)]).fetch().await;
    assert_eq!(revoked.status(), StatusCode::OK);
    let refused = app.bearer(&token, Method::GET, "/api/v1/me").fetch().await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_settings_page_lists_tokens_without_their_secrets() {
    let app = spawn_app_with(&[("SECRET_KEY", SECRET_KEY)]).await;
    let cookie = app
        .dev_sign_in(&[("telegram_id", "9509"), ("language", "en")])
        .await;
    let created = app
        .with_cookie(Method::POST, "/api/v1/tokens", &cookie)
        .json(&json!({"name": "Home automation"}))
        .fetch_json()
        .await;

    let html = app
        .request(Method::GET, "/settings")
        .header("cookie", &cookie)
        .fetch_text()
        .await;
    for part in [
        "data-testid=\"api-tokens\"",
        "API tokens",
        "Home automation",
        "data-testid=\"revoke-token\"",
        "action=\"/api/tokens/create\"",
    ] {
        assert!(html.contains(part), "{part} in the settings page");
    }
    assert!(!html.contains(&secret(&created)));
}
