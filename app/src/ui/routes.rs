//! The screens loaded on demand: each is split into its own WASM chunk (`cargo leptos build
//! --split`), fetched when first opened, so the first load carries only the task list.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// A route whose view is `$page`, with no data of its own to start loading early.
macro_rules! lazy_page {
    ($route:ident, $page:path) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(NewTaskRoute, super::task_edit::NewTaskPage);
lazy_page!(EditTaskRoute, super::task_edit::EditTaskPage);
lazy_page!(CalendarRoute, super::calendar::CalendarPage);
lazy_page!(StatsRoute, super::stats::StatsPage);
lazy_page!(SettingsRoute, super::settings::SettingsPage);
