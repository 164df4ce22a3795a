//! The tasks screen's search and filters.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use super::dom;
use super::list_params::ListParams;
use super::session::use_session;
use crate::model::{Priority, TaskQuery};
use crate::server_fns::{AppError, Labels, TaskList};

/// Search and filters as a GET form: without WASM it reloads the page with the new query; with
/// it, typing searches after a pause and every choice applies at once.
#[component]
pub fn FilterBar(
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
