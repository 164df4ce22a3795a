//! The Undo after a delete: the page's notice says the task is gone and, for a few seconds (for
//! as long as its button has the focus), offers to bring it back. Only the edit screen deletes,
//! so this code travels in that screen's WASM chunk; the layout just shows the notice's button.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

use super::dom;
use super::session::Session;
use crate::model::TaskId;
use crate::server_fns::restore_task;

const SHOWN_FOR: Duration = Duration::from_secs(6);
const BUTTON_ID: &str = "undo-delete";

thread_local! {
    /// Counts the offers, so that the timer of one leaves a later one alone.
    static OFFERS: Cell<u32> = const { Cell::new(0) };
}

/// Says that task `id` was deleted, with a button that restores it.
pub fn offer(session: Session, id: TaskId) {
    let t = session.texts();
    let offer = OFFERS.with(|offers| {
        offers.set(offers.get().wrapping_add(1));
        offers.get()
    });
    session.notice.set(Some(t.tasks.deleted.to_owned()));
    session.notice_action.set(Some(ViewFn::from(move || {
        view! {
            <button type="button" id=BUTTON_ID class="undo" data-testid="undo"
                on:click=move |_| restore(session, id)>
                {t.tasks.undo}
            </button>
        }
    })));
    withdraw_later(session, offer);
}

fn withdraw_later(session: Session, offer: u32) {
    set_timeout(
        move || {
            let replaced = OFFERS.with(Cell::get) != offer
                || session.notice_action.with_untracked(Option::is_none);
            if replaced {
                return;
            }
            match dom::has_focus(BUTTON_ID) {
                true => withdraw_later(session, offer),
                false => withdraw(session),
            }
        },
        SHOWN_FOR,
    );
}

fn withdraw(session: Session) {
    session.notice_action.set(None);
    session.notice.set(None);
}

fn restore(session: Session, id: TaskId) {
    withdraw(session);
    leptos::task::spawn_local(async move {
        match restore_task(id).await {
            Ok(_) => {
                session.tasks_changed();
                session.say(session.texts().tasks.restored);
            }
            Err(error) => session.report_refusal(&error),
        }
    });
}
