//! The tasks screen: tabs, quick add, search and filters (all in the URL, so they survive a
//! reload and work as a plain GET form), and the list, which can be reordered by dragging.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

use super::dom;
use super::i18n::Texts;
use super::session::{ScreenReady, use_session};
use super::submission_key;
use super::task_row::TaskRow;
use super::task_screen::TaskScreen;
use crate::mini_app::{self, TelegramButton};
use crate::model::{Priority, QUICK_ADD_MAX, TaskId, TaskQuery};
use crate::server_fns::{
    AppError, Labels, QuickAddTask, TaskGroup, TaskList, TaskView, list_tasks, move_to_today,
    reorder_tasks,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    Today,
    Upcoming,
    #[default]
    All,
    Done,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Today, Tab::Upcoming, Tab::All, Tab::Done];

    fn code(self) -> &'static str {
        match self {
            Tab::Today => "today",
            Tab::Upcoming => "upcoming",
            Tab::All => "all",
            Tab::Done => "done",
        }
    }

    fn parse(code: &str) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|tab| tab.code() == code)
            .unwrap_or_default()
    }

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Tab::Today => t.tasks.tab_today,
            Tab::Upcoming => t.tasks.tab_upcoming,
            Tab::All => t.tasks.tab_all,
            Tab::Done => t.tasks.tab_done,
        }
    }

    fn empty(self, t: &Texts) -> &'static str {
        match self {
            Tab::Today => t.tasks.empty_today,
            Tab::Upcoming => t.tasks.empty_upcoming,
            Tab::All => t.tasks.empty_all,
            Tab::Done => t.tasks.empty_done,
        }
    }
}

/// The screen's state as the URL carries it.
#[derive(Debug, Clone, PartialEq, Default)]
struct ListParams {
    tab: Tab,
    search: String,
    priority: String,
    category: String,
    tag: String,
    sort: String,
}

impl ListParams {
    fn from_query(query: &ParamsMap) -> ListParams {
        let get = |key: &str| query.get(key).unwrap_or_default();
        ListParams {
            tab: Tab::parse(&get("view")),
            search: get("q"),
            priority: get("priority"),
            category: get("category"),
            tag: get("tag"),
            sort: get("sort"),
        }
    }

    /// Whether a filter or a sort other than the manual order is chosen.
    fn narrowed(&self) -> bool {
        !self.manual_order()
            || ![&self.priority, &self.category, &self.tag]
                .iter()
                .all(|value| value.trim().is_empty())
    }

    fn filtered(&self) -> bool {
        ![&self.search, &self.priority, &self.category, &self.tag]
            .iter()
            .all(|value| value.trim().is_empty())
    }

    /// Dragging sets the manual order, so it is offered only when the list shows that order.
    fn manual_order(&self) -> bool {
        matches!(self.sort.as_str(), "" | "position")
    }
}

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
                let failed = failed.map(|error| view! { <LoadFailedNote error/> });
                let content = match list {
                    Some(list) if list.groups.is_empty() => {
                        let text = if params.filtered() { t.tasks.empty_search } else { params.tab.empty(t) };
                        view! { <p class="empty" data-testid="empty">{text}</p> }.into_any()
                    }
                    Some(list) => view! { <Groups list/> }.into_any(),
                    None => ().into_any(),
                };
                view! { <ScreenReady/> {failed} {content} }
            })}
        </Transition>
    }
}

/// Why the list could not be loaded (no connection, too many requests, the server), above the
/// list loaded before, if any.
#[component]
fn LoadFailedNote(error: AppError) -> impl IntoView {
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
#[component]
fn Groups(list: TaskList) -> impl IntoView {
    let t = use_session().texts();
    let draggable = list.manual;
    view! {
        <Show when=move || draggable>
            <p class="hint small" id="reorder-hint">{t.tasks.reorder_hint}</p>
        </Show>
        {list.groups.into_iter().map(|group| view! { <Group group draggable/> }).collect_view()}
    }
}

#[component]
fn Group(group: TaskGroup, draggable: bool) -> impl IntoView {
    let TaskGroup {
        heading,
        overdue,
        tasks,
    } = group;
    let move_button = overdue.then(|| {
        let ids: Vec<TaskId> = tasks.iter().map(|item| item.task.id).collect();
        view! { <MoveToToday ids/> }
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
#[component]
fn MoveToToday(ids: Vec<TaskId>) -> impl IntoView {
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

/// One line, read by the same parser as the bot's `/add` ("купить молоко завтра 9:00 #дом !high");
/// the full form is one tap away. A plain form posting to the server function (it works without
/// WASM); once hydrated, a submit dispatches the action instead, and the button stays disabled
/// while it is on its way, so that Enter and a tap do not add the task twice.
/// Not `ActionForm`: that one decodes the form's fields with serde_qs, a decoder the first WASM
/// would then carry for this form and the tick alone (bench/WASM_SIZE.md).
#[component]
fn QuickAdd(params: Memo<ListParams>) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let screen = expect_context::<TaskScreen>();
    let add = ServerAction::<QuickAddTask>::new();
    let text_input = NodeRef::<leptos::html::Input>::new();
    let key_input = NodeRef::<leptos::html::Input>::new();
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
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if add.pending().get_untracked() {
            return;
        }
        let Some(text) = text_input.get_untracked().map(|input| input.value()) else {
            return;
        };
        add.dispatch(QuickAddTask {
            text,
            view: Some(view_code().to_owned()),
            key: key_input.get_untracked().map(|input| input.value()),
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
                    aria-describedby="new-task-error"
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
            <p id="new-task-error" class="field-error" role="alert">{text_error}</p>
        </form>
    }
}

/// Search and filters as a GET form: without WASM it reloads the page with the new query; with
/// it, typing searches after a pause and every choice applies at once.
#[component]
fn FilterBar(
    params: Memo<ListParams>,
    list: Resource<Result<TaskList, AppError>>,
) -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let initial = params.get_untracked();
    let pending_search = StoredValue::new(None::<TimeoutHandle>);
    let on_search = move |ev: leptos::ev::Event| {
        if let Some(handle) = pending_search.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || dom::submit_enclosing_form(&ev),
            std::time::Duration::from_millis(300),
        );
        pending_search.set_value(handle.ok());
    };
    let selected = move |value: &str, current: &str| value == current;
    let navigate = use_navigate();
    // After hydration the query changes in place, without a page load or a history entry.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        if let Some(query) = dom::form_query(&ev) {
            ev.prevent_default();
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("/?{query}"), options);
        }
    };

    view! {
        <form method="get" action="/" on:submit=on_submit>
            <div class="filters">
                <input type="hidden" name="view" value=initial.tab.code()/>
                <label for="search" class="visually-hidden">{t.tasks.search}</label>
                <input
                    id="search"
                    type="search"
                    name="q"
                    value=initial.search.clone()
                    placeholder=t.tasks.search_placeholder
                    maxlength=TaskQuery::MAX_SEARCH
                    autocomplete="off"
                    data-testid="search"
                    on:input=on_search
                />
                <details class="more-filters" open=initial.narrowed()>
                    <summary>{t.tasks.filters}</summary>
                    <div class="filter-fields">
                    <label for="filter-priority" class="visually-hidden">{t.tasks.priority}</label>
                    <select id="filter-priority" name="priority" data-testid="filter-priority" on:change=move |ev| dom::submit_enclosing_form(&ev)>
                        <option value="">{t.tasks.any_priority}</option>
                        {Priority::ALL.into_iter().map(|p| {
                            let is_current = selected(p.as_str(), &initial.priority);
                            view! { <option value=p.as_str() selected=is_current>{super::format::priority(t, p)}</option> }
                        }).collect_view()}
                    </select>
                    <LabelFilter name="category" label=t.tasks.category any=t.tasks.any_category
                        current=initial.category.clone() list pick=|l| l.categories/>
                    <LabelFilter name="tag" label=t.tasks.tags any=t.tasks.any_tag
                        current=initial.tag.clone() list pick=|l| l.tags/>
                    <label for="sort" class="visually-hidden">{t.tasks.sort}</label>
                    <select id="sort" name="sort" data-testid="sort" on:change=move |ev| dom::submit_enclosing_form(&ev)>
                        {[("position", t.tasks.sort_position), ("date", t.tasks.sort_date), ("priority", t.tasks.sort_priority), ("title", t.tasks.sort_title)]
                            .into_iter()
                            .map(|(value, label)| {
                                let is_current = selected(value, &initial.sort) || (value == "position" && initial.sort.is_empty());
                                view! { <option value=value selected=is_current>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                    </div>
                </details>
                <button type="submit" class="secondary">{t.tasks.apply}</button>
            </div>
        </form>
    }
}

/// A filter by one of the user's categories or tags, the one in the URL selected.
#[component]
fn LabelFilter(
    name: &'static str,
    label: &'static str,
    any: &'static str,
    current: String,
    list: Resource<Result<TaskList, AppError>>,
    pick: fn(Labels) -> Vec<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <label for=id.clone() class="visually-hidden">{label}</label>
        <select id=id.clone() name=name data-testid=id on:change=move |ev| dom::submit_enclosing_form(&ev)>
            <option value="">{any}</option>
            <Suspense fallback=|| ()>
                {move || {
                    let current = current.clone();
                    Suspend::new(async move {
                        let values = list.await.map(|list| pick(list.labels)).unwrap_or_default();
                        values.into_iter().map(|value| {
                            let selected = value == current;
                            let text = value.clone();
                            view! { <option value=value selected=selected>{text}</option> }
                        }).collect_view()
                    })
                }}
            </Suspense>
        </select>
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
