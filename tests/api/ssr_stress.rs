//! Streamed pages always finish: many renders at once, on one multi-threaded server as in
//! production and on many servers with a current-thread runtime each as in this suite. Slow, so
//! ignored; run with `cargo test -p vectora --test api -- --ignored ssr_stress`
//! (`STRESS_CLIENTS`, `STRESS_ROUNDS` set the load).

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;

use crate::helpers::*;

const PAGES: [&str; 5] = ["/settings", "/", "/tasks", "/stats", "/calendar"];

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Loads every page `rounds` times, one after another; names each load whose body stalled.
async fn load_pages(app: &TestApp, cookie: &str, client: usize, rounds: usize) -> Vec<String> {
    let mut stalls = Vec::new();
    for round in 0..rounds {
        for path in PAGES {
            let response = app
                .browser(Method::GET, path)
                .header("cookie", cookie)
                .fetch()
                .await;
            let body = tokio::time::timeout(Duration::from_secs(8), response.text()).await;
            if !matches!(body, Ok(Ok(_))) {
                stalls.push(format!("client {client}, round {round}: {path}"));
            }
        }
    }
    stalls
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn many_renders_on_one_server_all_finish() {
    let app = Arc::new(spawn_app_with(&[("TELEGRAM_BOT_USERNAME", "VectoraTestBot")]).await);
    let cookie = app.registered("stress_one").await;
    let rounds = setting("STRESS_ROUNDS", 50);
    let clients: Vec<_> = (0..setting("STRESS_CLIENTS", 20))
        .map(|client| {
            let (app, cookie) = (app.clone(), cookie.clone());
            tokio::spawn(async move { load_pages(&app, &cookie, client, rounds).await })
        })
        .collect();
    let mut stalls = Vec::new();
    for client in clients {
        stalls.extend(client.await.unwrap());
    }
    assert!(stalls.is_empty(), "{} stalled: {stalls:#?}", stalls.len());
}

#[test]
#[ignore]
fn many_servers_rendering_at_once_all_finish() {
    let rounds = setting("STRESS_ROUNDS", 40);
    let threads: Vec<_> = (0..setting("STRESS_CLIENTS", 8))
        .map(|client| {
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    let app = spawn_app().await;
                    let cookie = app.registered(&format!("stress_{client}")).await;
                    load_pages(&app, &cookie, client, rounds).await
                })
            })
        })
        .collect();
    let stalls: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert!(stalls.is_empty(), "{} stalled: {stalls:#?}", stalls.len());
}
