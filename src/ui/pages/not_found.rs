//! Any address the app does not know: a page that says so, with a way home.

use crate::ui::components::NotFound;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <NotFound/> }
}
