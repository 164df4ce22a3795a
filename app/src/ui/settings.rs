//! Settings: language, time zone, theme and reminder preferences, as one form that also works
//! without WASM. Saving reloads the profile, so language and theme change at once.

use leptos::prelude::*;

use super::api_tokens::ApiTokensSection;
use super::dom;
use super::format;
use super::session::use_session;
use crate::i18n::Lang;
use crate::mini_app::{self, TelegramButton};
use crate::model::Theme;
use crate::server_fns::{AppError, SaveSettings, time_zones};

const FORM_ID: &str = "settings-form";
const OFFSETS: [i32; 9] = [0, 5, 10, 15, 30, 60, 120, 180, 1440];

#[component]
pub fn SettingsPage() -> impl IntoView {
    super::session::mark_screen_hydrated();
    let session = use_session();
    let t = session.texts();
    let lang = session.lang;
    let profile = session.profile.get_value();
    let save = ServerAction::<SaveSettings>::new();
    let zones = Resource::new(|| (), |_| time_zones());
    let zone = RwSignal::new(profile.time_zone.clone());
    let detected = RwSignal::new(None::<String>);
    let in_telegram = RwSignal::new(false);
    Effect::new(move |_| {
        in_telegram.set(mini_app::inside());
        detected.set(mini_app::browser_time_zone());
        let main = mini_app::show_button(TelegramButton::Main, t.common.save, || {
            dom::submit_form(FORM_ID)
        });
        on_cleanup(move || mini_app::hide_button(TelegramButton::Main, main));
    });
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get() {
            session.say(super::i18n::texts(saved.language).settings.saved);
            session.reload_profile.update(|n| *n += 1);
        }
    });
    let error = move |field: &'static str| {
        move || match save.value().get() {
            Some(Err(AppError::Validation(errors))) => errors.get(field).map(|e| e.message(lang)),
            _ => None,
        }
    };
    let theme_label = move |theme: Theme| match theme {
        Theme::Auto if in_telegram.get() => t.settings.theme_auto_telegram,
        Theme::Auto => t.settings.theme_auto,
        Theme::Light => t.settings.theme_light,
        Theme::Dark => t.settings.theme_dark,
    };
    let current_zone = profile.time_zone.clone();

    view! {
        <section class="card">
            <h1>{t.common.settings}</h1>
            <ActionForm action=save attr:id=FORM_ID>
                <div class="field">
                    <label for="settings-language">{t.settings.language}</label>
                    <select id="settings-language" name="settings[language]" data-testid="settings-language">
                        {[Lang::Ru, Lang::En].into_iter().map(|l| view! {
                            <option value=l.code() selected=l == profile.language>{l.name()}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{error("language")}</p>
                </div>
                <div class="field">
                    <label for="settings-zone">{t.settings.time_zone}</label>
                    <select id="settings-zone" name="settings[time_zone]" data-testid="settings-zone"
                        prop:value=move || zone.get()
                        on:change=move |ev| zone.set(event_target_value(&ev))>
                        <Suspense fallback=move || view! { <option value=current_zone.clone() selected>{current_zone.clone()}</option> }>
                            {move || Suspend::new(async move {
                                let chosen = zone.get_untracked();
                                zones.await.unwrap_or_default().into_iter().map(|name| {
                                    let selected = name == chosen;
                                    let label = name.clone();
                                    view! { <option value=name selected=selected>{label}</option> }
                                }).collect_view()
                            })}
                        </Suspense>
                    </select>
                    {move || detected.get().filter(|d| *d != zone.get()).map(|d| {
                        let shown = d.clone();
                        view! {
                            <button type="button" class="link" on:click=move |_| zone.set(d.clone())>
                                {t.settings.use_detected}" ("{shown}")"
                            </button>
                        }
                    })}
                    <p class="field-error" role="alert">{error("time_zone")}</p>
                </div>
                <fieldset class="field">
                    <legend>{t.settings.theme}</legend>
                    <div class="segmented">
                        {Theme::ALL.into_iter().map(|theme| view! {
                            <label>
                                <input type="radio" name="settings[theme]" value=theme.code()
                                    checked=theme == profile.theme data-testid=format!("theme-{}", theme.code())/>
                                {move || theme_label(theme)}
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <fieldset class="field">
                    <legend>{t.settings.reminders}</legend>
                    <label class="check">
                        <input type="checkbox" name="settings[reminders_enabled]" value="on"
                            checked=profile.reminders_enabled data-testid="settings-reminders"/>
                        {t.settings.reminders_enabled}
                    </label>
                    <label for="settings-offset">{t.settings.reminder_offset}</label>
                    <select id="settings-offset" name="settings[reminder_offset_minutes]" data-testid="settings-offset">
                        {OFFSETS.into_iter().map(|minutes| view! {
                            <option value=minutes selected=minutes == profile.reminder_offset_minutes>
                                {format::offset(t, minutes)}
                            </option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{error("reminder_offset_minutes")}</p>
                    <label for="settings-digest">{t.settings.digest_time}</label>
                    <input id="settings-digest" type="time" name="settings[digest_time]"
                        value=profile.digest_time.clone().unwrap_or_default()
                        aria-describedby="settings-digest-hint" data-testid="settings-digest"/>
                    <p id="settings-digest-hint" class="hint small">{t.settings.digest_hint}</p>
                    <p class="field-error" role="alert">{error("digest_time")}</p>
                </fieldset>
                <div class="row actions">
                    <button type="submit" data-testid="save-settings" disabled=move || save.pending().get()>{t.common.save}</button>
                </div>
            </ActionForm>
        </section>
        <ApiTokensSection/>
        <super::account::AccountSectionInBrowser/>
    }
}
