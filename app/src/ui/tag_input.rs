//! Tags: once the page is interactive, chips that can be removed, a field for the next tag
//! (Enter or a comma adds it, Backspace in the empty field takes the last one back) and the user's
//! other tags offered to add. The form sends them as one comma-separated field, so without WASM
//! it is that plain text field.

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

/// `tags` with `more` added, each tag once (compared as the model compares them).
fn with_added(mut tags: Vec<String>, more: Vec<String>) -> Vec<String> {
    for tag in more {
        if !tags.iter().any(|t| TagList::key(t) == TagList::key(&tag)) {
            tags.push(tag);
        }
    }
    tags
}

#[component]
pub fn TagInput(
    initial: String,
    labels: Resource<Result<Labels, AppError>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let t = use_session().texts();
    let chosen = RwSignal::new(split(&initial));
    let draft = RwSignal::new(String::new());
    // Before hydration (and without WASM) the field holds every tag as text.
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));

    let all = move || with_added(chosen.get(), split(&draft.get()));
    let choose = move |more: Vec<String>| {
        chosen.update(|tags| *tags = with_added(std::mem::take(tags), more));
    };
    let commit = move || {
        let typed = split(&draft.get_untracked());
        if !typed.is_empty() {
            choose(typed);
        }
        draft.set(String::new());
    };
    let remove = move |tag: &str| chosen.update(|tags| tags.retain(|t| t != tag));
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        match value.rfind(',') {
            // What is before the last comma is finished; the rest is still being typed.
            Some(at) => {
                let (done, rest) = value.split_at(at);
                choose(split(done));
                draft.set(rest[1..].trim_start().to_owned());
            }
            None => draft.set(value),
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            // A tag, not the whole form.
            ev.prevent_default();
            commit();
        }
        "Backspace" if draft.with_untracked(String::is_empty) => {
            if let Some(last) = chosen.get_untracked().pop() {
                ev.prevent_default();
                remove(&last);
                draft.set(last);
            }
        }
        _ => {}
    };

    view! {
        <div class="field">
            <label for="task-tags">{t.tasks.tags}</label>
            <Show when=move || interactive.get()>
                <ul class="chips" aria-label=t.tasks.tags>
                    {move || chosen.get().into_iter().map(|tag| {
                        let removed = tag.clone();
                        view! {
                            <li class="chip" data-testid="tag-chip">
                                {tag.clone()}
                                <button type="button" class="chip-remove" aria-label=format!("{}: {tag}", t.tasks.remove_tag)
                                    on:click=move |_| remove(&removed)>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <input type="hidden" name="task[tags]" prop:value=move || all().join(", ")/>
            </Show>
            <input id="task-tags" name=move || (!interactive.get()).then_some("task[tags]")
                autocomplete="off" maxlength=TAGS_INPUT_MAX enterkeyhint="enter"
                value=initial
                prop:value=move || if interactive.get() { draft.get() } else { chosen.with(|tags| tags.join(", ")) }
                on:input=on_input
                on:keydown=on_keydown
                on:change=move |_| commit()
                aria-describedby="task-tags-hint task-tags-error" data-testid="edit-tags"/>
            <p id="task-tags-hint" class="hint small">{t.tasks.tags_hint}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let known = labels.await.map(|l| l.tags).unwrap_or_default();
                    // The user's other tags, less those this task has.
                    move || {
                        let taken = all();
                        let offered: Vec<String> = known
                            .iter()
                            .filter(|tag| !taken.iter().any(|t| TagList::key(t) == TagList::key(tag)))
                            .cloned()
                            .collect();
                        (!offered.is_empty()).then(|| view! {
                            <div class="suggestions" role="group" aria-label=t.tasks.suggested_tags>
                                {offered.into_iter().map(|tag| {
                                    let added = vec![tag.clone()];
                                    view! {
                                        <button type="button" class="chip suggestion"
                                            on:click=move |_| choose(added.clone())>
                                            "+ "{tag}
                                        </button>
                                    }
                                }).collect_view()}
                            </div>
                        })
                    }
                })}
            </Suspense>
            <p id="task-tags-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}
