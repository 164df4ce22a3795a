//! The perimeter: Host check, security headers, CORS, body size, and rate limits per user and per
//! client address.

use std::time::Duration;

use reqwest::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_ORIGIN, HOST, ORIGIN, RETRY_AFTER,
};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn other_hosts_are_refused_when_allowed_hosts_is_set() {
    let app = spawn_app_with(&[("ALLOWED_HOSTS", "tasks.example.com,127.0.0.1")]).await;
    let user = TestUser::new(7001);
    let allowed = app.get(&user, "/api/v1/tasks").await;
    assert_eq!(allowed.status(), StatusCode::OK);
    for host in ["evil.example.com", "tasks.example.com.evil.net", ""] {
        let refused = app
            .as_user(&user, Method::GET, "/api/v1/tasks")
            .header(HOST, host)
            .fetch()
            .await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "Host: {host}");
        assert_eq!(refused.headers()["x-content-type-options"], "nosniff");
    }
    let app = &app;
    let status_with_host = |path: &'static str, host: &'static str| async move {
        app.get_with_header(path, "host", host).await.status()
    };
    assert_eq!(
        status_with_host("/version", "TASKS.example.com:8443").await,
        StatusCode::OK
    );
    assert_eq!(
        status_with_host("/health", "container-7f3a:8000").await,
        StatusCode::OK,
        "health checks use any name"
    );
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let (app, user) = spawn_app_for(7002).await;
    let page = app.request(Method::GET, "/").fetch().await;
    let api = app.get(&user, "/api/v1/tasks").await;
    let api_error = app.get(&user, "/api/v1/tasks/999999").await;
    let unauthorized = app.request(Method::GET, "/api/v1/tasks").fetch().await;
    let missing_page = app.request(Method::GET, "/no/such/page").fetch().await;
    assert_eq!(api_error.status(), StatusCode::NOT_FOUND);
    assert_eq!(unauthorized.status(), StatusCode::UNAUTHORIZED);
    let page_csp = page.headers()["content-security-policy"].clone();
    for response in [&api, &api_error, &unauthorized, &missing_page] {
        let headers = response.headers();
        let what = response.url().path();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{what}"
        );
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'self' https://web.telegram.org;"),
            "{what}: {csp}"
        );
        assert!(
            !headers.contains_key("x-frame-options"),
            "{what}: X-Frame-Options would keep Telegram Web from framing the app"
        );
        assert!(
            !headers.contains_key("strict-transport-security"),
            "{what}: no HSTS outside production"
        );
    }
    assert_eq!(page_csp, api.headers()["content-security-policy"]);
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    // Pages add their script policy, bound to this response's nonce, in a <meta> (see csp.spec.ts).
    let html = page.text().await.unwrap();
    let nonce = html
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a script-src nonce in the page's policy");
    assert!(html.contains("http-equiv=\"Content-Security-Policy\""));
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the nonce"
    );
    let again = app.request(Method::GET, "/").fetch_text().await;
    assert!(!again.contains(nonce), "a nonce is used once");
}

#[tokio::test]
async fn production_adds_hsts() {
    let app = spawn_app_with(&PRODUCTION).await;
    let response = app.request(Method::GET, "/version").fetch().await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=63072000; includeSubDomains"
    );
}

#[tokio::test]
async fn cors_answers_only_the_listed_origins() {
    let app = spawn_app_with(&[(
        "CORS_ORIGINS",
        "https://app.example.com,https://web.telegram.org",
    )])
    .await;
    let preflight = |origin: &'static str| {
        app.request(Method::OPTIONS, "/api/v1/tasks")
            .header(ORIGIN, origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization,content-type",
            )
            .fetch()
    };
    let listed = preflight("https://app.example.com").await;
    assert!(listed.status().is_success(), "{}", listed.status());
    assert_eq!(
        listed.headers()[ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://app.example.com"
    );
    assert_eq!(listed.headers()[ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");

    for origin in [
        "https://evil.example.com",
        "https://app.example.com.evil.net",
        "http://app.example.com",
    ] {
        let refused = preflight(origin).await;
        assert!(
            !refused.headers().contains_key(ACCESS_CONTROL_ALLOW_ORIGIN),
            "{origin}"
        );
    }

    let user = TestUser::new(7003);
    let simple = app
        .as_user(&user, Method::GET, "/api/v1/tasks")
        .header(ORIGIN, "https://web.telegram.org")
        .fetch()
        .await;
    assert_eq!(
        simple.headers()[ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://web.telegram.org"
    );
}

#[tokio::test]
async fn no_origin_gets_cors_without_a_list() {
    let app = spawn_app().await;
    let response = app
        .request(Method::OPTIONS, "/api/v1/tasks")
        .header(ORIGIN, "https://app.example.com")
        .header("access-control-request-method", "POST")
        .fetch()
        .await;
    assert!(!response.headers().contains_key(ACCESS_CONTROL_ALLOW_ORIGIN));
}

#[tokio::test]
async fn oversized_bodies_are_refused_and_change_nothing() {
    let (app, user) = spawn_app_for(7004).await;
    let huge = "я".repeat(200 * 1024);
    let response = app
        .try_post_task(&user, json!({ "title": "big", "description": huge }))
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let detail = error_detail(response).await;
    assert!(detail.contains("too large"), "{detail}");

    let form = app
        .as_user(&user, Method::POST, "/api/tasks/create")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("title={}", "x".repeat(2 * 1024 * 1024)))
        .fetch()
        .await;
    assert_eq!(form.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.titles(&user, "").await, Vec::<String>::new());
}

/// Sends `request()` until it is refused (at most `limit` + 20 times); returns how many passed
/// and the refusal.
async fn until_refused<F, Fut>(limit: usize, mut request: F) -> (usize, reqwest::Response)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = reqwest::Response>,
{
    for passed in 0..limit + 20 {
        let response = request().await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            return (passed, response);
        }
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "{}",
            response.status()
        );
    }
    panic!("never refused after {} requests", limit + 20);
}

#[tokio::test]
async fn each_user_has_a_limit_that_recovers() {
    // 60 a minute: one more request allowed every second after the first 60.
    let app = spawn_app_with(&[("RATE_LIMIT_PER_MINUTE", "60")]).await;
    let user = TestUser::new(7005);
    let (passed, refused) = until_refused(60, || app.get(&user, "/api/v1/tasks")).await;
    assert!((60..=62).contains(&passed), "{passed} passed");
    let retry_after = retry_after(&refused);
    assert!((1..=2).contains(&retry_after), "Retry-After: {retry_after}");
    let detail = error_detail(refused).await;
    assert!(detail.contains("Too many"), "{detail}");

    let other = TestUser::new(7006);
    assert_eq!(
        app.get(&other, "/api/v1/tasks").await.status(),
        StatusCode::OK
    );

    // The app's own calls have an allowance of their own (task_screen.rs tests it to its end).
    let server_fn = app
        .as_user(&user, Method::POST, "/api/me")
        .header("content-type", "application/x-www-form-urlencoded")
        .fetch()
        .await;
    assert_eq!(server_fn.status(), StatusCode::OK);

    // It is the account's limit, not the credential's: the same Telegram user signed in another
    // way (here the development sign-in's cookie) is over it too.
    let telegram_id = user.telegram_id.to_string();
    let cookie = app.dev_sign_in(&[("telegram_id", &telegram_id)]).await;
    let by_cookie = app
        .get_with_header("/api/v1/tasks", "cookie", &cookie)
        .await;
    assert_eq!(by_cookie.status(), StatusCode::TOO_MANY_REQUESTS);

    tokio::time::sleep(Duration::from_secs(retry_after) + Duration::from_millis(100)).await;
    assert_eq!(
        app.get(&user, "/api/v1/tasks").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn writes_count_and_the_refusal_says_how_long_to_wait() {
    let app = spawn_app_with(&[("RATE_LIMIT_PER_MINUTE", "2")]).await;
    let user = TestUser::new(7007);
    app.post_task(&user, json!({ "title": "one" })).await;
    app.post_task(&user, json!({ "title": "two" })).await;
    let refused = app.try_post_task(&user, json!({ "title": "three" })).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = retry_after(&refused);
    assert!((20..=30).contains(&wait), "Retry-After: {wait}");
}

#[tokio::test]
async fn sign_in_is_limited_per_client_address() {
    let app = spawn_app_with(&[("SIGN_IN_RATE_LIMIT_PER_MINUTE", "5")]).await;
    let sign_in = || {
        app.browser(Method::POST, "/auth/dev")
            .form(&[("telegram_id", "7008")])
    };
    let (passed, refused) = until_refused(5, || sign_in().fetch()).await;
    assert_eq!(passed, 5);
    assert!(refused.headers().contains_key(RETRY_AFTER));
    assert!(!refused.headers().contains_key("set-cookie"));

    // A client behind the deployment's proxy (a local peer) is told apart by X-Forwarded-For.
    let proxied = sign_in()
        .header("x-forwarded-for", "198.51.100.23")
        .fetch()
        .await;
    assert_eq!(proxied.status(), StatusCode::SEE_OTHER);
}
