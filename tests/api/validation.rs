//! Every rule of the task, through the API: 422 naming the field, and nothing stored.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

fn long(n: usize) -> String {
    "я".repeat(n)
}

#[tokio::test]
async fn create_refuses_each_broken_rule() {
    let (app, user) = spawn_app_for(2001).await;
    let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({}), "title", "required"),
        (json!({"title": ""}), "title", "required"),
        (json!({"title": "   \n "}), "title", "required"),
        (json!({"title": long(501)}), "title", "too_long"),
        (
            json!({"title": "x", "description": long(5001)}),
            "description",
            "too_long",
        ),
        (
            json!({"title": "x", "date_time": "tomorrow"}),
            "date_time",
            "invalid_date_time",
        ),
        (
            json!({"title": "x", "date_time": "2026-02-30T10:00:00Z"}),
            "date_time",
            "invalid_date_time",
        ),
        (
            json!({"title": "x", "remind_at": "10:00"}),
            "remind_at",
            "invalid_date_time",
        ),
        (
            json!({"title": "x", "priority": "urgent"}),
            "priority",
            "invalid_priority",
        ),
        (
            json!({"title": "x", "position": -1}),
            "position",
            "out_of_range",
        ),
        (
            json!({"title": "x", "position": 3_000_000_000i64}),
            "position",
            "out_of_range",
        ),
        (
            json!({"title": "x", "category": long(101)}),
            "category",
            "too_long",
        ),
        (
            json!({"title": "x", "tags": eleven}),
            "tags",
            "too_many_tags",
        ),
        (json!({"title": "x", "tags": [""]}), "tags", "tag_length"),
        (json!({"title": "x", "tags": ["  "]}), "tags", "tag_length"),
        (
            json!({"title": "x", "tags": [long(51)]}),
            "tags",
            "tag_length",
        ),
    ];
    for (body, field, code) in cases {
        let response = app.try_post_task(&user, body.clone()).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert_field_errors(response, &[(field, code)]).await;
    }
    assert_eq!(app.list(&user, "").await.1, 0, "no refused task was stored");
}

#[tokio::test]
async fn boundaries_are_accepted() {
    let (app, user) = spawn_app_for(2002).await;
    let ten: Vec<String> = (0..10).map(|i| format!("тег{i}")).collect();
    let task = app
        .post_task(
            &user,
            json!({
                "title": long(500),
                "description": long(5000),
                "category": long(100),
                "tags": ten,
                "position": 2147483647i64,
            }),
        )
        .await;
    assert_eq!(task["title"].as_str().unwrap().chars().count(), 500);
    assert_eq!(task["tags"].as_array().unwrap().len(), 10);
    let dup: Vec<String> = (0..25).map(|i| format!("t{}", i % 5)).collect();
    let deduped = app
        .post_task(&user, json!({"title": "d", "tags": dup}))
        .await;
    assert_eq!(
        deduped["tags"],
        json!(["t0", "t1", "t2", "t3", "t4"]),
        "duplicates are removed before counting"
    );
}

#[tokio::test]
async fn all_errors_are_reported_at_once() {
    let (app, user) = spawn_app_for(2003).await;
    let response = app
        .try_post_task(
            &user,
            json!({"title": "", "priority": "x", "date_time": "y", "tags": [""]}),
        )
        .await;
    assert_field_errors(
        response,
        &[
            ("title", "required"),
            ("priority", "invalid_priority"),
            ("date_time", "invalid_date_time"),
            ("tags", "tag_length"),
        ],
    )
    .await;
}

#[tokio::test]
async fn update_refuses_each_broken_rule_and_changes_nothing() {
    let (app, user) = spawn_app_for(2004).await;
    let task = app
        .post_task(
            &user,
            json!({"title": "keep me", "priority": "low", "tags": ["a"]}),
        )
        .await;
    let id = task["id"].as_i64().unwrap();
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"title": null}), "title", "required"),
        (json!({"title": " "}), "title", "required"),
        (json!({"title": long(501)}), "title", "too_long"),
        (
            json!({"description": long(5001)}),
            "description",
            "too_long",
        ),
        (
            json!({"priority": "critical"}),
            "priority",
            "invalid_priority",
        ),
        (json!({"priority": null}), "priority", "invalid_priority"),
        (json!({"status": null}), "status", "invalid_boolean"),
        (json!({"position": -5}), "position", "out_of_range"),
        (json!({"position": null}), "position", "out_of_range"),
        (
            json!({"date_time": "31.12.2026"}),
            "date_time",
            "invalid_date_time",
        ),
        (json!({"category": long(101)}), "category", "too_long"),
        (
            json!({"tags": (0..11).map(|i| i.to_string()).collect::<Vec<_>>()}),
            "tags",
            "too_many_tags",
        ),
    ];
    for (body, field, code) in cases {
        // A valid field beside the broken one must not be applied either.
        let mut body = body;
        body.as_object_mut()
            .unwrap()
            .entry("category")
            .or_insert(json!("changed"));
        let response = app.put_task(&user, id, body.clone()).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert_field_errors(response, &[(field, code)]).await;
    }
    assert_eq!(app.get_task(&user, id).await, task);
}

#[tokio::test]
async fn list_query_values_are_checked() {
    let (app, user) = spawn_app_for(2005).await;
    let cases = [
        ("?skip=-1", "skip", "out_of_range"),
        ("?skip=abc", "skip", "out_of_range"),
        ("?limit=0", "limit", "out_of_range"),
        ("?limit=501", "limit", "out_of_range"),
        ("?status=maybe", "status", "invalid_boolean"),
        ("?priority=urgent", "priority", "invalid_priority"),
        ("?sort_by=random", "sort_by", "invalid_sort"),
        ("?tag=", "", ""),
    ];
    for (query, field, code) in cases {
        let response = app.get(&user, &format!("/api/v1/tasks{query}")).await;
        if field.is_empty() {
            assert_eq!(
                response.status(),
                StatusCode::OK,
                "a blank value means no filter: {query}"
            );
        } else {
            assert_field_errors(response, &[(field, code)]).await;
        }
    }
    assert_eq!(
        app.get(&user, "/api/v1/tasks?limit=500").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn tags_whose_lower_case_is_longer_still_fit() {
    let (app, user) = spawn_app_for(2006).await;
    let tag = "İ".repeat(50);
    let task = app
        .post_task(&user, json!({"title": "dotted", "tags": [tag.clone()]}))
        .await;
    assert_eq!(task["tags"], json!([tag]));
    assert_eq!(app.titles(&user, &format!("?tag={tag}")).await, ["dotted"]);
    assert!(
        app.titles(&user, &format!("?tag={}", "i".repeat(50)))
            .await
            .is_empty()
    );
}
