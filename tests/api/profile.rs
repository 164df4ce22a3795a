use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

#[tokio::test]
async fn settings_can_be_read_and_changed() {
    let (app, user) = spawn_app_for(6001).await;
    let me = app.me(&user).await;
    assert_eq!(me["language"], "en");
    assert_eq!(me["reminders_enabled"], true);
    assert_eq!(me["reminder_offset_minutes"], 0);
    assert_eq!(me["digest_time"], Value::Null);
    assert_eq!(me["theme"], "auto");

    let patch = json!({"language": "ru", "time_zone": "America/New_York", "reminders_enabled": false, "reminder_offset_minutes": 30, "digest_time": "08:30", "theme": "dark"});
    let updated = app.set_me(&user, patch).await;
    assert_eq!(updated["language"], "ru");
    assert_eq!(updated["time_zone"], "America/New_York");
    assert_eq!(updated["reminders_enabled"], false);
    assert_eq!(updated["reminder_offset_minutes"], 30);
    assert_eq!(updated["digest_time"], "08:30");
    assert_eq!(updated["theme"], "dark");
    assert_eq!(updated["telegram_id"], 6001);

    let cleared = app.set_me(&user, json!({"digest_time": null})).await;
    assert_eq!(cleared["digest_time"], Value::Null);
    assert_eq!(cleared["language"], "ru");
}

#[tokio::test]
async fn bad_settings_are_refused_and_change_nothing() {
    let (app, user) = spawn_app_for(6002).await;
    let before = app.me(&user).await;
    let response = app
        .patch_me(
            &user,
            json!({"language": "de", "time_zone": "Moscow", "reminder_offset_minutes": 100000, "digest_time": "7:00", "reminders_enabled": null, "theme": "pink"}),
        )
        .await;
    assert_field_errors(
        response,
        &[
            ("language", "invalid_language"),
            ("time_zone", "invalid_time_zone"),
            ("reminder_offset_minutes", "out_of_range"),
            ("digest_time", "invalid_time_of_day"),
            ("reminders_enabled", "invalid_boolean"),
            ("theme", "invalid_theme"),
        ],
    )
    .await;
    let partly_good = app
        .patch_me(
            &user,
            json!({"language": "ru", "time_zone": "Nowhere/City"}),
        )
        .await;
    assert_eq!(partly_good.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let after = app.me(&user).await;
    assert_eq!(after, before);
}
