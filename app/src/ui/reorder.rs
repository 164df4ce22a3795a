//! Moving a task within its list: drag its handle (mouse or touch, through pointer events) or
//! press the arrow keys on it. The row follows the pointer; the order changes on release.

use leptos::prelude::*;

use super::dom;
use crate::model::TaskId;
use crate::server_fns::TaskView;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drag {
    pub id: TaskId,
    start_y: i32,
    /// Whole pixels: formatting floats would pull float printing into the WASM.
    pub offset: i32,
}

#[derive(Clone, Copy)]
pub struct Reorder {
    pub items: RwSignal<Vec<TaskView>>,
    pub drag: RwSignal<Option<Drag>>,
    /// Saves the current order; given the order before the move, to roll back to.
    pub save_order: Callback<Vec<TaskView>>,
}

impl Reorder {
    fn index_of(&self, id: TaskId) -> Option<usize> {
        self.items
            .with_untracked(|items| items.iter().position(|item| item.task.id == id))
    }

    fn move_to(&self, id: TaskId, target: usize) {
        let Some(from) = self.index_of(id) else {
            return;
        };
        let before = self.items.get_untracked();
        let target = target.min(before.len().saturating_sub(1));
        if from == target {
            return;
        }
        self.items.update(|items| {
            let item = items.remove(from);
            items.insert(target, item);
        });
        self.save_order.run(before);
    }

    /// One place up (`-1`) or down (`1`).
    pub fn step(&self, id: TaskId, delta: isize) {
        if let Some(from) = self.index_of(id) {
            self.move_to(id, from.saturating_add_signed(delta));
        }
    }

    pub fn start(&self, id: TaskId, ev: &leptos::ev::PointerEvent) {
        dom::capture_pointer(ev);
        self.drag.set(Some(Drag {
            id,
            start_y: ev.client_y(),
            offset: 0,
        }));
    }

    pub fn follow(&self, ev: &leptos::ev::PointerEvent) {
        self.drag.update(|drag| {
            if let Some(drag) = drag {
                drag.offset = ev.client_y() - drag.start_y;
            }
        });
    }

    /// Drops the row where the pointer is: before the first other row whose middle is below it.
    pub fn finish(&self, ev: &leptos::ev::PointerEvent) {
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        self.drag.set(None);
        let Some(from) = self.index_of(drag.id) else {
            return;
        };
        let y = ev.client_y() as f64;
        let target = dom::row_middles(ev)
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != from)
            .filter(|(_, middle)| **middle < y)
            .count();
        self.move_to(drag.id, target);
    }

    pub fn cancel(&self) {
        self.drag.set(None);
    }
}
