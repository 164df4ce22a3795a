use leptos::prelude::*;

use super::texts::texts;
use crate::api::{AppError, CreateTask, DeleteTask, SetTaskDone, list_tasks};
use crate::i18n::Lang;
use crate::model::{Task, TaskQueryInput};

/// The task list with quick add, tick and delete; every form also works before WASM loads.
/// `dev_sign_in`: the session is the development sign-in's, so it can be ended here.
#[component]
pub fn TasksPage(dev_sign_in: bool) -> impl IntoView {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = texts(lang);
    let create = ServerAction::<CreateTask>::new();
    let set_done = ServerAction::<SetTaskDone>::new();
    let delete = ServerAction::<DeleteTask>::new();
    let tasks = Resource::new(
        move || {
            (
                create.version().get(),
                set_done.version().get(),
                delete.version().get(),
            )
        },
        |_| list_tasks(TaskQueryInput::default()),
    );
    let title_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get()
            && let Some(input) = title_input.get()
        {
            input.set_value("");
        }
    });
    let title_error = move || match create.value().get() {
        Some(Err(AppError::Validation(errors))) => errors.get("title").map(|e| e.message(lang)),
        _ => None,
    };

    view! {
        <section class="card">
            <div class="row spread">
                <h1>{t.tasks}</h1>
                <Show when=move || dev_sign_in>
                    <form method="post" action="/auth/dev/logout">
                        <button type="submit" class="link" data-testid="sign-out">{t.sign_out}</button>
                    </form>
                </Show>
            </div>
            <ActionForm action=create>
                <div class="row">
                    <label for="new-task-title" class="visually-hidden">{t.new_task}</label>
                    <input
                        id="new-task-title"
                        node_ref=title_input
                        name="input[title]"
                        placeholder=t.new_task
                        maxlength="500"
                        aria-describedby="new-task-error"
                    />
                    <button type="submit" data-testid="add-task">{t.add}</button>
                </div>
                <p id="new-task-error" class="field-error" role="alert">{title_error}</p>
            </ActionForm>
            <Transition fallback=move || view! { <p>{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match tasks.await {
                        Ok(list) if list.tasks.is_empty() => view! { <p class="tagline">{t.no_tasks}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="tasks">
                                {list.tasks.into_iter().map(|task| view! { <TaskRow task set_done delete/> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(_) => view! { <p role="alert">{t.load_failed}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn TaskRow(
    task: Task,
    set_done: ServerAction<SetTaskDone>,
    delete: ServerAction<DeleteTask>,
) -> impl IntoView {
    let t = texts(use_context::<Lang>().unwrap_or_default());
    let tick_label = if task.status {
        t.mark_not_done
    } else {
        t.mark_done
    };
    view! {
        <li class="task" class:done=task.status data-testid="task">
            <ActionForm action=set_done>
                <input type="hidden" name="id" value=task.id/>
                <input type="hidden" name="done" value=(!task.status).to_string()/>
                <button type="submit" class="tick" aria-label=tick_label title=tick_label>
                    {if task.status { "✓" } else { "" }}
                </button>
            </ActionForm>
            <span class="title">{task.title}</span>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=task.id/>
                <button type="submit" class="link" aria-label=t.delete title=t.delete>"✕"</button>
            </ActionForm>
        </li>
    }
}
