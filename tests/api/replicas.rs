//! Two servers on one database, as two replicas behind a load balancer: whatever one does, the
//! other sees at once — sign-ins, sign-outs, tasks, cached list pages — and one keeps serving
//! when the other stops. Nothing a request needs lives in one process alone.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::*;

const SECRET: &str = "a-shared-secret-key-of-more-than-32-characters";

#[tokio::test]
async fn two_replicas_share_sessions_tasks_and_caches_through_the_database() {
    // `a` is the usual test server, `b` a second one on its database.
    let a = spawn_app_with(&[("SECRET_KEY", SECRET)]).await;
    let b = a.another_server(&[("SECRET_KEY", SECRET)]).await;

    let cookie = a.registered("replicated").await;
    let on_a = a.profile_by_cookie(&cookie).await.unwrap();
    let on_b = b
        .profile_by_cookie(&cookie)
        .await
        .expect("signed in on b too");
    assert_eq!(on_b["id"], on_a["id"]);

    let user = TestUser::new(8701);
    let (listed, _) = a.list(&user, "").await;
    assert!(listed.is_empty());
    let id = b.post_task_id(&user, json!({"title": "Made on b"})).await;
    let (listed, _) = a.list(&user, "").await;
    assert_eq!(listed.len(), 1, "a's cached page knows b's change");
    let patched = a.patch_task(&user, id, json!({"status": true})).await;
    assert_eq!(patched.status(), StatusCode::OK);
    assert_eq!(b.get_task(&user, id).await["status"], true);

    b.with_cookie(Method::POST, "/auth/logout", &cookie)
        .header("accept", "application/json")
        .fetch_text()
        .await;
    // Signed out on every replica.
    a.assert_signed_out(&cookie).await;

    let other = a.registered("survivor").await;
    b.stop().await;
    assert!(
        a.profile_by_cookie(&other).await.is_ok(),
        "a serves on alone"
    );
    assert_eq!(
        a.get(&user, &format!("/api/v1/tasks/{id}")).await.status(),
        StatusCode::OK
    );
}
