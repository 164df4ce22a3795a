//! `/metrics`: Prometheus text with requests by route pattern and status, latency buckets and the
//! database pool; raw paths (ids, tokens) never become labels.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

/// The value of the series whose line starts with `name{` and carries every label in `labels`.
fn value(text: &str, name: &str, labels: &[&str]) -> f64 {
    text.lines()
        .filter(|line| line.starts_with(&format!("{name}{{")))
        .filter(|line| labels.iter().all(|label| line.contains(label)))
        .map(|line| line.rsplit(' ').next().unwrap().parse::<f64>().unwrap())
        .sum()
}

#[tokio::test]
async fn requests_are_counted_by_route_pattern_and_status() {
    let (app, user) = spawn_app_for(8801).await;
    let id = app.post_task_id(&user, json!({"title": "Counted"})).await;
    let before = app.metrics().await;
    let task_route = [
        r#"route="/api/v1/tasks/{id}""#,
        r#"method="GET""#,
        r#"status="200""#,
    ];
    let missing = [r#"route="/api/v1/tasks/{id}""#, r#"status="404""#];

    for _ in 0..3 {
        assert_eq!(
            app.get(&user, &format!("/api/v1/tasks/{id}"))
                .await
                .status(),
            StatusCode::OK
        );
    }
    assert_eq!(
        app.get(&user, "/api/v1/tasks/999999").await.status(),
        StatusCode::NOT_FOUND
    );

    let after = app.metrics().await;
    assert!(
        value(&after, "http_requests_total", &task_route)
            >= value(&before, "http_requests_total", &task_route) + 3.0
    );
    assert!(
        value(&after, "http_requests_total", &missing)
            >= value(&before, "http_requests_total", &missing) + 1.0
    );
    assert!(
        after.contains(r#"http_request_duration_seconds_bucket{method="GET",route="/api/v1/tasks/{id}",le="0.1"}"#),
        "latency histogram with buckets"
    );
    assert!(
        !after.contains(&format!("/api/v1/tasks/{id}\"")),
        "no raw paths as labels"
    );
    let pool = after
        .lines()
        .find_map(|line| line.strip_prefix("db_pool_connections "))
        .expect("the pool's size")
        .parse::<f64>()
        .unwrap();
    assert!(pool >= 1.0, "{pool}");
}

#[tokio::test]
async fn static_files_and_unknown_paths_share_one_series() {
    let app = spawn_app().await;
    let token = "0123456789abcdef".repeat(4);
    for path in [format!("/auth/link/{token}"), "/no/such/page/qzxwv".into()] {
        app.request(Method::GET, &path).fetch().await;
    }
    let text = app.metrics().await;
    assert!(
        !text.contains(&token),
        "a sign-in token never reaches the metrics"
    );
    assert!(!text.contains("qzxwv"));
    assert!(text.contains(r#"route="/auth/link/{token}""#), "{text}");
    assert!(text.contains(r#"route="fallback""#));
}

#[tokio::test]
async fn made_up_methods_share_one_series() {
    let app = spawn_app().await;
    let other = [r#"method="other""#, r#"route="/health""#];
    let before = app.metrics().await;

    let made_up = Method::from_bytes(b"FOOBAR").unwrap();
    app.request(made_up, "/health").fetch().await;

    let after = app.metrics().await;
    assert!(
        !after.contains(r#"method="FOOBAR""#),
        "a client's method token never becomes a label"
    );
    assert!(
        value(&after, "http_requests_total", &other)
            >= value(&before, "http_requests_total", &other) + 1.0,
        "{after}"
    );
}
