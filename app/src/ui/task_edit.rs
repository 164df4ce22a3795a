//! The add and edit screens: one form for every field, saved by a server function that also
//! takes the plain HTML post; errors appear next to their fields, in the server's words.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::dom;
use super::labels::use_labels;
use super::session::{ScreenReady, use_session};
use super::tag_input::TagInput;
use super::undo_delete;
use crate::mini_app::{self, Haptic, TelegramButton};
use crate::model::{CATEGORY_MAX, DESCRIPTION_MAX, Priority, TITLE_MAX};
use crate::server_fns::{
    AppError, DeleteTask, Labels, LocalDue, SaveTask, TaskView, delete_task, get_task,
};

const FORM_ID: &str = "task-form";

#[component]
pub fn NewTaskPage() -> impl IntoView {
    super::session::mark_screen_hydrated();
    let labels = use_labels();
    view! { <TaskEditor item=None labels/> }
}

#[component]
pub fn EditTaskPage() -> impl IntoView {
    let t = use_session().texts();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let task = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_task(id).await,
            None => Err(AppError::NotFound),
        }
    });
    // Created here, not in the editor the Suspend below builds once the task has come: a
    // resource created after an await is numbered differently in the browser than on the server,
    // and the hydrating editor then reads another resource's data (a crash once the user has
    // categories or tags to suggest).
    let labels = use_labels();
    view! {
        <Suspense fallback=move || view! { <p class="hint" aria-busy="true">{t.common.loading}</p> }>
            {move || Suspend::new(async move {
                let content = match task.await {
                    Ok(item) => view! { <TaskEditor item=Some(item) labels/> }.into_any(),
                    Err(AppError::NotFound) => view! { <NoSuchTask/> }.into_any(),
                    Err(_) => view! { <p class="card" role="alert">{t.common.load_failed}</p> }.into_any(),
                };
                view! { <ScreenReady/> {content} }
            })}
        </Suspense>
    }
}

#[component]
fn NoSuchTask() -> impl IntoView {
    let t = use_session().texts();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card" role="alert">
            <h1>{t.tasks.task_not_found}</h1>
            <a href="/">{t.common.go_home}</a>
        </section>
    }
}

/// Telegram's BackButton leads back to the list and its MainButton saves, while this screen shows.
fn use_telegram_buttons(save_label: &'static str) {
    let navigate = use_navigate();
    Effect::new(move |_| {
        let navigate = navigate.clone();
        let back = mini_app::show_button(TelegramButton::Back, "", move || {
            navigate("/", Default::default())
        });
        let main = mini_app::show_button(TelegramButton::Main, save_label, || {
            dom::submit_form(FORM_ID)
        });
        on_cleanup(move || {
            mini_app::hide_button(TelegramButton::Back, back);
            mini_app::hide_button(TelegramButton::Main, main);
        });
    });
}

#[component]
fn TaskEditor(item: Option<TaskView>, labels: Resource<Result<Labels, AppError>>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let lang = session.lang;
    let save = ServerAction::<SaveTask>::new();
    use_telegram_buttons(t.common.save);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            mini_app::haptic(Haptic::Success);
            session.tasks_changed();
        }
    });
    let error = move |field: &'static str| {
        move || match save.value().get() {
            Some(Err(AppError::Validation(errors))) => errors.get(field).map(|e| e.message(lang)),
            _ => None,
        }
    };
    let failed = move || matches!(save.value().get(), Some(Err(ref e)) if !matches!(e, AppError::Validation(_)));

    let editing = item.is_some();
    let id = item.as_ref().map(|i| i.task.id);
    let task = item.as_ref().map(|i| i.task.clone());
    let field = |get: &dyn Fn(&crate::model::Task) -> Option<String>| {
        task.as_ref().and_then(get).unwrap_or_default()
    };
    let title = field(&|t| Some(t.title.clone()));
    let description = field(&|t| t.description.clone());
    let category = field(&|t| t.category.clone());
    let tags = field(&|t| Some(t.tags.join(", ")));
    let due = item
        .as_ref()
        .and_then(|i| i.due.as_ref())
        .map(LocalDue::input_value)
        .unwrap_or_default();
    let priority = task.as_ref().map(|t| t.priority).unwrap_or_default();

    view! {
        <section class="card editor">
            <h1>{if editing { t.tasks.edit_task } else { t.tasks.new_task }}</h1>
            <ActionForm action=save attr:id=FORM_ID attr:novalidate=true>
                <input type="hidden" name="task[id]" value=id.map(|id| id.to_string()).unwrap_or_default()/>
                <div class="field">
                    <label for="task-title">{t.tasks.title}</label>
                    <input id="task-title" name="task[title]" value=title maxlength=TITLE_MAX autocomplete="off"
                        aria-describedby="task-title-error" data-testid="edit-title"/>
                    <p id="task-title-error" class="field-error" role="alert">{error("title")}</p>
                </div>
                <div class="field">
                    <label for="task-description">{t.tasks.description}</label>
                    <textarea id="task-description" name="task[description]" rows="3" maxlength=DESCRIPTION_MAX
                        aria-describedby="task-description-error" data-testid="edit-description">{description}</textarea>
                    <p id="task-description-error" class="field-error" role="alert">{error("description")}</p>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="task-due">{t.tasks.due}</label>
                        <input id="task-due" type="datetime-local" name="task[due]" value=due
                            aria-describedby="task-due-error" data-testid="edit-due"/>
                        <p id="task-due-error" class="field-error" role="alert">{error("date_time")}</p>
                    </div>
                    <div class="field">
                        <label for="task-priority">{t.tasks.priority}</label>
                        <select id="task-priority" name="task[priority]" data-testid="edit-priority"
                            aria-describedby="task-priority-error">
                            {Priority::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=p == priority>{super::format::priority(t, p)}</option>
                            }).collect_view()}
                        </select>
                        <p id="task-priority-error" class="field-error" role="alert">{error("priority")}</p>
                    </div>
                </div>
                <div class="field">
                    <label for="task-category">{t.tasks.category}</label>
                    <input id="task-category" name="task[category]" value=category list="known-categories"
                        maxlength=CATEGORY_MAX autocomplete="off" aria-describedby="task-category-hint task-category-error"
                        data-testid="edit-category"/>
                    <datalist id="known-categories">
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                labels.await.map(|l| l.categories).unwrap_or_default().into_iter()
                                    .map(|c| view! { <option value=c></option> }).collect_view()
                            })}
                        </Suspense>
                    </datalist>
                    <p id="task-category-hint" class="hint small">{t.tasks.category_hint}</p>
                    <p id="task-category-error" class="field-error" role="alert">{error("category")}</p>
                </div>
                <TagInput initial=tags labels error=Signal::derive(error("tags"))/>
                <p class="field-error" role="alert">{move || failed().then_some(t.common.action_failed)}</p>
                <div class="row actions">
                    <button type="submit" data-testid="save-task" disabled=move || save.pending().get()>
                        {move || if save.pending().get() { t.tasks.saving } else { t.common.save }}
                    </button>
                    <a href="/" class="button secondary">{t.tasks.cancel}</a>
                </div>
            </ActionForm>
        </section>
        {id.map(|id| view! { <DeleteTaskForm id/> })}
    }
}

/// Deletes at once, then the list's notice offers an Undo (the server keeps the task for a few
/// minutes); without WASM the form posts and the list comes back without one.
#[component]
fn DeleteTaskForm(id: i64) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let pending = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pending.set(true);
        mini_app::haptic(Haptic::Warning);
        leptos::task::spawn_local(async move {
            // The answer redirects to the list, which server_fn follows before this returns.
            match delete_task(id).await {
                Ok(()) => {
                    session.tasks_changed();
                    undo_delete::offer(session, id);
                }
                Err(error) => {
                    pending.set(false);
                    session.report_refusal(&error);
                }
            }
        });
    };
    const DELETE_PATH: &str = <DeleteTask as leptos::server_fn::ServerFn>::PATH;
    view! {
        <form method="post" action=DELETE_PATH class="danger-zone" on:submit=on_submit>
            <input type="hidden" name="id" value=id/>
            <button type="submit" class="danger" data-testid="delete-task" disabled=move || pending.get()>
                {t.tasks.delete_task}
            </button>
        </form>
    }
}
