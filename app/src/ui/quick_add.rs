//! The tasks screen's quick add, with chips of what the line says while it is typed.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::list_params::ListParams;
use super::session::use_session;
use super::submission_key;
use super::task_screen::TaskScreen;
use crate::model::QUICK_ADD_MAX;
use crate::server_fns::{AppError, LineChips, QuickAddTask, quick_add_chips};

/// One line, read by the same parser as the bot's `/add` ("купить молоко завтра 9:00 #дом !high");
/// the full form is one tap away. While it is typed, what the line says shows as chips; removing
/// one keeps its words in the title. A plain form posting to the server function (it works without
/// WASM); once hydrated, a submit dispatches the action instead, and the button stays disabled
/// while it is on its way, so that Enter and a tap do not add the task twice.
/// Not `ActionForm`: that one decodes the form's fields with serde_qs, a decoder the first WASM
/// would then carry for this form and the tick alone (bench/WASM_SIZE.md).
#[component]
pub fn QuickAdd(params: Memo<ListParams>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = expect_context::<TaskScreen>();
    let add = ServerAction::<QuickAddTask>::new();
    let text_input = NodeRef::<leptos::html::Input>::new();
    let key_input = NodeRef::<leptos::html::Input>::new();
    let chips = LineChipsState::new();
    Effect::new(move |_| {
        if let Some(Ok(changed)) = add.value().get() {
            if let Some(input) = text_input.get() {
                input.set_value("");
            }
            // The next line is another submission.
            if let Some(input) = key_input.get() {
                input.set_value(&submission_key::new_key());
            }
            chips.clear();
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
    let read_line = move || {
        if let Some(text) = line() {
            chips.read(text, view_code().to_owned());
        }
    };
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
            literal: Some(chips.literal.get_untracked()),
            screen: Some(screen.query()),
        });
    };
    view! {
        <form method="post" action=QuickAddTask::PATH class="quick-add" on:submit=on_submit>
            <input type="hidden" name="view" value=view_code/>
            <input type="hidden" name="key" node_ref=key_input value=submission_key::new_key()/>
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
                    on:input=move |_| chips.later(read_line)
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
            <LineChipsView chips read_line/>
            <p id="new-task-error" class="field-error" role="alert">{text_error}</p>
        </form>
    }
}

/// What the quick-add line says so far, and the parts the user asked to keep as words.
#[derive(Clone, Copy)]
struct LineChipsState {
    shown: RwSignal<LineChips>,
    /// `due,tags`: the parts removed as chips (`Literal::parse` reads it on the server).
    literal: RwSignal<String>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl LineChipsState {
    fn new() -> LineChipsState {
        LineChipsState {
            shown: RwSignal::new(LineChips::default()),
            literal: RwSignal::new(String::new()),
            pending: StoredValue::new(None),
        }
    }

    /// Runs `read` after a pause in typing.
    fn later(self, read: impl Fn() + 'static) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(read, std::time::Duration::from_millis(250));
        self.pending.set_value(handle.ok());
    }

    /// Asks the server what `text` says; a failed answer leaves the chips as they were.
    fn read(self, text: String, view: String) {
        if text.trim().is_empty() {
            return self.clear();
        }
        let literal = self.literal.get_untracked();
        leptos::task::spawn_local(async move {
            if let Ok(chips) = quick_add_chips(text, Some(view), Some(literal)).await {
                self.shown.set(chips);
            }
        });
    }

    fn keep_as_words(self, part: &str) {
        self.literal.update(|literal| {
            if !literal.is_empty() {
                literal.push(',');
            }
            literal.push_str(part);
        });
    }

    fn clear(self) {
        self.shown.set(LineChips::default());
        self.literal.set(String::new());
    }
}

#[component]
fn LineChipsView(
    chips: LineChipsState,
    read_line: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_session().texts();
    let chip = move |part: &'static str, text: String| {
        let label = format!("{}: {text}", t.tasks.keep_as_words);
        view! {
            <li class="chip" data-testid=format!("chip-{part}")>
                <span>{text}</span>
                <button type="button" class="chip-remove" aria-label=label title=t.tasks.keep_as_words
                    on:click=move |_| { chips.keep_as_words(part); read_line(); }>
                    "×"
                </button>
            </li>
        }
    };
    view! {
        <ul class="chips line-chips" id="new-task-chips" aria-label=t.tasks.understood aria-live="polite">
            {move || chips.shown.with(|shown| {
                let tags = (!shown.tags.is_empty()).then(|| {
                    shown.tags.iter().map(|tag| format!("#{tag}")).collect::<Vec<_>>().join(" ")
                });
                [
                    ("due", shown.due.clone()),
                    ("tags", tags),
                    ("priority", shown.priority.map(|p| super::format::priority(t, p).to_owned())),
                    ("category", shown.category.as_ref().map(|c| format!("@{c}"))),
                ]
                .into_iter()
                .filter_map(|(part, text)| text.map(|text| chip(part, text)))
                .collect_view()
            })}
        </ul>
    }
}
