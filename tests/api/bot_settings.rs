//! `/settings` in the bot: the values with buttons, each button saving through the same service
//! as `PATCH /api/v1/me` and redrawing the message, exact values by command with the model's
//! errors; in both languages.

use serde_json::Value;

use crate::fake_telegram::*;
use crate::helpers::*;

fn buttons(rows: &[&[(&str, &str)]]) -> Vec<Vec<(String, String)>> {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|(label, data)| (label.to_string(), data.to_string()))
                .collect()
        })
        .collect()
}

async fn me(app: &TestApp, chatter: &Chatter) -> Value {
    app.me(&chatter.api_user()).await
}

#[tokio::test]
async fn settings_show_the_values_and_buttons_in_the_users_language() {
    let (_app, telegram) = spawn_with_bot().await;
    let app_settings = format!("{PUBLIC_URL}/settings");
    for (chatter, lines, keyboard) in [
        (
            Chatter::new(8701, "en"),
            [
                "⚙️ Settings",
                "🔔 Reminders: on",
                "⏰ Remind: at the due time",
                "📰 Daily digest: off",
                "🌍 Time zone: UTC",
                "🗣 Language: English",
                "/settings tz Europe/Berlin — time zone",
            ],
            buttons(&[
                &[("🔕 Turn reminders off", "set:rem:off")],
                &[
                    ("✓ ⏰ On time", "set:offset:0"),
                    ("10 min", "set:offset:10"),
                    ("30 min", "set:offset:30"),
                    ("1 h", "set:offset:60"),
                    ("1 day", "set:offset:1440"),
                ],
                &[
                    ("✓ 📰 No digest", "set:digest:off"),
                    ("08:00", "set:digest:480"),
                    ("09:00", "set:digest:540"),
                    ("20:00", "set:digest:1200"),
                ],
                &[("Русский", "set:lang:ru"), ("✓ English", "set:lang:en")],
                &[("⚙️ All settings in the app", &app_settings)],
            ]),
        ),
        (
            Chatter::new(8702, "ru"),
            [
                "⚙️ Настройки",
                "🔔 Напоминания: включены",
                "⏰ Напоминать: в момент срока",
                "📰 Ежедневная сводка: выключена",
                "🌍 Часовой пояс: UTC",
                "🗣 Язык: Русский",
                "/settings tz Europe/Moscow — часовой пояс",
            ],
            buttons(&[
                &[("🔕 Выключить напоминания", "set:rem:off")],
                &[
                    ("✓ ⏰ В срок", "set:offset:0"),
                    ("10 мин", "set:offset:10"),
                    ("30 мин", "set:offset:30"),
                    ("1 ч", "set:offset:60"),
                    ("1 день", "set:offset:1440"),
                ],
                &[
                    ("✓ 📰 Без сводки", "set:digest:off"),
                    ("08:00", "set:digest:480"),
                    ("09:00", "set:digest:540"),
                    ("20:00", "set:digest:1200"),
                ],
                &[("✓ Русский", "set:lang:ru"), ("English", "set:lang:en")],
                &[("⚙️ Все настройки в приложении", &app_settings)],
            ]),
        ),
    ] {
        telegram.send_text(&chatter, "/settings");
        let reply = telegram.reply(&chatter, 1).await;
        for line in lines {
            assert!(reply.text().contains(line), "{line} in {}", reply.text());
        }
        assert_eq!(reply.buttons(), keyboard);
        let web_app = &reply.body["reply_markup"]["inline_keyboard"][4][0]["web_app"];
        assert_eq!(web_app["url"], app_settings, "opens the Mini App's screen");
    }
}

#[tokio::test]
async fn each_button_saves_through_the_profile_and_redraws_the_message() {
    let (app, telegram) = spawn_with_bot().await;
    for (id, lang, saved, reminders_off, offset, digest, other, other_saved, other_head) in [
        (
            8703,
            "en",
            "✅ Saved",
            "🔔 Reminders: off",
            "⏰ Remind: 30 min before",
            "📰 Daily digest: at 20:00",
            "ru",
            "✅ Сохранено",
            "⚙️ Настройки",
        ),
        (
            8704,
            "ru",
            "✅ Сохранено",
            "🔔 Напоминания: выключены",
            "⏰ Напоминать: за 30 мин",
            "📰 Ежедневная сводка: в 20:00",
            "en",
            "✅ Saved",
            "⚙️ Settings",
        ),
    ] {
        let chatter = Chatter::new(id, lang);
        telegram.send_text(&chatter, "/settings");
        let shown = telegram.reply(&chatter, 1).await;
        let message = shown.message(None);
        let mut edits = 0;
        let mut press = |data: &str| {
            edits += 1;
            (telegram.press(&chatter, &message, data), edits)
        };

        let (pressed, n) = press("set:rem:off");
        assert_eq!(telegram.answer_to(&pressed).await.body["text"], saved);
        let edited = telegram.nth_to("editMessageText", &chatter, n).await;
        assert_eq!(edited.body["message_id"], shown.result["message_id"]);
        assert!(edited.text().contains(reminders_off), "{}", edited.text());
        assert_eq!(edited.buttons()[0][0].1, "set:rem:on");
        assert_eq!(me(&app, &chatter).await["reminders_enabled"], false);

        let (pressed, n) = press("set:offset:30");
        telegram.answer_to(&pressed).await;
        let edited = telegram.nth_to("editMessageText", &chatter, n).await;
        assert!(edited.text().contains(offset), "{}", edited.text());
        assert!(edited.buttons()[1][2].0.starts_with("✓ "));
        assert_eq!(me(&app, &chatter).await["reminder_offset_minutes"], 30);

        let (pressed, n) = press("set:digest:1200");
        telegram.answer_to(&pressed).await;
        let edited = telegram.nth_to("editMessageText", &chatter, n).await;
        assert!(edited.text().contains(digest), "{}", edited.text());
        assert_eq!(edited.buttons()[2][3].0, "✓ 20:00");
        assert_eq!(me(&app, &chatter).await["digest_time"], "20:00");

        let (pressed, n) = press("set:digest:off");
        telegram.answer_to(&pressed).await;
        telegram.nth_to("editMessageText", &chatter, n).await;
        assert_eq!(me(&app, &chatter).await["digest_time"], Value::Null);

        let (pressed, n) = press("set:rem:on");
        telegram.answer_to(&pressed).await;
        telegram.nth_to("editMessageText", &chatter, n).await;
        assert_eq!(me(&app, &chatter).await["reminders_enabled"], true);

        // The language: the message and the notice are redrawn in the new one.
        let (pressed, n) = press(&format!("set:lang:{other}"));
        assert_eq!(telegram.answer_to(&pressed).await.body["text"], other_saved);
        let edited = telegram.nth_to("editMessageText", &chatter, n).await;
        assert_starts_with(edited.text(), other_head);
        let profile = me(&app, &chatter).await;
        assert_eq!(profile["language"], other);
        assert_eq!(profile["reminder_offset_minutes"], 30, "the rest stays");
        assert_eq!(profile["time_zone"], "UTC");
    }
}

#[tokio::test]
async fn commands_set_exact_values_and_bad_ones_get_the_models_reason() {
    let (app, telegram) = spawn_with_bot().await;
    for (id, lang, saved, lead, zone_error, digest_error, offset_error) in [
        (
            8705,
            "en",
            "✅ Saved",
            "Could not change the settings:",
            "• time zone: Use an IANA time zone name such as Europe/Moscow.",
            "• digest time: Use a time of day as HH:MM.",
            "• remind before: Must be a whole number from 0 to 10080.",
        ),
        (
            8706,
            "ru",
            "✅ Сохранено",
            "Не получилось изменить настройки:",
            "• часовой пояс: Укажите часовой пояс IANA, например Europe/Moscow.",
            "• время сводки: Укажите время в виде ЧЧ:ММ.",
            "• напоминать заранее: Нужно целое число от 0 до 10080.",
        ),
    ] {
        let chatter = Chatter::new(id, lang);
        let mut replies = 0;
        let mut say = |text: &str| {
            telegram.send_text(&chatter, text);
            replies += 1;
            replies
        };

        let n = say("/settings tz Europe/Berlin");
        let reply = telegram.reply(&chatter, n).await;
        assert_starts_with(reply.text(), saved);
        assert!(reply.text().contains("Europe/Berlin"), "{}", reply.text());
        assert_eq!(reply.buttons().len(), 5, "the settings again, with buttons");
        let n = say("/settings tz Mars/Olympus");
        let refused = telegram.reply(&chatter, n).await;
        assert_eq!(refused.text(), format!("{lead}\n{zone_error}"));

        let n = say("/settings digest 07:30");
        telegram.reply(&chatter, n).await;
        for bad in ["25:00", "7.30", "soon"] {
            let n = say(&format!("/settings digest {bad}"));
            let refused = telegram.reply(&chatter, n).await;
            assert_eq!(refused.text(), format!("{lead}\n{digest_error}"), "{bad}");
        }

        let n = say("/settings offset 45");
        telegram.reply(&chatter, n).await;
        for bad in ["99999", "-5", "soon"] {
            let n = say(&format!("/settings offset {bad}"));
            let refused = telegram.reply(&chatter, n).await;
            assert_eq!(refused.text(), format!("{lead}\n{offset_error}"), "{bad}");
        }

        let profile = me(&app, &chatter).await;
        assert_eq!(profile["time_zone"], "Europe/Berlin");
        assert_eq!(profile["digest_time"], "07:30");
        assert_eq!(profile["reminder_offset_minutes"], 45);

        let n = say("/settings digest off");
        telegram.reply(&chatter, n).await;
        assert_eq!(me(&app, &chatter).await["digest_time"], Value::Null);

        let n = say("/settings colour blue");
        let usage = telegram.reply(&chatter, n).await;
        assert!(usage.text().contains("/settings tz"), "{}", usage.text());
        assert!(usage.buttons().is_empty());
    }
}

#[tokio::test]
async fn forged_or_unknown_settings_buttons_are_answered_and_change_nothing() {
    let (app, telegram) = spawn_with_bot().await;
    let chatter = Chatter::new(8707, "en");
    telegram.send_text(&chatter, "/settings");
    let message = telegram.reply(&chatter, 1).await.message(None);
    let before = me(&app, &chatter).await;
    for (data, answer) in [
        (
            "set:offset:99999",
            "Could not change the settings:\n• remind before: Must be a whole number from 0 to 10080.",
        ),
        (
            "set:digest:1440",
            "Could not change the settings:\n• digest time: Use a time of day as HH:MM.",
        ),
        (
            "set:lang:de",
            "Something went wrong. Please try again in a moment.",
        ),
        (
            "set:rem:maybe",
            "Something went wrong. Please try again in a moment.",
        ),
        (
            "set:theme:dark",
            "Something went wrong. Please try again in a moment.",
        ),
    ] {
        let pressed = telegram.press(&chatter, &message, data);
        assert_eq!(
            telegram.answer_to(&pressed).await.body["text"],
            answer,
            "{data}"
        );
    }
    assert!(telegram.calls_of("editMessageText").is_empty());
    assert_eq!(me(&app, &chatter).await, before);
}
