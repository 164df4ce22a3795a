//! One-time sign-in links: single use, ten minutes, unknown/used/expired told apart on a page.

use app::server::entity::login_link;
use reqwest::{Method, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::browser::*;
use crate::helpers::*;

fn token_of(link: &str) -> &str {
    link.rsplit('/').next().unwrap()
}

#[tokio::test]
async fn a_link_signs_in_once() {
    let app = spawn_app().await;
    let id = app.account_id(&TestUser::new(6201)).await;
    let link = app.issue_link(id).await;
    assert!(
        link.starts_with(&format!("{}/auth/link/", app.origin())),
        "{link}"
    );
    assert_eq!(token_of(&link).len(), 64);

    let first = no_redirects().get(&link).fetch().await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(first.headers()["location"], "/");
    let cookie = session_cookie(first.headers());
    assert_eq!(app.profile_by_cookie(&cookie).await.unwrap()["id"], id);

    let again = no_redirects()
        .get(&link)
        .header("accept-language", "ru")
        .fetch()
        .await;
    assert_eq!(again.status(), StatusCode::GONE);
    assert!(again.headers().get("set-cookie").is_none());
    let page = again.text().await.unwrap();
    assert!(
        page.contains("уже вошли") && page.contains("already used"),
        "{page}"
    );
    assert!(page.starts_with("<!DOCTYPE html>"));
}

#[tokio::test]
async fn only_one_of_two_simultaneous_redemptions_wins() {
    let app = spawn_app().await;
    let id = app.account_id(&TestUser::new(6202)).await;
    for _ in 0..3 {
        let link = app.issue_link(id).await;
        let client = no_redirects();
        let (a, b) = tokio::join!(client.get(&link).send(), client.get(&link).send());
        let mut statuses = [a.unwrap().status(), b.unwrap().status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::GONE]);
    }
}

#[tokio::test]
async fn unknown_tampered_and_expired_links_are_refused() {
    let app = spawn_app().await;
    let id = app.account_id(&TestUser::new(6203)).await;
    let link = app.issue_link(id).await;
    let token = token_of(&link).to_owned();
    let mut tampered = token.clone();
    let last = if tampered.ends_with('0') { "1" } else { "0" };
    tampered.replace_range(63.., last);
    for (case, path) in [
        ("tampered", format!("/auth/link/{tampered}")),
        ("not a token", "/auth/link/hello".to_owned()),
        ("unknown", format!("/auth/link/{}", "b".repeat(64))),
    ] {
        let response = app.browser(Method::GET, &path).fetch().await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{case}");
        assert!(response.headers().get("set-cookie").is_none());
        assert!(
            response.text().await.unwrap().contains("not valid"),
            "{case}"
        );
    }

    let db = app::server::db::connect(&app.db.url).await.unwrap();
    login_link::Entity::update_many()
        .col_expr(
            login_link::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)),
        )
        .filter(login_link::Column::UserId.eq(id))
        .exec(&db)
        .await
        .unwrap();
    let expired = no_redirects().get(&link).fetch().await;
    assert_eq!(expired.status(), StatusCode::GONE);
    assert!(expired.text().await.unwrap().contains("expired"));
}

#[tokio::test]
async fn links_expire_ten_minutes_after_they_are_issued() {
    let app = spawn_app().await;
    let id = app.account_id(&TestUser::new(6204)).await;
    app.issue_link(id).await;
    let db = app::server::db::connect(&app.db.url).await.unwrap();
    let row = login_link::Entity::find()
        .filter(login_link::Column::UserId.eq(id))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.expires_at - row.created_at).num_minutes(), 10);
    assert_eq!(row.token_hash.len(), 64, "only the hash is stored");
}
