//! The tasks screen: tabs, quick add, search and filters, and the list in its groups, which can
//! be reordered by dragging.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use super::filter_bar::FilterBar;
use super::list_params::{ListParams, Tab};
use super::quick_add::QuickAdd;
use super::session::{ScreenReady, use_session};
use super::task_row::TaskRow;
use super::task_screen::TaskScreen;
use crate::mini_app::{self, TelegramButton};
use crate::model::TaskId;
use crate::server_fns::{
    AppError, TaskGroup, TaskList, TaskView, list_tasks, move_to_today, reorder_tasks,
};

#[component]
pub fn TaskListPage() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let query = use_query_map();
    let params = Memo::new(move |_| ListParams::from_query(&query.read()));
    let screen = use_location().search;
    let list = Resource::new(
        move || (screen.get(), session.tasks_changed.get()),
        |(screen, _)| list_tasks(screen),
    );
    provide_context(TaskScreen {
        screen,
        list,
        session,
        focus: StoredValue::new(None),
    });

    let navigate = use_navigate();
    Effect::new(move |_| {
        let navigate = navigate.clone();
        let id = mini_app::show_button(TelegramButton::Main, t.tasks.add_task, move || {
            navigate("/tasks/new", Default::default())
        });
        on_cleanup(move || mini_app::hide_button(TelegramButton::Main, id));
    });

    // The last list shown stays on screen when loading it again fails.
    let shown = StoredValue::new(None::<TaskList>);
    view! {
        <h1 class="visually-hidden">{t.common.tasks}</h1>
        <Tabs params/>
        <QuickAdd params/>
        <FilterBar params list/>
        <Transition fallback=move || view! { <p class="hint" aria-busy="true">{t.common.loading}</p> }>
            {move || Suspend::new(async move {
                let params = params.get_untracked();
                let (list, failed) = match list.await {
                    Ok(list) => {
                        shown.set_value(Some(list.clone()));
                        (Some(list), None)
                    }
                    Err(error) => (shown.get_value(), Some(error)),
                };
                let failed = failed.map(load_failed_note);
                let content = match list {
                    Some(list) if list.groups.is_empty() => {
                        let text = if params.filtered() { t.tasks.empty_search } else { params.tab.empty(t) };
                        view! { <p class="empty" data-testid="empty">{text}</p> }.into_any()
                    }
                    Some(list) => groups(list).into_any(),
                    None => ().into_any(),
                };
                view! { <ScreenReady/> {failed} {content} }
            })}
        </Transition>
    }
}

/// Why the list could not be loaded (no connection, too many requests, the server), above the
/// list loaded before, if any. (Plain functions rather than components here and below: each
/// component costs the first WASM its own wrapper.)
fn load_failed_note(error: AppError) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    view! {
        <div class="card load-failed" role="alert" data-testid="load-failed">
            <p>{session.why_failed(&error)}</p>
            <button type="button" on:click=move |_| session.tasks_changed()>{t.common.retry}</button>
        </div>
    }
}

/// The list's groups, each under its heading; rows can be dragged within a group when the list
/// is in the manual order.
fn groups(list: TaskList) -> impl IntoView {
    let t = use_session().texts();
    let draggable = list.manual;
    view! {
        {draggable.then(|| view! { <p class="hint small" id="reorder-hint">{t.tasks.reorder_hint}</p> })}
        {list.groups.into_iter().map(|group| group_view(group, draggable)).collect_view()}
    }
}

fn group_view(group: TaskGroup, draggable: bool) -> impl IntoView {
    let TaskGroup {
        heading,
        overdue,
        tasks,
    } = group;
    let move_button = overdue.then(|| {
        let ids: Vec<TaskId> = tasks.iter().map(|item| item.task.id).collect();
        move_to_today_button(ids)
    });
    view! {
        <section class="task-group" class:overdue=overdue data-testid=if overdue { "overdue-group" } else { "task-group" }>
            {heading.map(|heading| view! {
                <div class="group-heading">
                    <h2>{heading}</h2>
                    {move_button}
                </div>
            })}
            <TaskItems tasks draggable/>
        </section>
    }
}

/// Moves every task of the overdue group to today in one tap.
fn move_to_today_button(ids: Vec<TaskId>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = expect_context::<TaskScreen>();
    let pending = RwSignal::new(false);
    let on_click = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        let ids = ids.clone();
        leptos::task::spawn_local(async move {
            match move_to_today(ids, screen.query()).await {
                Ok(list) => screen.show(Some(list)),
                Err(error) => session.report_refusal(&error),
            }
            pending.set(false);
        });
    };
    view! {
        <button
            type="button"
            class="secondary small"
            data-testid="move-to-today"
            disabled=move || pending.get()
            aria-busy=move || pending.get().then_some("true")
            on:click=on_click
        >
            {t.tasks.move_to_today}
        </button>
    }
}

#[component]
fn Tabs(params: Memo<ListParams>) -> impl IntoView {
    let t = use_session().texts();
    view! {
        <nav class="tabs" aria-label=t.common.tasks>
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let href = move || {
                        let sort = params.with(|p| p.sort.clone());
                        match sort.is_empty() {
                            true => format!("/?view={}", tab.code()),
                            false => format!("/?view={}&sort={sort}", tab.code()),
                        }
                    };
                    let current = move || (params.with(|p| p.tab) == tab).then_some("page");
                    view! {
                        <a href=href aria-current=current data-testid=format!("tab-{}", tab.code())>
                            {tab.label(t)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The list; with `draggable`, each row has a handle that moves it (pointer or arrow keys), and
/// the new order is saved at once, or rolled back with a message if the server refuses.
#[component]
fn TaskItems(tasks: Vec<TaskView>, draggable: bool) -> impl IntoView {
    let session = use_session();
    let items = RwSignal::new(tasks);
    let drag = RwSignal::new(None);

    let save_order = move |before: Vec<TaskView>| {
        let ids: Vec<TaskId> =
            items.with_untracked(|items| items.iter().map(|i| i.task.id).collect());
        if before.iter().map(|i| i.task.id).eq(ids.iter().copied()) {
            return;
        }
        // On success the list already shows the new order: nothing is loaded again, so the
        // moved row keeps the keyboard focus.
        leptos::task::spawn_local(async move {
            if let Err(error) = reorder_tasks(ids).await {
                items.set(before);
                session.report_refusal(&error);
            }
        });
    };
    let reorder = super::reorder::Reorder {
        items,
        drag,
        save_order: Callback::new(save_order),
    };

    view! {
        <ul class="tasks" data-testid="task-list" class:dragging=move || drag.with(Option::is_some)>
            <For each=move || items.get() key=|item| (item.task.id, item.task.updated_at) let:item>
                <TaskRow item reorder=draggable.then_some(reorder)/>
            </For>
        </ul>
    }
}
