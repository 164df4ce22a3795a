use leptos::prelude::*;

use super::session::use_session;
use crate::server_fns::{AppError, Labels, task_labels};

/// The user's categories and tags, loaded again whenever their tasks change.
pub fn use_labels() -> Resource<Result<Labels, AppError>> {
    let session = use_session();
    Resource::new(move || session.tasks_changed.get(), |_| task_labels())
}
