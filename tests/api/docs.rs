//! Swagger UI at `/docs`, served from the binary with its own content security policy.

use reqwest::{Method, StatusCode};

use crate::helpers::*;

#[tokio::test]
async fn docs_serve_swagger_ui_and_its_files_from_the_binary() {
    let app = spawn_app().await;
    let bare = app.browser(Method::GET, "/docs").fetch().await;
    assert!(bare.status().is_redirection(), "{}", bare.status());
    assert_eq!(bare.headers()["location"], "/docs/");

    let page = app.request(Method::GET, "/docs/").fetch().await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_starts_with(header(&page, "content-type"), "text/html");
    let policy = header(&page, "content-security-policy").to_owned();
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
            .request(Method::GET, &format!("/docs/{file}"))
            .fetch()
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{file}");
        let content_type = header(&response, "content-type").to_owned();
        assert!(content_type.contains(kind), "{file}: {content_type}");
        let body = response.text().await.unwrap();
        assert!(body.contains(needle), "{needle} in {file}");
    }
    let initializer = app
        .request(Method::GET, "/docs/swagger-initializer.js")
        .fetch_text()
        .await;
    assert!(
        initializer.contains("\"validatorUrl\": \"none\""),
        "no call to an online validator: {initializer}"
    );
}
