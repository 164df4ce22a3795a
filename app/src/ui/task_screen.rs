//! What the tasks screen shares with its rows and its quick add: the query string its list is
//! for, and the list itself, which a change's answer replaces (one request per action).

use leptos::prelude::*;

use super::session::Session;
use crate::server_fns::{AppError, TaskList};

#[derive(Clone, Copy)]
pub struct TaskScreen {
    /// The screen's query string (`view=today&q=milk`), sent with each change.
    pub screen: Memo<String>,
    pub list: Resource<Result<TaskList, AppError>>,
    pub session: Session,
}

impl TaskScreen {
    /// The query string to send with a change made on the screen.
    pub fn query(&self) -> String {
        self.screen.get_untracked()
    }

    /// Shows a change's answer: the list it carries, or, when it carries none, whatever the
    /// screens load again after a change.
    pub fn show(&self, list: Option<TaskList>) {
        match list {
            Some(list) => self.list.set(Some(Ok(list))),
            None => self.session.tasks_changed(),
        }
    }
}

/// The tasks screen around the caller, if there is one (the calendar's agenda has rows too).
pub fn use_task_screen() -> Option<TaskScreen> {
    use_context::<TaskScreen>()
}
