//! `/settings` and its buttons: reminders on or off, how long before the due time to remind,
//! the daily digest's time, the time zone and the language. Every change goes through the model's
//! `ProfilePatch::parse` and `users::update_profile`, as `PATCH /api/v1/me` does.

use app::i18n::Lang;
use app::model::{Profile, ProfilePatch, ProfilePatchInput};
use app::server::{AppState, CurrentUser, ServiceError, users};

use super::callbacks::Outcome;
use super::replies::{Reply, settings_error};
use super::{keyboards, settings_texts};

/// Reminder offsets offered as buttons, in minutes.
pub const OFFSETS: [i64; 5] = [0, 10, 30, 60, 24 * 60];
/// Digest times offered as buttons, in minutes after midnight; `None` is no digest.
pub const DIGESTS: [Option<u32>; 4] = [None, Some(8 * 60), Some(9 * 60), Some(20 * 60)];

/// What a settings button sets. The value is the model's to check like any other input, so a
/// forged button changes nothing it would refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Reminders(bool),
    Offset(i64),
    /// Minutes after midnight; `None` turns the digest off.
    Digest(Option<u32>),
    Language(Lang),
}

impl Choice {
    /// The part of a button's callback data after `set:`.
    pub fn encode(self) -> String {
        match self {
            Choice::Reminders(true) => "rem:on".to_owned(),
            Choice::Reminders(false) => "rem:off".to_owned(),
            Choice::Offset(minutes) => format!("offset:{minutes}"),
            Choice::Digest(None) => "digest:off".to_owned(),
            Choice::Digest(Some(minutes)) => format!("digest:{minutes}"),
            Choice::Language(lang) => format!("lang:{}", lang.code()),
        }
    }

    pub fn decode(data: &str) -> Option<Choice> {
        Some(match data.split_once(':')? {
            ("rem", "on") => Choice::Reminders(true),
            ("rem", "off") => Choice::Reminders(false),
            ("offset", minutes) => Choice::Offset(minutes.parse().ok()?),
            ("digest", "off") => Choice::Digest(None),
            ("digest", minutes) => Choice::Digest(Some(minutes.parse().ok()?)),
            ("lang", code) => Choice::Language(Lang::parse(code)?),
            _ => return None,
        })
    }

    fn input(self) -> ProfilePatchInput {
        let none = ProfilePatchInput::default();
        match self {
            Choice::Reminders(on) => ProfilePatchInput {
                reminders_enabled: Some(Some(on)),
                ..none
            },
            Choice::Offset(minutes) => ProfilePatchInput {
                reminder_offset_minutes: Some(Some(minutes)),
                ..none
            },
            Choice::Digest(time) => ProfilePatchInput {
                digest_time: Some(time.map(clock_time)),
                ..none
            },
            Choice::Language(lang) => ProfilePatchInput {
                language: Some(Some(lang.code().to_owned())),
                ..none
            },
        }
    }
}

/// `HH:MM` for minutes after midnight (past the day's end it is no time, and the model says so).
pub fn clock_time(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

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
        return Reply::text(settings_texts::usage(lang));
    };
    match apply(state, user, input).await {
        Ok(profile) => {
            let reply = view(state, &profile);
            Reply {
                text: format!(
                    "{}\n\n{}",
                    settings_texts::saved(profile.language),
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
            notice: Some(settings_texts::saved(profile.language).to_owned()),
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

    #[test]
    fn choices_become_the_patch_the_api_would_get() {
        let patch = |choice: Choice| ProfilePatch::parse(choice.input());
        assert_eq!(
            patch(Choice::Digest(Some(8 * 60)))
                .unwrap()
                .digest_time
                .unwrap()
                .unwrap()
                .format(),
            "08:00"
        );
        assert_eq!(patch(Choice::Digest(None)).unwrap().digest_time, Some(None));
        assert!(patch(Choice::Digest(Some(24 * 60))).is_err());
        assert!(patch(Choice::Offset(-1)).is_err());
        assert_eq!(
            patch(Choice::Language(Lang::Ru)).unwrap().language,
            Some(Lang::Ru)
        );
    }
}
