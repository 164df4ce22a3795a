use serde::{Deserialize, Serialize};

use super::ProfilePatchInput;

/// The settings form as a browser posts it; an unticked checkbox is simply absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub language: String,
    pub time_zone: String,
    pub theme: String,
    pub reminders_enabled: Option<String>,
    pub reminder_offset_minutes: String,
    /// `HH:MM`, or empty for no digest.
    pub digest_time: String,
}

impl SettingsForm {
    /// Every setting the form shows replaces the profile's; the model's rules then apply.
    pub fn patch_input(&self) -> ProfilePatchInput {
        let text = |value: &str| Some(Some(value.trim().to_owned()));
        ProfilePatchInput {
            language: text(&self.language),
            time_zone: text(&self.time_zone),
            theme: text(&self.theme),
            reminders_enabled: Some(Some(self.reminders_enabled.is_some())),
            reminder_offset_minutes: Some(self.reminder_offset_minutes.trim().parse().ok()),
            digest_time: Some(Some(self.digest_time.trim().to_owned()).filter(|v| !v.is_empty())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{FieldError, ProfilePatch, Theme};

    #[test]
    fn a_posted_form_becomes_a_full_patch() {
        let form = SettingsForm {
            language: "ru".into(),
            time_zone: "Europe/Moscow".into(),
            theme: "dark".into(),
            reminders_enabled: None,
            reminder_offset_minutes: "30".into(),
            digest_time: "".into(),
        };
        let patch = ProfilePatch::parse(form.patch_input()).unwrap();
        assert_eq!(patch.language, Some(Lang::Ru));
        assert_eq!(patch.theme, Some(Theme::Dark));
        assert_eq!(patch.reminders_enabled, Some(false));
        assert_eq!(patch.reminder_offset_minutes, Some(30));
        assert_eq!(patch.digest_time, Some(None));
    }

    #[test]
    fn bad_values_get_the_models_errors() {
        let form = SettingsForm {
            language: "de".into(),
            time_zone: "Nowhere".into(),
            theme: "".into(),
            reminder_offset_minutes: "soon".into(),
            digest_time: "9".into(),
            ..Default::default()
        };
        let errors = ProfilePatch::parse(form.patch_input()).unwrap_err();
        assert_eq!(
            errors.get("reminder_offset_minutes").map(FieldError::code),
            Some("out_of_range")
        );
        assert_eq!(errors.iter().count(), 5);
    }
}
