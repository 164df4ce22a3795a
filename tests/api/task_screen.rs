//! The tasks screen's server functions: the list a screen's query string asks for, grouped as it
//! is shown (overdue first in Today, a heading per day in Upcoming), "move to today", and changes
//! that answer the list again so that one action is one request.

use chrono::{Datelike, Days, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

/// What the tasks screen's list is for `screen` (its query string).
pub async fn screen(app: &TestApp, user: &TestUser, screen: &str) -> Value {
    app.server_fn(user, "/api/tasks/list")
        .form(&[("screen", screen)])
        .fetch_json()
        .await
}

/// The ids of a screen's list, in the order shown.
pub fn screen_ids(list: &Value) -> Vec<Value> {
    tasks_of(list)
        .map(|view| view["task"]["id"].clone())
        .collect()
}

fn tasks_of(list: &Value) -> impl Iterator<Item = &Value> {
    list["groups"]
        .as_array()
        .unwrap_or_else(|| panic!("a screen's list: {list}"))
        .iter()
        .flat_map(|group| group["tasks"].as_array().unwrap())
}

/// Each group's heading and its tasks' due labels.
fn shown(list: &Value) -> Vec<(Value, Vec<String>)> {
    list["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|group| {
            let labels = group["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|view| view["due"]["label"].as_str().unwrap_or("").to_owned())
                .collect();
            (group["heading"].clone(), labels)
        })
        .collect()
}

/// A zone where it is now around noon, so that "later today" and "earlier today" both exist;
/// the offset from UTC in hours, and the user's local now.
async fn around_noon(app: &TestApp, user: &TestUser) -> (i64, NaiveDateTime) {
    let hours_ahead = 12 - i64::from(Utc::now().hour());
    let zone = match hours_ahead {
        h if h >= 0 => format!("Etc/GMT-{h}"),
        h => format!("Etc/GMT+{}", -h),
    };
    app.set_me(user, json!({"time_zone": zone})).await;
    let local_now = Utc::now().naive_utc() + Duration::hours(hours_ahead);
    (hours_ahead, local_now)
}

fn at(day: NaiveDate, time: &str) -> String {
    format!("{day}T{time}")
}

#[tokio::test]
async fn today_shows_the_overdue_first_and_moves_them_in_one_tap() {
    let (app, user) = spawn_app_for(9131).await;
    let (hours_ahead, now) = around_noon(&app, &user).await;
    let today = now.date();
    let yesterday = today - Days::new(1);
    let two_days_ago = today - Days::new(2);
    let tomorrow = today + Days::new(1);
    let post = |title: &str, due: String| {
        app.post_task_id(&user, json!({"title": title, "date_time": due}))
    };
    let evening = post("evening, two days ago", at(two_days_ago, "18:00")).await;
    let morning = app
        .post_task_id(
            &user,
            json!({"title": "morning, yesterday", "date_time": at(yesterday, "08:00"),
                   "remind_at": at(yesterday, "07:30")}),
        )
        .await;
    let tonight = post("tonight", at(today, "20:00")).await;
    post("tomorrow", at(tomorrow, "10:00")).await;
    let done = post("done yesterday", at(yesterday, "09:00")).await;
    let ticked = app.patch_task(&user, done, json!({"status": true})).await;
    assert_eq!(ticked.status(), StatusCode::OK);
    let stranger = TestUser::new(9132);
    let theirs = app
        .post_task_id(
            &stranger,
            json!({"title": "theirs", "date_time": "2020-01-01T10:00"}),
        )
        .await;

    let list = screen(&app, &user, "view=today").await;
    let groups = list["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{list}");
    assert_eq!(groups[0]["heading"], "Overdue");
    assert_eq!(groups[0]["overdue"], true);
    assert_eq!(groups[1]["heading"], "Today");
    assert_eq!(groups[1]["overdue"], false);
    assert_eq!(
        screen_ids(&list),
        [json!(evening), json!(morning), json!(tonight)]
    );
    let labels = &shown(&list);
    assert!(labels[0].1[0].ends_with(", 18:00"), "{labels:?}");
    assert_eq!(labels[0].1[1], "Yesterday, 08:00");
    assert_eq!(labels[1].1, ["Today, 20:00"]);
    assert_eq!(list["manual"], true);
    assert_eq!(list["total"], 3);

    let moved = app
        .server_fn(&user, "/api/tasks/move-to-today")
        .form(&[
            ("ids[0]", evening.to_string()),
            ("ids[1]", morning.to_string()),
            ("ids[2]", done.to_string()),
            ("ids[3]", theirs.to_string()),
            ("screen", "view=today".to_owned()),
        ])
        .fetch_json()
        .await;
    assert_eq!(
        shown(&moved),
        [(
            Value::Null,
            vec![
                "Today, 18:00".to_owned(),
                "Today, 23:59".to_owned(),
                "Today, 20:00".to_owned()
            ]
        )],
        "the time of day is kept while it is ahead, else the end of the day: {moved}"
    );
    let utc = |local: String| {
        let local: NaiveDateTime = format!("{local}:00").parse().unwrap();
        format!(
            "{}Z",
            (local - Duration::hours(hours_ahead)).format("%Y-%m-%dT%H:%M:%S")
        )
    };
    let morning_now = app
        .get_json(&user, &format!("/api/v1/tasks/{morning}"))
        .await;
    assert_eq!(morning_now["date_time"], utc(at(today, "23:59")));
    assert_eq!(
        morning_now["remind_at"],
        utc(at(today, "23:29")),
        "the reminder moves with its task"
    );
    let done_now = app.get_json(&user, &format!("/api/v1/tasks/{done}")).await;
    assert_eq!(
        done_now["date_time"],
        utc(at(yesterday, "09:00")),
        "a done task stays"
    );
    let theirs_now = app
        .get_json(&stranger, &format!("/api/v1/tasks/{theirs}"))
        .await;
    assert_eq!(
        theirs_now["date_time"], "2020-01-01T10:00:00Z",
        "another user's task stays"
    );
}

#[tokio::test]
async fn upcoming_is_a_list_of_days_in_the_users_language() {
    let (app, user) = spawn_app_for(9133).await;
    let (_, now) = around_noon(&app, &user).await;
    let today = now.date();
    let tomorrow = today + Days::new(1);
    let next_year = NaiveDate::from_ymd_opt(today.year() + 1, 1, 15).unwrap();
    let titled = [
        ("nine", at(tomorrow, "09:00")),
        ("eight", at(tomorrow, "08:00")),
        ("next year", at(next_year, "10:00")),
        ("yesterday", at(today - Days::new(1), "10:00")),
    ];
    for (title, due) in &titled {
        app.post_task(&user, json!({"title": title, "date_time": due}))
            .await;
    }

    let list = screen(&app, &user, "view=upcoming").await;
    let shown = shown(&list);
    assert_eq!(shown.len(), 2, "{list}");
    assert!(
        shown[0].0.as_str().unwrap().starts_with("Tomorrow, "),
        "{shown:?}"
    );
    assert_eq!(
        shown[0].1,
        ["08:00", "09:00"],
        "by time, each saying its time"
    );
    assert_eq!(shown[1].0, format!("15 January {}", next_year.format("%Y")));
    assert_eq!(list["manual"], false, "a list of days is not dragged");

    let by_title = screen(&app, &user, "view=upcoming&sort=title").await;
    let groups = by_title["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "another order is one list: {by_title}");
    assert_eq!(groups[0]["heading"], Value::Null);

    app.set_me(&user, json!({"language": "ru"})).await;
    let russian = screen(&app, &user, "view=upcoming").await;
    let heading = russian["groups"][0]["heading"].as_str().unwrap().to_owned();
    assert!(heading.starts_with("Завтра, "), "{heading}");
    let overdue = screen(&app, &user, "view=today").await;
    assert_eq!(overdue["groups"][0]["heading"], "Просрочено");
}

#[tokio::test]
async fn a_tick_answers_the_screens_list() {
    let (app, user) = spawn_app_for(9134).await;
    let ids = app.post_titled(&user, &["first", "second"]).await;
    let answer = app
        .server_fn(&user, "/api/tasks/set-done")
        .form(&[
            ("id", ids[0].to_string().as_str()),
            ("done", "true"),
            ("screen", "view=all"),
        ])
        .fetch_json()
        .await;
    assert_eq!(answer["task"]["status"], true);
    assert_eq!(screen_ids(&answer["list"]).len(), 2, "All keeps done tasks");
    let answer = app
        .server_fn(&user, "/api/tasks/set-done")
        .form(&[
            ("id", ids[1].to_string().as_str()),
            ("done", "true"),
            ("screen", "view=done"),
        ])
        .fetch_json()
        .await;
    let listed = screen_ids(&answer["list"]);
    assert_eq!(listed.len(), 2, "{answer}");
    assert_eq!(
        answer["list"]["labels"],
        json!({"categories": [], "tags": []})
    );
}

#[tokio::test]
async fn a_page_counts_once_against_the_rate_limit() {
    // The app's allowance is four times the API's: 4 calls a minute.
    let app = spawn_app_with(&[("RATE_LIMIT_PER_MINUTE", "1")]).await;
    let cookie = app.registered("pages").await;
    let added = app
        .server_fn_by_cookie("/api/tasks/quick", &cookie)
        .form(&[("text", "water the plants"), ("view", "all")])
        .fetch()
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    // The page reads the profile and the list (with its labels): one request, one count.
    for load in 1..=3 {
        let page = app.with_cookie(Method::GET, "/", &cookie).fetch().await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains("water the plants"), "load {load}: {html}");
    }
}

#[tokio::test]
async fn a_screen_list_reads_only_its_users_tasks() {
    let (app, user) = spawn_app_for(9135).await;
    app.post_task(
        &user,
        json!({"title": "mine", "tags": ["дом"], "category": "work"}),
    )
    .await;
    let stranger = TestUser::new(9136);
    let list = screen(&app, &stranger, "").await;
    assert_eq!(list["groups"], json!([]));
    assert_eq!(list["total"], 0);
    assert_eq!(list["labels"], json!({"categories": [], "tags": []}));
    let mine = screen(&app, &user, "tag=%D0%B4%D0%BE%D0%BC").await;
    assert_eq!(mine["total"], 1);
    assert_eq!(
        mine["labels"],
        json!({"categories": ["work"], "tags": ["дом"]})
    );
    let refused = app
        .server_fn(&user, "/api/tasks/list")
        .form(&[("screen", "priority=urgent")])
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_app_and_the_api_have_their_own_allowances() {
    let app = spawn_app_with(&[("RATE_LIMIT_PER_MINUTE", "2")]).await;
    let user = TestUser::new(9137);
    for _ in 0..2 {
        assert_eq!(
            app.get(&user, "/api/v1/tasks").await.status(),
            StatusCode::OK
        );
    }
    assert_eq!(
        app.get(&user, "/api/v1/tasks").await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    // A fast human in the app: eight calls in the same minute.
    for _ in 0..8 {
        let listed = app
            .server_fn(&user, "/api/tasks/list")
            .form(&[("screen", "")])
            .fetch()
            .await;
        assert_eq!(listed.status(), StatusCode::OK);
    }
    let refused = app
        .server_fn(&user, "/api/tasks/list")
        .form(&[("screen", "")])
        .fetch()
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
}
