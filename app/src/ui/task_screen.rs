//! What the tasks screen shares with its rows and its quick add: the query string its list is
//! for, and the list itself, which a change's answer replaces (one request per action).

use leptos::prelude::*;

use super::session::Session;
use crate::model::TaskId;
use crate::server_fns::{AppError, TaskList};

#[derive(Clone, Copy)]
pub struct TaskScreen {
    /// The screen's query string (`view=today&q=milk`), sent with each change.
    pub screen: Memo<String>,
    pub list: Resource<Result<TaskList, AppError>>,
    pub session: Session,
    /// The row whose tick takes the keyboard focus once the list is shown again.
    pub focus: StoredValue<Option<TaskId>>,
}

impl TaskScreen {
    /// The query string to send with a change made on the screen, with its `?`: an empty one
    /// would arrive as no screen at all.
    pub fn query(&self) -> String {
        format!("?{}", self.screen.get_untracked())
    }

    /// Shows a change's answer: the list it carries, or, when it carries none, whatever the
    /// screens load again after a change.
    pub fn show(&self, list: Option<TaskList>) {
        self.show_focused(list, &[]);
    }

    /// [`show`](Self::show), the focus then on the first of `rows` still in the list.
    pub fn show_focused(&self, list: Option<TaskList>, rows: &[TaskId]) {
        match list {
            Some(list) => {
                let shown = |id: &&TaskId| {
                    let mut tasks = list.groups.iter().flat_map(|group| &group.tasks);
                    tasks.any(|item| item.task.id == **id)
                };
                self.focus.set_value(rows.iter().find(shown).copied());
                // Not at once: the new list replaces the rows, and with them the action that is
                // still finishing in the row that asked.
                let resource = self.list;
                queue_microtask(move || resource.set(Some(Ok(list))));
            }
            None => self.session.tasks_changed(),
        }
    }

    /// Whether the row of `id` is to take the focus (once).
    pub fn takes_focus(&self, id: TaskId) -> bool {
        let takes = self.focus.get_value() == Some(id);
        if takes {
            self.focus.set_value(None);
        }
        takes
    }
}

/// The tasks screen around the caller, if there is one (the calendar's agenda has rows too).
pub fn use_task_screen() -> Option<TaskScreen> {
    use_context::<TaskScreen>()
}
