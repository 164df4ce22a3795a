//! The calendar's quick add (`/api/calendar/quick`): a line without a date of its own is due on
//! the chosen day in the user's time zone, and the answer is that day's month.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

/// UTC+14 all year: the chosen day's 09:00 is the day before in UTC.
const ZONE: &str = "Pacific/Kiritimati";

/// The calendar's answer to adding `text` on `day`.
async fn add_on(app: &TestApp, user: &TestUser, text: &str, day: &str) -> Value {
    app.server_fn(user, "/api/calendar/quick")
        .form(&[("text", text), ("day", day)])
        .fetch_json()
        .await
}

/// The due moments of the user's tasks, by title.
async fn due_by_title(app: &TestApp, user: &TestUser) -> Vec<(String, Value)> {
    let mut due: Vec<(String, Value)> = app
        .list(user, "")
        .await
        .0
        .iter()
        .map(|task| {
            (
                task["title"].as_str().unwrap().to_owned(),
                task["date_time"].clone(),
            )
        })
        .collect();
    due.sort_by(|a, b| a.0.cmp(&b.0));
    due
}

#[tokio::test]
async fn a_line_without_a_date_lands_on_the_chosen_day_in_the_users_zone() {
    let (app, user) = spawn_app_for(9136).await;
    app.set_me(&user, json!({"time_zone": ZONE})).await;

    let month = add_on(&app, &user, "купить хлеб #дом", "2031-05-10").await;
    assert_eq!(month["month"], "2031-05");
    assert_eq!(month["chosen"], "2031-05-10");
    assert_eq!(
        month["days"],
        json!([{"date": "2031-05-10", "total": 1, "done": 0, "overdue": 0}])
    );
    assert_eq!(month["agenda"][0]["task"]["title"], "купить хлеб");
    assert_eq!(month["agenda"][0]["task"]["tags"], json!(["дом"]));

    add_on(&app, &user, "звонок в 18:30", "2031-05-10").await;
    let dated = add_on(&app, &user, "отчёт 2031-05-12", "2031-05-10").await;
    assert_eq!(
        dated["chosen"], "2031-05-10",
        "the answer stays on the chosen day"
    );
    let counts: Vec<(&Value, &Value)> = dated["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| (&day["date"], &day["total"]))
        .collect();
    assert_eq!(
        counts,
        [
            (&json!("2031-05-10"), &json!(2)),
            (&json!("2031-05-12"), &json!(1))
        ]
    );
    assert_eq!(
        due_by_title(&app, &user).await,
        [
            ("звонок".to_owned(), json!("2031-05-10T04:30:00Z")),
            ("купить хлеб".to_owned(), json!("2031-05-09T19:00:00Z")),
            ("отчёт".to_owned(), json!("2031-05-11T19:00:00Z")),
        ],
        "09:00 and 18:30 on the chosen day, 09:00 on the day the line names, all in {ZONE}"
    );

    // No day chosen: today, as the calendar shows it.
    let today = add_on(&app, &user, "полить цветы", "").await;
    assert_eq!(today["chosen"], today["today"], "{today}");
    assert_eq!(
        today["agenda"][0]["task"]["title"], "полить цветы",
        "{today}"
    );
}

#[tokio::test]
async fn the_same_submission_twice_adds_once() {
    let (app, user) = spawn_app_for(9137).await;
    let key = "0123456789abcdef0123456789abcdef";
    for _ in 0..2 {
        let month = app
            .server_fn(&user, "/api/calendar/quick")
            .form(&[("text", "купить хлеб"), ("day", "2031-05-10"), ("key", key)])
            .fetch_json()
            .await;
        assert_eq!(month["days"][0]["total"], 1, "{month}");
    }
    assert_eq!(app.list(&user, "").await.1, 1);
}

#[tokio::test]
async fn a_bad_day_is_refused_and_nothing_is_added() {
    let (app, user) = spawn_app_for(9138).await;
    for day in ["2031-02-30", "10.05.2031", "2031-5-10", "tomorrow"] {
        let refused = app
            .server_fn(&user, "/api/calendar/quick")
            .form(&[("text", "купить хлеб"), ("day", day)])
            .fetch()
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{day}");
        let error: Value = refused.json().await.unwrap();
        assert_eq!(error, json!("validation:day=invalid_date"), "{day}");
    }
    let no_title = app
        .server_fn(&user, "/api/calendar/quick")
        .form(&[("text", "#дом"), ("day", "2031-05-10")])
        .fetch()
        .await;
    assert_eq!(no_title.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.list(&user, "").await.1, 0);

    let anonymous = app
        .request(Method::POST, "/api/calendar/quick")
        .header("accept", "application/json")
        .form(&[("text", "x"), ("day", "2031-05-10")])
        .fetch()
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn without_wasm_the_form_posts_the_line_and_goes_back_to_the_day() {
    let (app, user) = spawn_app_for(9139).await;
    app.set_me(&user, json!({"time_zone": ZONE})).await;
    let page = app.url("/calendar?month=2031-05&day=2031-05-10");
    let post = |day: &'static str| {
        app.browser(Method::POST, "/api/calendar/quick")
            .header("authorization", format!("tma {}", user.init_data()))
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", &page)
            .form(&[
                ("text", "купить хлеб"),
                ("day", day),
                ("key", ""),
                ("literal", ""),
            ])
    };
    let response = post("2031-05-10").fetch().await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(header(&response, "location"), page);
    assert_eq!(
        due_by_title(&app, &user).await,
        [("купить хлеб".to_owned(), json!("2031-05-09T19:00:00Z"))]
    );

    let refused = post("someday").fetch().await;
    assert_eq!(refused.status(), StatusCode::FOUND);
    assert!(header(&refused, "location").starts_with(&page));
    assert_eq!(app.list(&user, "").await.1, 1, "the bad day added nothing");
}

#[tokio::test]
async fn chips_read_a_line_typed_on_the_chosen_day() {
    let (app, user) = spawn_app_for(9140).await;
    let chips = |text: &'static str, day: &'static str| {
        app.server_fn(&user, "/api/tasks/quick/chips")
            .form(&[("text", text), ("day", day)])
            .fetch()
    };
    let due = chips("звонок в 18:30", "2031-05-10").await;
    assert_eq!(due.status(), StatusCode::OK);
    let due: Value = due.json().await.unwrap();
    assert_eq!(
        due["chips"],
        json!([{"part": "due", "text": "10 May 2031, 18:30"}])
    );
    assert_eq!(
        chips("звонок", "May").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
