//! Types shared by the server and the browser, and the one place their rules live.

mod field_error;
mod priority;
mod profile;
mod query;
pub mod rfc3339;
mod task;
mod text;
mod when;

pub use field_error::{FieldError, FieldErrors};
pub use priority::Priority;
pub use profile::{DigestTime, Profile, ProfilePatch, ProfilePatchInput, TimeZoneName};
pub use query::{SortBy, TaskQuery, TaskQueryInput};
pub use task::{
    NewTask, NewTaskInput, PriorityCounts, ReorderInput, Stats, Task, TaskId, TaskPatch,
    TaskPatchInput,
};
pub use text::{Category, Description, TagList, Title};
pub use when::When;

/// For partial updates: an absent field stays `None`, an explicit `null` becomes `Some(None)`.
fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
}
