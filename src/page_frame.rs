//! Before a page is rendered, its frame (the ways in, the profile) is loaded and handed to the
//! render in the request's extensions, with the user it proved: the layout then renders at once,
//! and the page's server functions do not check the credentials again (`app::server_fns::frame`).

use app::server::{AppState, RequestUser};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    // The same router serves the server functions, all posted.
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let (frame, user) = app::server_fns::page_frame(&state, request.headers()).await;
    request.extensions_mut().insert(frame);
    if let Some(user) = user {
        request.extensions_mut().insert(RequestUser::proven(user));
    }
    next.run(request).await
}
