//! Two servers on one database, as two replicas behind a load balancer: whatever one does, the
//! other sees at once — sign-ins, sign-outs, tasks, cached list pages — and one keeps serving
//! when the other stops. Nothing a request needs lives in one process alone.

use std::collections::HashMap;
use std::net::SocketAddr;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::sync::oneshot;
use vectora::Config;
use vectora::server::Application;

use crate::helpers::*;

const SECRET: &str = "a-shared-secret-key-of-more-than-32-characters";

struct Replica {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    stopped: tokio::task::JoinHandle<std::io::Result<()>>,
}

async fn replica(url: &str) -> Replica {
    let env: HashMap<&str, &str> = HashMap::from([
        ("DATABASE_URL", url),
        ("TELEGRAM_BOT_TOKEN", BOT_TOKEN),
        ("BOT_MODE", "off"),
        ("SECRET_KEY", SECRET),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0"),
        ("RATE_LIMIT_PER_MINUTE", "1000000"),
        ("SIGN_IN_RATE_LIMIT_PER_MINUTE", "1000000"),
    ]);
    let config = Config::from_lookup(|name| env.get(name).map(|v| v.to_string())).unwrap();
    let application = Application::build(config).await.unwrap();
    let addr = application.local_addr();
    let (stop, stopped) = oneshot::channel::<()>();
    let stopped = tokio::spawn(application.run_until(async {
        stopped.await.ok();
    }));
    Replica {
        addr,
        stop: Some(stop),
        stopped,
    }
}

/// The same request to another replica: a `TestApp` view of it on the shared database.
fn view(app: &TestApp, replica: &Replica) -> TestApp {
    TestApp {
        addr: replica.addr,
        client: reqwest::Client::new(),
        db: TestDb::borrowed(&app.db.url),
        scheduler: None,
    }
}

#[tokio::test]
async fn two_replicas_share_sessions_tasks_and_caches_through_the_database() {
    // `a` is the usual test server, `b` a second one on its database.
    let a = spawn_app_with(&[("SECRET_KEY", SECRET)]).await;
    let mut second = replica(&a.db.url).await;
    let b = view(&a, &second);

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
    let patched = a
        .send_json(
            &user,
            Method::PATCH,
            &format!("/api/v1/tasks/{id}"),
            json!({"status": true}),
        )
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let task: Value = b
        .get(&user, &format!("/api/v1/tasks/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(task["status"], true);

    let logout = b
        .with_cookie(Method::POST, "/auth/logout", &cookie)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert!(logout.status().is_success());
    assert_eq!(
        a.profile_by_cookie(&cookie).await.unwrap_err(),
        StatusCode::UNAUTHORIZED,
        "signed out on every replica"
    );

    let other = a.registered("survivor").await;
    second.stop.take().unwrap().send(()).unwrap();
    second.stopped.await.unwrap().unwrap();
    assert!(
        a.profile_by_cookie(&other).await.is_ok(),
        "a serves on alone"
    );
    assert_eq!(
        a.get(&user, &format!("/api/v1/tasks/{id}")).await.status(),
        StatusCode::OK
    );
}
