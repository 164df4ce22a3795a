//! The few direct DOM operations the screens need; nothing happens on the server.

use leptos::ev::Event;

/// Submits the form the event's target belongs to, as if its submit button were pressed.
pub fn submit_enclosing_form(ev: &Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        request_submit(
            ev.target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("form").ok().flatten()),
        );
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// Submits the form with this id.
pub fn submit_form(id: &str) {
    #[cfg(feature = "hydrate")]
    request_submit(
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id)),
    );
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// The submitted form's fields as a URL query string.
pub fn form_query(ev: &leptos::ev::SubmitEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        Some(String::from(params.to_string()))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}

#[cfg(feature = "hydrate")]
fn request_submit(form: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(form) = form.and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok()) {
        let _ = form.request_submit();
    }
}

/// Marks `<html>` once the page is hydrated (tests and the budget script wait for it), and sets
/// its language to the page's. Each screen calls it from its own effect: a screen loaded on
/// demand hydrates after the frame around it.
pub fn mark_hydrated(lang: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("data-hydrated", "true");
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = lang;
}

/// A value kept in the browser between visits (`localStorage`).
pub fn remembered(key: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|storage| storage.get_item(key).ok().flatten())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = key;
        None
    }
}

pub fn remember(key: &str, value: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, value);
}

/// Whether the element with this id has the keyboard focus.
pub fn has_focus(id: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|element| element.id() == id)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = id;
        false
    }
}

/// Keeps a pointer's events on the element it went down on until it is released.
pub fn capture_pointer(ev: &leptos::ev::PointerEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(element) = ev
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        {
            let _ = element.set_pointer_capture(ev.pointer_id());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// The vertical middle of each row of the list the event's element is in, top to bottom, in
/// viewport pixels (a screen may show several lists, one per group).
pub fn row_middles(ev: &leptos::ev::PointerEvent) -> Vec<f64> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(rows) = ev
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("ul").ok().flatten())
            .and_then(|list| list.query_selector_all(":scope > li").ok())
        else {
            return Vec::new();
        };
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .filter_map(|row| row.dyn_into::<web_sys::Element>().ok())
            .map(|row| {
                let rect = row.get_bounding_client_rect();
                rect.top() + rect.height() / 2.0
            })
            .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        Vec::new()
    }
}

/// The task of the row the event came from, then the rows after and before it: where the focus
/// goes back to once the list is shown again (the row itself may have left it).
pub fn row_and_neighbours(ev: &Event) -> Vec<crate::model::TaskId> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let row = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("li[data-task-id]").ok().flatten());
        let Some(row) = row else {
            return Vec::new();
        };
        [
            Some(row.clone()),
            row.next_element_sibling(),
            row.previous_element_sibling(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|row| row.get_attribute("data-task-id")?.parse().ok())
        .collect()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        Vec::new()
    }
}
