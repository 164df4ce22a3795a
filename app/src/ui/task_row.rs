use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::form_action::form_action;
use super::reorder::Reorder;
use super::session::use_session;
use super::task_screen::use_task_screen;
use super::{dom, format};
use crate::mini_app::{self, Haptic};
use crate::model::Priority;
use crate::server_fns::{SetTaskDone, TaskView};

/// One task: its tick (a form, so it works without WASM; shown ticked at once and rolled back
/// with a message if the server refuses), its title and details linking to the edit screen,
/// and, in the manual order, a handle to move it. The tick's form dispatches its action itself
/// once hydrated, as the quick add's does (not `ActionForm`: see `task_list::QuickAdd`).
#[component]
pub fn TaskRow(item: TaskView, reorder: Option<Reorder>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let TaskView { task, due } = item;
    let id = task.id;
    let saved_done = task.status;

    let screen = use_task_screen();
    let set_done = form_action::<SetTaskDone>();
    let done = move || match (set_done.input().get(), set_done.value().get()) {
        (Some(pending), _) => pending.done,
        (None, Some(Ok(changed))) => changed.task.status,
        _ => saved_done,
    };
    // The tick keeps the keyboard focus where it was, or on a neighbour if the row left the list.
    let refocus = StoredValue::new(Vec::new());
    let tick_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let (Some(button), Some(screen)) = (tick_button.get(), screen)
            && screen.takes_focus(id)
        {
            let _ = button.focus();
        }
    });
    Effect::new(move |_| match set_done.value().get() {
        Some(Ok(changed)) => match screen {
            Some(screen) => screen.show_focused(changed.list, &refocus.get_value()),
            None => session.tasks_changed(),
        },
        Some(Err(error)) => session.report_refusal(&error),
        None => {}
    });
    let tick_label = move || {
        if done() {
            t.tasks.mark_not_done
        } else {
            t.tasks.mark_done
        }
    };

    let shift = move || {
        reorder
            .and_then(|r| r.drag.get())
            .filter(|drag| drag.id == id)
            .map(|drag| format!("translateY({}px)", drag.offset))
    };
    let overdue = due.as_ref().is_some_and(|d| d.overdue);
    let due_text = due.map(|due| due.label);
    let priority = (task.priority != Priority::Normal).then_some(task.priority);

    view! {
        <li
            class="task"
            class:done=done
            class:lifted=move || shift().is_some()
            style:transform=shift
            data-testid="task"
            data-task-id=id
        >
            {reorder.map(|r| view! {
                <button
                    type="button"
                    class="handle"
                    aria-label=format!("{}: {}", t.tasks.drag_handle, task.title)
                    aria-describedby="reorder-hint"
                    data-testid="drag-handle"
                    on:pointerdown=move |ev| {
                        ev.prevent_default();
                        r.start(id, &ev);
                    }
                    on:pointermove=move |ev| r.follow(&ev)
                    on:pointerup=move |ev| r.finish(&ev)
                    on:pointercancel=move |_| r.cancel()
                    on:keydown=move |ev| match ev.key().as_str() {
                        "ArrowUp" => { ev.prevent_default(); r.step(id, -1) }
                        "ArrowDown" => { ev.prevent_default(); r.step(id, 1) }
                        _ => {}
                    }
                >
                    "⠿"
                </button>
            })}
            <form method="post" action=SetTaskDone::PATH class="tick-form" on:submit=move |ev| {
                ev.prevent_default();
                refocus.set_value(dom::row_and_neighbours(&ev));
                set_done.dispatch(SetTaskDone {
                    id,
                    done: !untrack(done),
                    screen: screen.map(|screen| screen.query()),
                });
            }>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="done" value=move || (!done()).to_string()/>
                <button
                    type="submit"
                    class="tick"
                    node_ref=tick_button
                    aria-label=tick_label
                    title=tick_label
                    aria-pressed=move || done().to_string()
                    data-testid="tick"
                    on:click=move |_| mini_app::haptic(if done() { Haptic::Tap } else { Haptic::Success })
                >
                    <span aria-hidden="true">{move || if done() { "✓" } else { "" }}</span>
                </button>
            </form>
            <a href=format!("/tasks/{id}") class="task-main" data-testid="open-task">
                <span class="title">{task.title.clone()}</span>
                <span class="meta">
                    {due_text.map(|text| view! {
                        <span class="due" class:overdue=overdue>
                            {overdue.then(|| view! { <span class="visually-hidden">{t.common.overdue}": "</span> })}
                            {text}
                        </span>
                    })}
                    {priority.map(|p| view! {
                        <span class=format!("badge priority-{}", p.as_str())>{format::priority(t, p)}</span>
                    })}
                    {task.category.map(|c| view! { <span class="badge">{c}</span> })}
                    {task.tags.into_iter().map(|tag| view! { <span class="tag">"#"{tag}</span> }).collect_view()}
                </span>
            </a>
        </li>
    }
    .into_any()
}
