//! The calendar's quick add: one line, added on the chosen day.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::session::use_session;
use super::submission_key;
use crate::model::QUICK_ADD_MAX;
use crate::server_fns::{AppError, CalendarMonth, QuickAddOnDay};

/// The tasks screen's quick add ([`super::quick_add::QuickAdd`], whose notes hold here too) on the
/// calendar: a line that names no date is due on `day` (a time alone is that time on that day).
/// Without WASM the form posts and the server sends the page back; once hydrated, the answer is
/// the month after the change, which replaces `shown`, so the grid's counts and the agenda follow
/// while the form (and its focus) stays.
#[component]
pub fn DayQuickAdd(day: NaiveDate, shown: RwSignal<CalendarMonth>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let add = ServerAction::<QuickAddOnDay>::new();
    let text_input = NodeRef::<leptos::html::Input>::new();
    let key_input = NodeRef::<leptos::html::Input>::new();
    let literal_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| match add.value().get() {
        Some(Ok(month)) => {
            if let Some(input) = text_input.get() {
                input.set_value("");
            }
            // The next line is another submission.
            if let Some(input) = key_input.get() {
                input.set_value(&submission_key::new_key());
            }
            shown.set(month);
        }
        Some(Err(AppError::Validation(_))) | None => {}
        Some(Err(error)) => session.report_refusal(&error),
    });
    let text_error = move || match add.value().get() {
        Some(Err(AppError::Validation(errors))) => errors
            .iter()
            .next()
            .map(|(_, error)| error.message(session.lang)),
        _ => None,
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if add.pending().get_untracked() {
            return;
        }
        let Some(text) = text_input.get_untracked().map(|input| input.value()) else {
            return;
        };
        add.dispatch(QuickAddOnDay {
            text,
            day: Some(day.to_string()),
            key: key_input.get_untracked().map(|input| input.value()),
            literal: literal_input.get_untracked().map(|input| input.value()),
        });
    };
    view! {
        <form method="post" action=QuickAddOnDay::PATH class="quick-add" on:submit=on_submit data-testid="day-quick-add">
            <input type="hidden" name="day" value=day.to_string()/>
            <input type="hidden" name="key" node_ref=key_input value=submission_key::new_key()/>
            <input type="hidden" name="literal" node_ref=literal_input value=""/>
            <div class="row">
                <label for="new-task-title" class="visually-hidden">{t.calendar.new_task_on_day}</label>
                <input
                    id="new-task-title"
                    node_ref=text_input
                    name="text"
                    placeholder=t.calendar.quick_add_placeholder
                    maxlength=QUICK_ADD_MAX
                    autocomplete="off"
                    enterkeyhint="done"
                    aria-describedby="new-task-error new-task-chips"
                />
                <button
                    type="submit"
                    data-testid="add-task"
                    disabled=move || add.pending().get()
                    aria-busy=move || add.pending().get().then_some("true")
                >
                    {t.tasks.add}
                </button>
            </div>
            // Filled by public/quick-add-chips.js while the line is typed.
            <ul class="chips line-chips" id="new-task-chips" aria-label=t.tasks.understood aria-live="polite"></ul>
            <p id="new-task-error" class="field-error" role="alert">{text_error}</p>
        </form>
    }
}
