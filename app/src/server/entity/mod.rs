pub mod api_token;
pub mod task;
pub mod task_tag;
pub mod user;
