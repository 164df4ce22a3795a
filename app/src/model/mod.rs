//! Types shared by the server and the browser, and the one place their rules live.

mod account_error;
mod api_token;
mod credentials;
mod field_error;
mod idempotency_key;
mod month;
mod priority;
mod profile;
mod query;
mod quick_add;
pub mod rfc3339;
mod settings_form;
mod task;
mod task_form;
mod text;
mod when;

pub use account_error::AccountError;
pub use api_token::{
    ApiToken, ApiTokenId, CreatedApiToken, NewApiTokenInput, TOKEN_NAME_MAX, TokenName, TokenSecret,
};
pub use credentials::{
    CredentialsInput, NewCredentials, PASSWORD_MAX, PASSWORD_MIN, Password, PasswordChange,
    PasswordChangeInput, USERNAME_MAX, USERNAME_MIN, Username,
};
pub use field_error::{FieldError, FieldErrors};
pub use idempotency_key::IdempotencyKey;
pub use month::Month;
pub use priority::Priority;
pub use profile::{DigestTime, Profile, ProfilePatch, ProfilePatchInput, Theme, TimeZoneName};
pub use query::{DueFilter, SortBy, TaskQuery, TaskQueryInput};
pub use quick_add::{
    DefaultDay, Literal, QUICK_ADD_MAX, QuickAddInput, ReadOptions, Reading, Understood,
    parse_quick_add, parse_quick_add_on, read_quick_add,
};
pub use settings_form::SettingsForm;
pub use task::{
    CalendarDay, DayCount, NewTask, NewTaskInput, PriorityCounts, ReorderInput, Stats, Task,
    TaskId, TaskPatch, TaskPatchInput,
};
pub use task_form::TaskForm;
pub use text::{
    CATEGORY_MAX, Category, DESCRIPTION_MAX, Description, TAG_MAX, TAGS_INPUT_MAX, TAGS_MAX,
    TITLE_MAX, TagList, Title,
};
pub use when::When;

/// For partial updates: an absent field stays `None`, an explicit `null` becomes `Some(None)`.
fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
}
