//! Before a page is rendered, its frame (the ways in, the profile) is loaded and handed to the
//! render in the request's extensions, with the user it proved: the layout then renders at once,
//! and the page's server functions do not check the credentials again (`app::server_fns::frame`).
//!
//! A page asked for with credentials in a header (inside Telegram, `Authorization: tma`, by the
//! page's first script: `app/src/ui/telegram_boot.rs`) that do not prove anyone is refused with
//! 401 instead of being rendered signed out; and no page is kept by a shared cache.

use app::server::{AppState, RequestUser};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    // The same router serves the server functions, all posted.
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let (frame, user) = app::server_fns::page_frame(&state, request.headers()).await;
    let sends_credentials = request.headers().contains_key(header::AUTHORIZATION);
    if sends_credentials && user.is_none() {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "tma")],
            "The page's credentials were refused.",
        )
            .into_response();
    }
    request.extensions_mut().insert(frame);
    if let Some(user) = user {
        request.extensions_mut().insert(RequestUser::proven(user));
    }
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("private, no-cache"));
    response
}
