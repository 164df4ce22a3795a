//! Undoing a delete: a deleted task is kept for a few minutes, and restoring it (REST or the
//! server function) brings it back exactly, under its id, with its tags and its reminder; only
//! its owner can, once, and not after the keeping time.

use chrono::{Duration, SubsecRound, Utc};
use reqwest::{Method, Response, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{Database, DatabaseConnection, EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use app::server::deleted_tasks::KEPT_FOR;
use app::server::entity::deleted_task;
use app::server::entity::reminder::State;
use app::server::reminders;

use crate::helpers::*;

async fn database(app: &TestApp) -> DatabaseConnection {
    Database::connect(&app.db.url).await.unwrap()
}

async fn restore(app: &TestApp, user: &TestUser, id: i64) -> Response {
    app.as_user(user, Method::POST, &format!("/api/v1/tasks/{id}/restore"))
        .fetch()
        .await
}

async fn delete(app: &TestApp, user: &TestUser, id: i64) {
    let response = app.delete(user, &format!("/api/v1/tasks/{id}")).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

/// A task with every field set, due tomorrow with a reminder before.
fn full_task() -> Value {
    let due = (Utc::now() + Duration::days(1)).trunc_subsecs(0);
    json!({
        "title": "Отчёт за квартал", "description": "с графиками",
        "date_time": due.to_rfc3339(), "remind_at": (due - Duration::hours(2)).to_rfc3339(),
        "priority": "high", "position": 7, "category": "Работа", "tags": ["отчёты", "Q4"],
    })
}

#[tokio::test]
async fn a_restored_task_is_the_task_that_was_deleted() {
    let (app, user) = spawn_app_for(9801).await;
    let id = app.post_task_id(&user, full_task()).await;
    let before = app.get_task(&user, id).await;
    let db = database(&app).await;
    let planned = reminders::find(&db, id).await.unwrap().unwrap().planned_at;

    delete(&app, &user, id).await;
    let at = format!("/api/v1/tasks/{id}");
    assert_eq!(app.get(&user, &at).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.list(&user, "").await.1,
        0,
        "the list (now cached) is empty"
    );
    assert!(reminders::find(&db, id).await.unwrap().is_none());

    let restored = restore(&app, &user, id).await;
    assert_eq!(restored.status(), StatusCode::OK);
    assert_eq!(restored.json::<Value>().await.unwrap(), before);
    assert_eq!(app.get_task(&user, id).await, before, "under its own id");
    let listed = [before];
    assert_eq!(app.list(&user, "").await.0, listed);
    assert_eq!(
        app.list(&user, "?tag=q4").await.0,
        listed,
        "its tags filter"
    );
    let tags = app.get_json(&user, "/api/v1/tasks/metadata/tags").await;
    assert_eq!(tags, json!(["Q4", "отчёты"]));
    let reminder = reminders::find(&db, id).await.unwrap().unwrap();
    assert_eq!(
        (reminder.state, reminder.planned_at),
        (State::Pending, planned)
    );
    assert_eq!(deleted_task::Entity::find().count(&db).await.unwrap(), 0);
    db.close().await.ok();
}

#[tokio::test]
async fn the_server_function_restores_a_done_task_as_it_was() {
    let (app, user) = spawn_app_for(9802).await;
    let id = app
        .post_task_id(
            &user,
            json!({"title": "Сделано", "status": true, "tags": ["дом"]}),
        )
        .await;
    let before = app.get_task(&user, id).await;
    let form = [("id", id.to_string())];
    let deleted = app
        .server_fn(&user, "/api/tasks/delete")
        .form(&form)
        .fetch()
        .await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(app.list(&user, "").await.1, 0);

    let restored = app
        .server_fn(&user, "/api/tasks/restore")
        .form(&form)
        .fetch_json()
        .await;
    assert_eq!(restored, before);
    assert_eq!(app.get_task(&user, id).await, before);
    let again = app
        .server_fn(&user, "/api/tasks/restore")
        .form(&form)
        .fetch()
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn another_users_deleted_task_is_not_found_and_stays_theirs() {
    let (app, owner) = spawn_app_for(9803).await;
    let other = TestUser::new(9804);
    let id = app.post_task_id(&owner, full_task()).await;
    let before = app.get_task(&owner, id).await;
    delete(&app, &owner, id).await;

    assert_eq!(
        restore(&app, &other, id).await.status(),
        StatusCode::NOT_FOUND
    );
    let theirs = app
        .server_fn(&other, "/api/tasks/restore")
        .form(&[("id", id.to_string())])
        .fetch()
        .await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.list(&other, "").await.1, 0);
    assert_eq!(app.list(&owner, "").await.1, 0, "still deleted");

    assert_eq!(restore(&app, &owner, id).await.status(), StatusCode::OK);
    assert_eq!(app.get_task(&owner, id).await, before);
}

#[tokio::test]
async fn a_task_is_restored_once_and_unknown_ids_are_not_found() {
    let (app, user) = spawn_app_for(9805).await;
    let id = app.post_task_id(&user, json!({"title": "once"})).await;
    delete(&app, &user, id).await;
    assert_eq!(restore(&app, &user, id).await.status(), StatusCode::OK);
    assert_eq!(
        restore(&app, &user, id).await.status(),
        StatusCode::NOT_FOUND,
        "restored already"
    );
    let live = app
        .post_task_id(&user, json!({"title": "never deleted"}))
        .await;
    for unknown in [live, 999_999] {
        assert_eq!(
            restore(&app, &user, unknown).await.status(),
            StatusCode::NOT_FOUND,
            "{unknown}"
        );
    }
    let not_a_number = app
        .as_user(&user, Method::POST, "/api/v1/tasks/abc/restore")
        .fetch()
        .await;
    assert_eq!(not_a_number.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.titles(&user, "").await.len(), 2);
}

#[tokio::test]
async fn a_task_deleted_too_long_ago_is_refused_then_forgotten() {
    let (app, user) = spawn_app_for(9806).await;
    let [old, recent] = app.post_titled(&user, &["old", "recent"]).await[..] else {
        unreachable!()
    };
    delete(&app, &user, old).await;
    let db = database(&app).await;
    deleted_task::Entity::update_many()
        .col_expr(
            deleted_task::Column::DeletedAt,
            Expr::value(Utc::now() - KEPT_FOR - Duration::seconds(1)),
        )
        .exec(&db)
        .await
        .unwrap();

    let refused = app
        .as_user(&user, Method::POST, &format!("/api/v1/tasks/{old}/restore"))
        .header("accept-language", "ru")
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::GONE);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(
        body["detail"],
        "Слишком поздно: удалённую задачу можно восстановить лишь в течение нескольких минут."
    );
    let by_server_fn = app
        .server_fn(&user, "/api/tasks/restore")
        .form(&[("id", old.to_string())])
        .fetch()
        .await;
    assert_eq!(by_server_fn.status(), StatusCode::GONE);
    assert_eq!(app.titles(&user, "").await, ["recent"]);

    // The next delete forgets it, and keeps the new one.
    delete(&app, &user, recent).await;
    let kept: Vec<i64> = deleted_task::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.task_id)
        .collect();
    assert_eq!(kept, [recent]);
    assert_eq!(
        restore(&app, &user, old).await.status(),
        StatusCode::NOT_FOUND
    );
    db.close().await.ok();
}

#[tokio::test]
async fn tasks_created_after_a_restore_get_new_ids() {
    let (app, user) = spawn_app_for(9807).await;
    let ids = app.post_titled(&user, &["first", "last"]).await;
    let last = ids[1];
    delete(&app, &user, last).await;
    assert_eq!(restore(&app, &user, last).await.status(), StatusCode::OK);
    let next = app.post_task_id(&user, json!({"title": "next"})).await;
    assert!(next > last, "{next} after {last}");
    let more = app.post_task_id(&user, json!({"title": "more"})).await;
    assert!(more > next);
    assert_eq!(app.list(&user, "").await.1, 4);
}
