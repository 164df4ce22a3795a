//! Browser sign-in (product.md, "Browser sign-in"): `GET /auth/telegram` (the Login Widget's
//! callback), `GET /auth/link/{token}` (the bot's one-time link), `POST /auth/register`,
//! `POST /auth/login` (form or JSON) and `POST /auth/logout`; in development also `dev`'s `POST /auth/dev…`. Each success opens a session (the
//! cookie) and redirects to `/`; JSON callers get 200/201 and the profile.

mod attempt;
pub mod dev;
mod link;
mod login_widget;
mod logout;
mod page;
mod password;
mod reply;

use app::server::AppState;
use axum::routing::{get, post};
use axum::{Router, middleware};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/telegram", get(login_widget::widget_callback))
        .route("/auth/link/{token}", get(link::redeem))
        .route("/auth/register", post(password::register))
        .route("/auth/login", post(password::log_in))
        .route("/auth/logout", post(logout::log_out))
        .layer(middleware::from_fn(crate::rest::error::localize))
}
