//! Filters, sort orders and paging of `GET /api/v1/tasks`.

use serde_json::json;

use crate::helpers::*;

/// A server where user `id` has five tasks to filter and sort.
async fn seeded(id: i64) -> (TestApp, TestUser) {
    let app = spawn_app().await;
    let user = TestUser::new(id);
    let tasks = [
        json!({"title": "Купить молоко", "priority": "high", "category": "Дом", "tags": ["магазин"], "date_time": "2030-01-03T10:00:00Z"}),
        json!({"title": "write report", "description": "Quarterly REPORT for Olga", "priority": "normal", "category": "Work", "tags": ["office", "Q4"], "date_time": "2030-01-01T10:00:00Z"}),
        json!({"title": "Позвонить маме", "description": "Про МОЛОКО тоже", "priority": "low", "category": "Дом", "tags": ["Семья"]}),
        json!({"title": "apple pie 100% tasty_recipe", "priority": "normal", "status": true, "tags": ["кухня", "магазин"], "date_time": "2030-01-02T10:00:00Z"}),
        json!({"title": "Banana", "priority": "high", "category": "Work"}),
    ];
    for task in tasks {
        app.post_task(&user, task).await;
    }
    (app, user)
}

#[tokio::test]
async fn filters() {
    let (app, user) = seeded(3001).await;
    let cases: [(&str, &[&str]); 19] = [
        ("?status=true", &["apple pie 100% tasty_recipe"]),
        (
            "?status=false",
            &["Купить молоко", "write report", "Позвонить маме", "Banana"],
        ),
        ("?priority=high", &["Купить молоко", "Banana"]),
        ("?priority=LOW", &["Позвонить маме"]),
        ("?search=купить", &["Купить молоко"]),
        (
            "?search=%D0%9C%D0%9E%D0%9B%D0%9E%D0%9A%D0%9E",
            &["Купить молоко", "Позвонить маме"],
        ),
        ("?search=report", &["write report"]),
        ("?search=olga", &["write report"]),
        ("?search=100%25", &["apple pie 100% tasty_recipe"]),
        ("?search=y_r", &["apple pie 100% tasty_recipe"]),
        ("?search=0_", &[]),
        // Search reads categories and tags, whatever their case.
        ("?search=дом", &["Купить молоко", "Позвонить маме"]),
        ("?search=%D0%A1%D0%95%D0%9C%D0%AC", &["Позвонить маме"]),
        ("?search=office", &["write report"]),
        ("?category=Дом", &["Купить молоко", "Позвонить маме"]),
        ("?category=work", &[]),
        (
            "?tag=магазин",
            &["Купить молоко", "apple pie 100% tasty_recipe"],
        ),
        ("?tag=q4", &["write report"]),
        (
            "?status=false&priority=high&category=Work&search=ban",
            &["Banana"],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(app.titles(&user, query).await, expected, "{query}");
        assert_eq!(
            app.list(&user, query).await.1,
            expected.len() as u64,
            "total for {query}"
        );
    }
    assert_eq!(
        app.titles(&user, "?tag=семья&search=маме").await,
        ["Позвонить маме"]
    );
}

#[tokio::test]
async fn search_follows_changed_categories_and_tags() {
    let (app, user) = seeded(3003).await;
    let banana = app.post_task_id(&user, json!({"title": "Банан"})).await;
    assert!(app.titles(&user, "?search=фрукты").await.is_empty());
    let response = app
        .patch_task(
            &user,
            banana,
            json!({"category": "Фрукты", "tags": ["Жёлтое"]}),
        )
        .await;
    assert!(response.status().is_success());
    assert_eq!(app.titles(&user, "?search=фрукты").await, ["Банан"]);
    assert_eq!(app.titles(&user, "?search=жёлт").await, ["Банан"]);
    let response = app
        .patch_task(&user, banana, json!({"category": null, "tags": []}))
        .await;
    assert!(response.status().is_success());
    assert!(app.titles(&user, "?search=фрукты").await.is_empty());
    assert!(app.titles(&user, "?search=жёлт").await.is_empty());
    assert_eq!(app.titles(&user, "?search=банан").await, ["Банан"]);
}

#[tokio::test]
async fn sort_orders() {
    let (app, user) = seeded(3002).await;
    let cases: [(&str, &[&str]); 6] = [
        (
            "",
            &[
                "Купить молоко",
                "write report",
                "Позвонить маме",
                "apple pie 100% tasty_recipe",
                "Banana",
            ],
        ),
        (
            "?sort_by=position",
            &[
                "Купить молоко",
                "write report",
                "Позвонить маме",
                "apple pie 100% tasty_recipe",
                "Banana",
            ],
        ),
        (
            "?sort_by=date",
            &[
                "write report",
                "apple pie 100% tasty_recipe",
                "Купить молоко",
                "Позвонить маме",
                "Banana",
            ],
        ),
        (
            "?sort_by=priority",
            &[
                "Купить молоко",
                "Banana",
                "write report",
                "apple pie 100% tasty_recipe",
                "Позвонить маме",
            ],
        ),
        (
            "?sort_by=title",
            &[
                "apple pie 100% tasty_recipe",
                "Banana",
                "write report",
                "Купить молоко",
                "Позвонить маме",
            ],
        ),
        (
            "?sort_by=created",
            &[
                "Banana",
                "apple pie 100% tasty_recipe",
                "Позвонить маме",
                "write report",
                "Купить молоко",
            ],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(app.titles(&user, query).await, expected, "{query}");
    }
}

#[tokio::test]
async fn equal_positions_show_newest_first() {
    let (app, user) = spawn_app_for(3003).await;
    for title in ["first", "second", "third"] {
        app.post_task(&user, json!({"title": title, "position": 0}))
            .await;
    }
    app.post_task(&user, json!({"title": "top", "position": 0}))
        .await;
    app.post_task(&user, json!({"title": "last", "position": 9}))
        .await;
    assert_eq!(
        app.titles(&user, "").await,
        ["top", "third", "second", "first", "last"]
    );
}

#[tokio::test]
async fn paging_with_total_count() {
    let (app, user) = spawn_app_for(3004).await;
    for i in 0..7 {
        app.post_task(&user, json!({"title": format!("t{i}")}))
            .await;
    }
    let (page, total) = app.list(&user, "?limit=3").await;
    assert_eq!((page.len(), total), (3, 7));
    assert_eq!(
        app.titles(&user, "?skip=3&limit=3").await,
        ["t3", "t4", "t5"]
    );
    assert_eq!(app.titles(&user, "?skip=6&limit=3").await, ["t6"]);
    let (empty, total) = app.list(&user, "?skip=100").await;
    assert_eq!((empty.len(), total), (0, 7));
    let (all, _) = app.list(&user, "").await;
    assert_eq!(all.len(), 7, "default limit is 100");
}
