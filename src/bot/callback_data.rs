//! What a button asks for, as the callback data Telegram gives back when it is pressed (64 bytes
//! at most): the buttons' shared vocabulary, which the keyboards write and the callbacks read.

use app::i18n::Lang;
use app::model::{ProfilePatchInput, TaskId};

use super::texts::ListKind;

/// What a button asks for, as its callback data (Telegram allows 64 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Done {
        kind: ListKind,
        id: TaskId,
    },
    Undo(TaskId),
    /// Add the text of the message the offer answers.
    Add,
    /// ✅ under a reminder.
    Finish(TaskId),
    Snooze {
        snooze: Snooze,
        id: TaskId,
    },
    /// Change one setting.
    Setting(Choice),
}

/// How long a reminder's snooze button puts it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snooze {
    Hour,
    /// Until tomorrow morning.
    Tomorrow,
}

const SETTING: &str = "set:";

impl Action {
    pub fn encode(self) -> String {
        match self {
            Action::Done {
                kind: ListKind::Today,
                id,
            } => format!("done:today:{id}"),
            Action::Done {
                kind: ListKind::Open,
                id,
            } => format!("done:open:{id}"),
            Action::Undo(id) => format!("undo:{id}"),
            Action::Add => "add".to_owned(),
            Action::Finish(id) => format!("fin:{id}"),
            Action::Snooze {
                snooze: Snooze::Hour,
                id,
            } => format!("snz:1h:{id}"),
            Action::Snooze {
                snooze: Snooze::Tomorrow,
                id,
            } => format!("snz:tmrw:{id}"),
            Action::Setting(choice) => format!("{SETTING}{}", choice.encode()),
        }
    }

    pub fn decode(data: &str) -> Option<Action> {
        if let Some(choice) = data.strip_prefix(SETTING) {
            return Choice::decode(choice).map(Action::Setting);
        }
        let mut parts = data.split(':');
        let action = match (parts.next()?, parts.next(), parts.next()) {
            ("done", Some(kind), Some(id)) => Action::Done {
                kind: match kind {
                    "today" => ListKind::Today,
                    "open" => ListKind::Open,
                    _ => return None,
                },
                id: id.parse().ok()?,
            },
            ("undo", Some(id), None) => Action::Undo(id.parse().ok()?),
            ("add", None, None) => Action::Add,
            ("fin", Some(id), None) => Action::Finish(id.parse().ok()?),
            ("snz", Some(snooze), Some(id)) => Action::Snooze {
                snooze: match snooze {
                    "1h" => Snooze::Hour,
                    "tmrw" => Snooze::Tomorrow,
                    _ => return None,
                },
                id: id.parse().ok()?,
            },
            _ => return None,
        };
        parts.next().is_none().then_some(action)
    }
}

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

    /// The profile change it asks for.
    pub fn input(self) -> ProfilePatchInput {
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

#[cfg(test)]
mod tests {
    use app::model::ProfilePatch;

    use super::*;

    #[test]
    fn actions_round_trip_and_fit_telegrams_limit() {
        for action in [
            Action::Done {
                kind: ListKind::Today,
                id: i64::MAX,
            },
            Action::Done {
                kind: ListKind::Open,
                id: 7,
            },
            Action::Undo(i64::MAX),
            Action::Add,
            Action::Finish(i64::MAX),
            Action::Snooze {
                snooze: Snooze::Hour,
                id: i64::MAX,
            },
            Action::Snooze {
                snooze: Snooze::Tomorrow,
                id: 3,
            },
            Action::Setting(Choice::Reminders(true)),
            Action::Setting(Choice::Reminders(false)),
            Action::Setting(Choice::Offset(i64::MIN)),
            Action::Setting(Choice::Digest(None)),
            Action::Setting(Choice::Digest(Some(u32::MAX))),
            Action::Setting(Choice::Language(app::i18n::Lang::Ru)),
            Action::Setting(Choice::Language(app::i18n::Lang::En)),
        ] {
            let data = action.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Action::decode(&data), Some(action));
        }
        for junk in [
            "",
            "done",
            "done:week:1",
            "undo:x",
            "add:1",
            "undo:1:2",
            "fin",
            "snz:2h:1",
            "snz:1h",
            "snz:1h:1:1",
            "set:",
            "set:rem:maybe",
            "set:offset:soon",
            "set:digest:08:00",
            "set:lang:de",
            "set:theme:dark",
        ] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
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
