//! The server functions the UI calls, over HTTP: same auth, validation and isolation as the API.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;
use crate::task_screen::{screen, screen_ids};

/// The form of a server function that takes no arguments.
const NO_ARGUMENTS: &[(&str, &str)] = &[];

/// What the Calendar page's server function answers `user` for this form.
async fn calendar(app: &TestApp, user: &TestUser, form: &[(&str, &str)]) -> Value {
    app.server_fn(user, "/api/calendar")
        .form(form)
        .fetch_json()
        .await
}

#[tokio::test]
async fn task_actions_work_through_server_functions() {
    let (app, user) = spawn_app_for(9101).await;
    let task = app
        .server_fn(&user, "/api/tasks/create")
        .form(&[
            ("input[title]", "Купить хлеб"),
            ("input[priority]", "high"),
            ("input[tags][0]", "дом"),
        ])
        .fetch_json()
        .await;
    assert_eq!(task["title"], "Купить хлеб");
    assert_eq!(task["priority"], "high");
    assert_eq!(task["tags"], json!(["дом"]));
    let id = task["id"].as_i64().unwrap().to_string();

    let done: Value = app
        .server_fn(&user, "/api/tasks/set-done")
        .form(&[("id", id.as_str()), ("done", "true")])
        .fetch_json()
        .await;
    let done = &done["task"];
    assert_eq!(done["status"], true);
    assert!(done["completed_at"].is_string());

    let patched = app
        .server_fn(&user, "/api/tasks/update")
        .json(&json!({"id": task["id"], "patch": {"description": "с маслом", "tags": null}}))
        .fetch_json()
        .await;
    assert_eq!(patched["description"], "с маслом");
    assert_eq!(patched["tags"], json!([]));

    let listed = screen(&app, &user, "q=%D0%A5%D0%9B%D0%95%D0%91").await;
    assert_eq!(listed["total"], 1);
    assert_eq!(screen_ids(&listed), [task["id"].clone()]);

    let second = app.post_task_id(&user, json!({"title": "second"})).await;
    let reordered = app
        .server_fn(&user, "/api/tasks/reorder")
        .form(&[
            ("ids[0]", second.to_string()),
            ("ids[1]", task["id"].to_string()),
        ])
        .fetch()
        .await;
    assert_eq!(reordered.status(), StatusCode::OK);
    assert_eq!(app.titles(&user, "").await, ["second", "Купить хлеб"]);

    let deleted = app
        .server_fn(&user, "/api/tasks/delete")
        .form(&[("id", &id)])
        .fetch()
        .await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(app.list(&user, "").await.1, 1);

    let profile = app.server_fn(&user, "/api/me").form(NO_ARGUMENTS);
    assert_eq!(profile.fetch_json().await["telegram_id"], 9101);
    let stats = app.server_fn(&user, "/api/stats").form(NO_ARGUMENTS);
    assert_eq!(stats.fetch_json().await["total"], 1);
}

#[tokio::test]
async fn server_functions_refuse_what_the_api_refuses() {
    let (app, user) = spawn_app_for(9102).await;
    let other = TestUser::new(9103);

    let invalid = app
        .server_fn(&user, "/api/tasks/create")
        .form(&[("input[title]", "  "), ("input[priority]", "urgent")])
        .fetch()
        .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // `validation:` and each field's error (app/src/server_fns/wire_error.rs).
    let error: Value = invalid.json().await.unwrap();
    assert_eq!(
        error, "validation:priority=invalid_priority;title=required",
        "{error}"
    );

    let anonymous = app
        .request(Method::POST, "/api/tasks/create")
        .header("accept", "application/json")
        .form(&[("input[title]", "x")])
        .fetch()
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    let id = app
        .post_task_id(&user, json!({"title": "mine"}))
        .await
        .to_string();
    let theirs = app
        .server_fn(&other, "/api/tasks/get")
        .form(&[("id", &id)])
        .fetch()
        .await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    let theirs = app
        .server_fn(&other, "/api/tasks/delete")
        .form(&[("id", &id)])
        .fetch()
        .await;
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.list(&user, "").await.1,
        1,
        "nothing stored, nothing deleted"
    );
}

#[tokio::test]
async fn a_plain_form_post_goes_back_to_its_page() {
    let (app, user) = spawn_app_for(9104).await;
    let page = app.url("/");
    let post_from_page = |accept: &str, title: &str| {
        app.browser(Method::POST, "/api/tasks/create")
            .header("authorization", format!("tma {}", user.init_data()))
            .header("accept", accept)
            .header("referer", &page)
            .form(&[("input[title]", title)])
            .fetch()
    };
    let response = post_from_page(
        "text/html,application/xhtml+xml",
        "added without JavaScript",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = header(&response, "location");
    assert!(location.starts_with(&page), "{location}");
    assert_eq!(app.titles(&user, "").await, ["added without JavaScript"]);

    let refused = post_from_page("text/html", "").await;
    assert_eq!(
        refused.status(),
        StatusCode::FOUND,
        "an error also goes back to the page"
    );
    let location = header(&refused, "location");
    assert!(location.starts_with(&page), "{location}");
    // The typed error rides along for the page to show beside the field (base64 of its JSON,
    // `"validation:`).
    assert!(location.contains("__err=InZhbGlkYXRpb246"), "{location}");
    assert_eq!(app.list(&user, "").await.1, 1);
}

#[tokio::test]
async fn the_task_form_creates_and_replaces_every_field() {
    let (app, user) = spawn_app_for(9105).await;
    let created = app
        .server_fn(&user, "/api/tasks/save")
        .form(&[
            ("task[id]", ""),
            ("task[title]", "Позвонить маме"),
            ("task[description]", "вечером"),
            ("task[due]", "2030-03-01T18:30"),
            ("task[priority]", "high"),
            ("task[category]", "Семья"),
            ("task[tags]", "звонки, Семья , звонки"),
        ])
        .fetch()
        .await;
    assert_eq!(created.status(), StatusCode::OK);
    assert_eq!(
        created.headers()["location"],
        "/",
        "the browser is sent back to the list"
    );
    let task: Value = created.json().await.unwrap();
    assert_eq!(task["tags"], json!(["звонки", "Семья"]));
    assert_eq!(task["category"], "Семья");
    assert_eq!(
        task["date_time"], "2030-03-01T18:30:00Z",
        "wall clock in UTC"
    );
    let id = task["id"].as_i64().unwrap().to_string();

    let replaced: Value = app
        .server_fn(&user, "/api/tasks/save")
        .form(&[
            ("task[id]", id.as_str()),
            ("task[title]", "Позвонить папе"),
            ("task[description]", ""),
            ("task[due]", ""),
            ("task[priority]", "low"),
            ("task[category]", ""),
            ("task[tags]", ""),
        ])
        .fetch_json()
        .await;
    assert_eq!(replaced["title"], "Позвонить папе");
    assert_eq!(replaced["description"], Value::Null);
    assert_eq!(replaced["date_time"], Value::Null);
    assert_eq!(replaced["category"], Value::Null);
    assert_eq!(replaced["tags"], json!([]));
    assert_eq!(replaced["priority"], "low");

    let refused = app
        .server_fn(&user, "/api/tasks/save")
        .form(&[
            ("task[id]", id.as_str()),
            ("task[title]", " "),
            ("task[due]", "later"),
        ])
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = refused.json().await.unwrap();
    assert_eq!(
        error,
        "validation:date_time=invalid_date_time;title=required"
    );
    assert_eq!(
        app.titles(&user, "").await,
        ["Позвонить папе"],
        "nothing changed"
    );

    let stranger = TestUser::new(9106);
    for id in [id.as_str(), "not-a-number"] {
        let theirs = app
            .server_fn(&stranger, "/api/tasks/save")
            .form(&[("task[id]", id), ("task[title]", "mine now")])
            .fetch()
            .await;
        assert_eq!(theirs.status(), StatusCode::NOT_FOUND, "{id}");
    }
    assert_eq!(app.titles(&user, "").await, ["Позвонить папе"]);
}

#[tokio::test]
async fn dragging_within_a_filtered_list_keeps_the_other_tasks_in_place() {
    let (app, user) = spawn_app_for(9107).await;
    let ids = app.post_titled(&user, &["a", "b", "c", "d"]).await;
    app.reorder(&user, json!(ids)).await;
    assert_eq!(app.titles(&user, "").await, ["a", "b", "c", "d"]);
    let moved = app
        .server_fn(&user, "/api/tasks/reorder")
        .form(&[("ids[0]", ids[3]), ("ids[1]", ids[1])])
        .fetch()
        .await;
    assert_eq!(moved.status(), StatusCode::OK);
    assert_eq!(app.titles(&user, "").await, ["a", "d", "c", "b"]);
}

#[tokio::test]
async fn settings_and_calendar_through_server_functions() {
    let (app, user) = spawn_app_for(9108).await;
    // The Settings form as a browser posts it: an unticked box is left out.
    let settings = |time_zone: &str| {
        app.server_fn(&user, "/api/me/settings").form(&[
            ("settings[language]", "ru"),
            ("settings[time_zone]", time_zone),
            ("settings[theme]", "dark"),
            ("settings[reminder_offset_minutes]", "15"),
            ("settings[digest_time]", "08:00"),
        ])
    };
    let saved = settings("Europe/Moscow").fetch().await;
    assert_eq!(saved.status(), StatusCode::OK);
    let me = app.me(&user).await;
    assert_eq!(me["language"], "ru");
    assert_eq!(me["theme"], "dark");
    assert_eq!(me["reminders_enabled"], false, "an unticked box is absent");
    assert_eq!(me["reminder_offset_minutes"], 15);
    assert_eq!(me["digest_time"], "08:00");

    let refused = settings("Mars/Base").fetch().await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let me_after = app.me(&user).await;
    assert_eq!(me_after, me, "a refused form changes nothing");

    app.post_task(
        &user,
        json!({"title": "x", "date_time": "2031-05-10T12:00:00+03:00"}),
    )
    .await;
    let month = calendar(&app, &user, &[("month", "2031-05")]).await;
    assert_eq!(month["month"], "2031-05");
    assert_eq!(
        month["days"],
        json!([{"date": "2031-05-10", "total": 1, "done": 0, "overdue": 0}])
    );
    assert_eq!(
        month["chosen"],
        Value::Null,
        "no day asked, and today is not in May 2031"
    );
    assert_eq!(month["agenda"], json!([]));
    let day = calendar(&app, &user, &[("month", "2031-05"), ("day", "2031-05-10")]).await;
    assert_eq!(day["chosen"], "2031-05-10");
    assert_eq!(day["agenda"][0]["task"]["title"], "x");
    let outside = calendar(&app, &user, &[("month", "2031-05"), ("day", "2031-06-10")]).await;
    assert_eq!(
        outside["chosen"],
        Value::Null,
        "a day outside the month is not listed"
    );
    let current = calendar(&app, &user, &[("month", "")]).await;
    assert_eq!(current["month"].as_str().unwrap().len(), 7);
    assert!(
        current["chosen"]
            .as_str()
            .unwrap()
            .starts_with(current["month"].as_str().unwrap()),
        "the current month lists today: {current}"
    );
    let bad = app
        .server_fn(&user, "/api/calendar")
        .form(&[("month", "May")])
        .fetch()
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_devices_time_zone_is_taken_through_its_server_function() {
    let (app, user) = spawn_app_for(9120).await;
    let profile = app
        .server_fn(&user, "/api/me/time-zone")
        .form(&[("zone", "Asia/Tokyo")])
        .fetch_json()
        .await;
    assert_eq!(profile["time_zone"], "Asia/Tokyo");
    let refused = app
        .server_fn(&user, "/api/me/time-zone")
        .form(&[("zone", "Mars/Base")])
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.me(&user).await["time_zone"], "Asia/Tokyo");
}
