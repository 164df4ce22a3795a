//! `/settings` and its buttons: reminders on or off, how long before the due time to remind,
//! the daily digest's time, the time zone and the language. Every change goes through the model's
//! `ProfilePatch::parse` and `users::update_profile`, as `PATCH /api/v1/me` does.

use app::model::{Profile, ProfilePatch, ProfilePatchInput};
use app::server::{AppState, CurrentUser, ServiceError, users};

use super::callback_data::Choice;
use super::replies::{Outcome, Reply, settings_error};
use super::{i18n, keyboards, settings_texts};

async fn apply(
    state: &AppState,
    user: &CurrentUser,
    input: ProfilePatchInput,
) -> Result<Profile, ServiceError> {
    let patch = ProfilePatch::parse(input)?;
    users::update_profile(&state.db, user, patch).await
}

/// The settings message: the values, with a button for each common choice.
fn view(state: &AppState, profile: &Profile) -> Reply {
    Reply::with(
        settings_texts::view(profile),
        keyboards::settings(profile, &keyboards::app_url(state)),
    )
}

/// `/settings` shows them; `/settings tz Europe/Berlin`, `digest 07:30`, `digest off`,
/// `offset 45`, `reminders on`, `lang en` set one.
pub async fn command(state: &AppState, user: &CurrentUser, args: &str) -> Reply {
    let lang = user.language;
    let (what, value) = match args.split_once(char::is_whitespace) {
        Some((what, value)) => (what.to_lowercase(), value.trim()),
        None => (args.to_lowercase(), ""),
    };
    if what.is_empty() {
        return match users::get_profile(&state.db, user).await {
            Ok(profile) => view(state, &profile),
            Err(error) => Reply::text(settings_error(lang, &error)),
        };
    }
    let Some(input) = requested(&what, value) else {
        return Reply::text(i18n::texts(lang).settings.usage);
    };
    match apply(state, user, input).await {
        Ok(profile) => {
            let reply = view(state, &profile);
            Reply {
                text: format!(
                    "{}\n\n{}",
                    i18n::texts(profile.language).settings.saved,
                    reply.text
                ),
                ..reply
            }
        }
        Err(error) => Reply::text(settings_error(lang, &error)),
    }
}

/// The change `/settings <what> <value>` asks for, left for the model to check; `None` when it
/// names no setting or has no value.
fn requested(what: &str, value: &str) -> Option<ProfilePatchInput> {
    if value.is_empty() {
        return None;
    }
    let none = ProfilePatchInput::default();
    let switch = |value: &str| match value.to_lowercase().as_str() {
        "on" | "вкл" => Some(true),
        "off" | "выкл" => Some(false),
        _ => None,
    };
    Some(match what {
        "tz" | "timezone" | "zone" => ProfilePatchInput {
            time_zone: Some(Some(value.to_owned())),
            ..none
        },
        "digest" => ProfilePatchInput {
            digest_time: Some(match switch(value) {
                Some(false) => None,
                _ => Some(value.to_owned()),
            }),
            ..none
        },
        // Not a number is out of range, as in the app's settings form.
        "offset" => ProfilePatchInput {
            reminder_offset_minutes: Some(value.parse().ok()),
            ..none
        },
        "reminders" => ProfilePatchInput {
            reminders_enabled: Some(Some(switch(value)?)),
            ..none
        },
        "lang" | "language" => ProfilePatchInput {
            language: Some(Some(value.to_lowercase())),
            ..none
        },
        _ => return None,
    })
}

/// A settings button: the change saved and the message redrawn in place (in the language just
/// chosen), or the model's reason on the button and nothing changed.
pub async fn press(state: &AppState, user: &CurrentUser, choice: Choice) -> Outcome {
    match apply(state, user, choice.input()).await {
        Ok(profile) => Outcome {
            notice: Some(i18n::texts(profile.language).settings.saved.to_owned()),
            message: Some(view(state, &profile)),
        },
        Err(error) => Outcome {
            notice: Some(settings_error(user.language, &error)),
            message: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_name_one_setting_with_a_value() {
        let zone = requested("tz", "Europe/Berlin").unwrap();
        assert_eq!(zone.time_zone, Some(Some("Europe/Berlin".into())));
        assert_eq!(requested("digest", "off").unwrap().digest_time, Some(None));
        assert_eq!(
            requested("digest", "07:30").unwrap().digest_time,
            Some(Some("07:30".into()))
        );
        assert_eq!(
            requested("offset", "soon").unwrap().reminder_offset_minutes,
            Some(None),
            "the model refuses it"
        );
        assert_eq!(
            requested("reminders", "off").unwrap().reminders_enabled,
            Some(Some(false))
        );
        assert!(requested("reminders", "maybe").is_none());
        assert!(requested("tz", "").is_none());
        assert!(requested("colour", "blue").is_none());
    }
}
