//! Tags as one text field (comma-separated, so the form works without WASM) shown as chips
//! that can be removed, with the user's other tags offered to add.

use leptos::prelude::*;

use super::session::use_session;
use crate::model::{TAGS_INPUT_MAX, TagList};
use crate::server_fns::{AppError, Labels};

fn split(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn TagInput(
    initial: String,
    labels: Resource<Result<Labels, AppError>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let t = use_session().texts();
    let value = RwSignal::new(initial.clone());
    let tags = move || split(&value.get());
    let set_tags = move |tags: Vec<String>| value.set(tags.join(", "));
    let remove = move |tag: String| {
        set_tags(tags().into_iter().filter(|t| *t != tag).collect());
    };
    let add = move |tag: String| {
        let mut current = tags();
        if !current
            .iter()
            .any(|t| TagList::key(t) == TagList::key(&tag))
        {
            current.push(tag);
            set_tags(current);
        }
    };

    view! {
        <div class="field">
            <label for="task-tags">{t.tasks.tags}</label>
            <ul class="chips" aria-label=t.tasks.tags>
                {move || tags().into_iter().map(|tag| {
                    let removed = tag.clone();
                    view! {
                        <li class="chip" data-testid="tag-chip">
                            {tag.clone()}
                            <button type="button" class="chip-remove" aria-label=format!("{}: {tag}", t.tasks.remove_tag)
                                on:click=move |_| remove(removed.clone())>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input id="task-tags" name="task[tags]" autocomplete="off" maxlength=TAGS_INPUT_MAX
                value=initial
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby="task-tags-hint task-tags-error" data-testid="edit-tags"/>
            <p id="task-tags-hint" class="hint small">{t.tasks.tags_hint}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let known = labels.await.map(|l| l.tags).unwrap_or_default();
                    (!known.is_empty()).then(|| view! {
                        <div class="suggestions" role="group" aria-label=t.tasks.suggested_tags>
                            {known.into_iter().map(|tag| {
                                let added = tag.clone();
                                view! {
                                    <button type="button" class="chip suggestion" on:click=move |_| add(added.clone())>
                                        "+ "{tag}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                    })
                })}
            </Suspense>
            <p id="task-tags-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
