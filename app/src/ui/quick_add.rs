//! The tasks screen's quick add, with chips of what the line says while it is typed.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::form_action::form_action;
use super::list_params::ListParams;
use super::session::use_session;
use super::submission_key;
use super::task_screen::TaskScreen;
use crate::model::QUICK_ADD_MAX;
use crate::server_fns::{AppError, QuickAddTask};

/// The chips are drawn by a small script of the site, not by the WASM (`public/quick-add-chips.js`:
/// as Rust they cost the first WASM 3 KB brotli, bench/WASM_SIZE.md), which this one loads when
/// the quick-add field first takes the focus, so that the first load carries neither.
pub const CHIPS_LOADER: &str = "{const n=document.currentScript.nonce;\
addEventListener('focusin',function l(e){if(e.target.id!=='new-task-title')return;\
removeEventListener('focusin',l);const s=document.createElement('script');s.nonce=n;\
s.src='/quick-add-chips.js';document.head.append(s)})}";

/// One line, read by the same parser as the bot's `/add` ("купить молоко завтра 9:00 #дом !high");
/// the full form is one tap away. While it is typed, what the line says shows as chips
/// ([`CHIPS_LOADER`]); removing one keeps its words in the title (the form's `literal`). A plain
/// form posting to the server function (it works without WASM); once hydrated, a submit
/// dispatches the action instead, and the button stays disabled while it is on its way, so that
/// Enter and a tap do not add the task twice.
/// Not `ActionForm`: that one decodes the form's fields with serde_qs, a decoder the first WASM
/// would then carry for this form and the tick alone (bench/WASM_SIZE.md).
#[component]
pub fn QuickAdd(params: Memo<ListParams>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = expect_context::<TaskScreen>();
    let add = form_action::<QuickAddTask>();
    let text_input = NodeRef::<leptos::html::Input>::new();
    let key_input = NodeRef::<leptos::html::Input>::new();
    let literal_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(Ok(changed)) = add.value().get() {
            if let Some(input) = text_input.get() {
                input.set_value("");
            }
            // The next line is another submission.
            if let Some(input) = key_input.get() {
                input.set_value(&submission_key::new_key());
            }
            screen.show(changed.list);
        }
    });
    let text_error = move || match add.value().get() {
        Some(Err(AppError::Validation(errors))) => errors
            .iter()
            .next()
            .map(|(_, error)| error.message(session.lang)),
        _ => None,
    };
    let view_code = move || params.with(|p| p.tab.code());
    let line = move || text_input.get_untracked().map(|input| input.value());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if add.pending().get_untracked() {
            return;
        }
        let Some(text) = line() else {
            return;
        };
        add.dispatch(QuickAddTask {
            text,
            view: Some(view_code().to_owned()),
            key: key_input.get_untracked().map(|input| input.value()),
            literal: literal_input.get_untracked().map(|input| input.value()),
            screen: Some(screen.query()),
        });
    };
    view! {
        <form method="post" action=QuickAddTask::PATH class="quick-add" on:submit=on_submit>
            <input type="hidden" name="view" value=view_code/>
            <input type="hidden" name="key" node_ref=key_input value=submission_key::new_key()/>
            <input type="hidden" name="literal" node_ref=literal_input value=""/>
            <div class="row">
                <label for="new-task-title" class="visually-hidden">{t.tasks.new_task}</label>
                <input
                    id="new-task-title"
                    node_ref=text_input
                    name="text"
                    placeholder=t.tasks.quick_add_placeholder
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
                <a href="/tasks/new" class="button secondary" data-testid="open-new-task">{t.tasks.more_fields}</a>
            </div>
            // Filled by public/quick-add-chips.js while the line is typed.
            <ul class="chips line-chips" id="new-task-chips" aria-label=t.tasks.understood aria-live="polite"></ul>
            <p id="new-task-error" class="field-error" role="alert">{text_error}</p>
        </form>
    }
}
