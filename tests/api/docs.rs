//! Swagger UI at `/docs`, served from the binary with its own content security policy.

use reqwest::{StatusCode, redirect};

use crate::helpers::*;

#[tokio::test]
async fn docs_serve_swagger_ui_and_its_files_from_the_binary() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap();
    let bare = client.get(app.url("/docs")).send().await.unwrap();
    assert!(bare.status().is_redirection(), "{}", bare.status());
    assert_eq!(bare.headers()["location"], "/docs/");

    let page = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    for part in [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'self' https://web.telegram.org",
    ] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    assert!(
        !policy.contains("unsafe-eval") && !policy.contains("cdn"),
        "{policy}"
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "every file the page loads is ours: {html}"
    );

    for (file, kind, needle) in [
        ("swagger-ui.css", "text/css", ".swagger-ui"),
        ("swagger-ui-bundle.js", "javascript", "SwaggerUIBundle"),
        (
            "swagger-ui-standalone-preset.js",
            "javascript",
            "SwaggerUIStandalonePreset",
        ),
        (
            "swagger-initializer.js",
            "javascript",
            "/api/v1/openapi.json",
        ),
    ] {
        let response = app
            .client
            .get(app.url(&format!("/docs/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{file}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(content_type.contains(kind), "{file}: {content_type}");
        let body = response.text().await.unwrap();
        assert!(body.contains(needle), "{needle} in {file}");
    }
    let initializer = app
        .client
        .get(app.url("/docs/swagger-initializer.js"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        initializer.contains("\"validatorUrl\": \"none\""),
        "no call to an online validator: {initializer}"
    );
}
