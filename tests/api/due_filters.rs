//! `?due=` filters and the calendar, in the user's time zone.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use reqwest::{StatusCode, header};
use serde_json::json;

use crate::helpers::*;

const ZONE: &str = "Asia/Tokyo";

/// The user's today as UTC moments, after moving the user to Tokyo.
async fn tokyo_user(app: &TestApp, telegram_id: i64) -> (TestUser, DateTime<Utc>, DateTime<Utc>) {
    let user = TestUser::new(telegram_id);
    app.set_me(&user, json!({"time_zone": ZONE})).await;
    let zone: Tz = ZONE.parse().unwrap();
    let today = Utc::now().with_timezone(&zone).date_naive();
    let start = zone
        .from_local_datetime(&today.and_time(NaiveTime::MIN))
        .unwrap()
        .with_timezone(&Utc);
    (user, start, start + Duration::days(1))
}

#[tokio::test]
async fn due_filters_follow_the_users_day() {
    let app = spawn_app().await;
    let (user, start, end) = tokyo_user(&app, 7101).await;
    let now = Utc::now();
    for (title, at, done) in [
        ("last week", Some(start - Duration::days(7)), false),
        ("done last week", Some(start - Duration::days(7)), true),
        ("earlier today", Some(start + (now - start) / 2), false),
        ("later today", Some(now + (end - now) / 2), false),
        ("tomorrow", Some(end + Duration::hours(3)), false),
        ("undated", None, false),
    ] {
        let mut body = json!({"title": title, "status": done});
        if let Some(at) = at {
            body["date_time"] = json!(at.to_rfc3339());
        }
        app.post_task(&user, body).await;
    }
    let titles = |due: &'static str| {
        let (app, user) = (&app, &user);
        async move {
            let mut titles = app.titles(user, &format!("?due={due}&sort_by=title")).await;
            titles.sort();
            titles
        }
    };
    assert_eq!(titles("overdue").await, ["earlier today", "last week"]);
    assert_eq!(titles("today").await, ["earlier today", "later today"]);
    assert_eq!(
        titles("by_today").await,
        [
            "done last week",
            "earlier today",
            "last week",
            "later today"
        ]
    );
    assert_eq!(titles("upcoming").await, ["tomorrow"]);
    assert_eq!(titles("none").await, ["undated"]);
    let tomorrow = (end + Duration::hours(3))
        .with_timezone(&ZONE.parse::<Tz>().unwrap())
        .date_naive();
    assert_eq!(
        app.titles(&user, &format!("?due={tomorrow}")).await,
        ["tomorrow"]
    );
    assert_eq!(
        app.titles(&user, "?due=by_today&status=false&sort_by=title")
            .await,
        ["earlier today", "last week", "later today"]
    );

    let bad = app.get(&user, "/api/v1/tasks?due=someday").await;
    assert_field_errors(bad, &[("due", "invalid_due_filter")]).await;
}

#[tokio::test]
async fn lists_that_move_with_time_have_no_etag() {
    let (app, user) = spawn_app_for(7102).await;
    app.post_task(&user, json!({"title": "a"})).await;
    let moving = app.get(&user, "/api/v1/tasks?due=overdue").await;
    assert_eq!(moving.status(), StatusCode::OK);
    assert!(moving.headers().get(header::ETAG).is_none());
    let fixed = app.get(&user, "/api/v1/tasks?due=none").await;
    assert!(fixed.headers().get(header::ETAG).is_some());
}

#[tokio::test]
async fn the_calendar_counts_tasks_per_local_day() {
    let app = spawn_app().await;
    let (user, start, end) = tokyo_user(&app, 7103).await;
    let zone: Tz = ZONE.parse().unwrap();
    let today = start.with_timezone(&zone).date_naive();
    let yesterday_late = start - Duration::minutes(30);
    for (title, at, done) in [
        ("a", start + Duration::minutes(1), false),
        ("b", end - Duration::minutes(1), true),
        ("late yesterday", yesterday_late, false),
    ] {
        app.post_task(
            &user,
            json!({"title": title, "date_time": at.to_rfc3339(), "status": done}),
        )
        .await;
    }
    let month = today.format("%Y-%m").to_string();
    let days = app
        .get_json(&user, &format!("/api/v1/calendar?month={month}"))
        .await;
    let days = days.as_array().unwrap();
    let day =
        |date: chrono::NaiveDate| days.iter().find(|d| d["date"] == date.to_string()).cloned();
    let today_counts = day(today).expect("today has tasks");
    assert_eq!(today_counts["total"], 2);
    assert_eq!(today_counts["done"], 1);
    let yesterday = yesterday_late.with_timezone(&zone).date_naive();
    if yesterday.format("%Y-%m").to_string() == month {
        let counts = day(yesterday).expect("yesterday has a task");
        assert_eq!(counts["total"], 1);
        assert_eq!(counts["overdue"], 1);
    }
    assert!(days.iter().all(|d| d["total"].as_u64().unwrap() > 0));

    for bad in ["", "2026-13", "soon"] {
        let response = app
            .get(&user, &format!("/api/v1/calendar?month={bad}"))
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let missing = app.get(&user, "/api/v1/calendar").await;
    assert_field_errors(missing, &[("month", "required")]).await;
}
