//! What every screen of a signed-in user shares: the profile, its language, and the signals that
//! tell screens to load again.

use leptos::prelude::*;

use super::i18n::{Texts, texts};
use crate::i18n::Lang;
use crate::mini_app;
use crate::model::Profile;
use crate::server_fns::AppError;

#[derive(Clone, Copy)]
pub struct Session {
    pub profile: StoredValue<Profile>,
    pub lang: Lang,
    /// Bumped to load the profile again (after the settings change).
    pub reload_profile: RwSignal<u32>,
    /// Bumped after every change to the user's tasks; lists, calendar and stats follow it.
    pub tasks_changed: RwSignal<u32>,
    /// A short message for the user (a refused change, a saved form); it outlives a reload of
    /// the profile and fades after a few seconds.
    pub notice: RwSignal<Option<String>>,
    /// A button the notice offers beside its message (Undo), while the message stands.
    pub notice_action: RwSignal<Option<ViewFn>>,
}

impl Session {
    pub fn new(
        profile: Profile,
        reload_profile: RwSignal<u32>,
        notice: RwSignal<Option<String>>,
        notice_action: RwSignal<Option<ViewFn>>,
    ) -> Session {
        Session {
            lang: profile.language,
            profile: StoredValue::new(profile),
            reload_profile,
            tasks_changed: RwSignal::new(0),
            notice,
            notice_action,
        }
    }

    pub fn texts(&self) -> &'static Texts {
        texts(self.lang)
    }

    pub fn tasks_changed(&self) {
        self.tasks_changed.update(|n| *n += 1);
    }

    /// Shows `message` in the page's notice for a few seconds.
    pub fn say(&self, message: &str) {
        let notice = self.notice;
        let message = message.to_owned();
        self.notice_action.set(None);
        notice.set(Some(message.clone()));
        set_timeout(
            move || {
                if notice.get_untracked().as_ref() == Some(&message) {
                    notice.set(None);
                }
            },
            std::time::Duration::from_secs(4),
        );
    }

    /// A refused change, in words that fit why it was refused.
    pub fn report_refusal(&self, error: &AppError) {
        let t = self.texts();
        self.report(match error {
            AppError::RateLimited { .. } => t.common.too_many_requests,
            AppError::Unreachable => t.common.action_offline,
            _ => t.common.action_failed,
        });
    }

    /// Why something could not be loaded: no connection, too many requests, or the server.
    pub fn why_failed(&self, error: &AppError) -> &'static str {
        let t = self.texts();
        match error {
            AppError::RateLimited { .. } => t.common.rate_limited,
            AppError::Unreachable => t.common.offline,
            _ => t.common.server_failed,
        }
    }

    /// A failure: in Telegram's popup inside Telegram, and in the page's notice.
    pub fn report(&self, message: &str) {
        if mini_app::inside() {
            mini_app::alert(message);
        }
        self.say(message);
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Marks the page interactive once the calling screen has hydrated.
pub fn mark_screen_hydrated() {
    let lang = use_session().lang;
    Effect::new(move |_| super::dom::mark_hydrated(lang.code()));
}

/// Marks the page interactive from inside a screen's loaded content, which hydrates only after
/// the data it waits for: links in it clicked earlier would race the hydration.
#[component]
pub fn ScreenReady() -> impl IntoView {
    mark_screen_hydrated();
}
