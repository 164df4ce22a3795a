pub mod api_token;
pub mod idempotency_key;
pub mod login_link;
pub mod reminder;
pub mod session;
pub mod task;
pub mod task_tag;
pub mod user;
