use chrono::{Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::json;

use crate::helpers::*;

fn rfc3339(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339()
}

#[tokio::test]
async fn stats_count_in_the_users_time_zone() {
    let (app, user) = spawn_app_for(7001).await;
    let empty = app.get_json(&user, "/api/v1/stats").await;
    assert_eq!(empty["total"], 0);
    assert_eq!(empty["completion_rate"], 0.0);

    app.set_me(&user, json!({"time_zone": "Asia/Tokyo"})).await;
    let zone: Tz = "Asia/Tokyo".parse().unwrap();
    let now = Utc::now();
    let today = now.with_timezone(&zone).date_naive();
    let start = zone
        .from_local_datetime(&today.and_time(NaiveTime::MIN))
        .unwrap()
        .with_timezone(&Utc);
    let end = start + Duration::days(1);
    let earlier_today = start + (now - start) / 2;
    let later_today = now + (end - now) / 2;

    for body in [
        json!({"title": "overdue yesterday", "date_time": rfc3339(start - Duration::hours(2)), "priority": "high"}),
        json!({"title": "earlier today", "date_time": rfc3339(earlier_today)}),
        json!({"title": "later today", "date_time": rfc3339(later_today), "priority": "low"}),
        json!({"title": "tomorrow", "date_time": rfc3339(end + Duration::hours(1))}),
        json!({"title": "undated", "priority": "high"}),
        json!({"title": "done overdue", "date_time": rfc3339(start - Duration::hours(5)), "status": true}),
        json!({"title": "done today", "date_time": rfc3339(later_today), "status": true, "priority": "low"}),
    ] {
        app.post_task(&user, body).await;
    }
    let stats = app.get_json(&user, "/api/v1/stats").await;
    assert_eq!(stats["total"], 7);
    assert_eq!(stats["done"], 2);
    assert_eq!(stats["active"], 5);
    assert_eq!(stats["completion_rate"], 28.6);
    assert_eq!(stats["overdue"], 2, "{stats}");
    assert_eq!(stats["due_today"], 2, "{stats}");
    assert_eq!(
        stats["by_priority"],
        json!({"low": 1, "normal": 2, "high": 2})
    );
}

#[tokio::test]
async fn stats_count_completions_per_local_day_for_two_weeks() {
    let (app, user) = spawn_app_for(7002).await;
    for title in ["one", "two", "three"] {
        app.post_task(&user, json!({"title": title, "status": true}))
            .await;
    }
    app.post_task(&user, json!({"title": "open"})).await;
    let stats = app.get_json(&user, "/api/v1/stats").await;
    let days = stats["completed_by_day"].as_array().unwrap();
    assert_eq!(days.len(), 14);
    let today = Utc::now().date_naive();
    assert_eq!(days[13]["date"], today.to_string());
    assert_eq!(days[13]["count"], 3);
    assert_eq!(days[0]["date"], (today - Duration::days(13)).to_string());
    assert!(days[..13].iter().all(|d| d["count"] == 0));
}
