//! The top of a page and its primary button.
//!
//! Accessibility: each page has one `h1` (`#page-title`, focusable) that takes focus when the page
//! opens, and the document title names the page and the procedure, so a screen reader announces
//! where the resident now is. The primary button is always a `<button>` "Tiếp tục" / "Continue".

use crate::engine::catalog::Procedure;
use crate::i18n::{self, Tx};
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

/// Sets the document title and moves focus to the page heading.
pub fn announce_page(title: String) {
    web::set_title(&format!("{title} – Hồ sơ"));
    web::focus_id("page-title");
}

#[component]
pub fn Title(text: Signal<String>) -> impl IntoView {
    view! { <h1 class="page-title" id="page-title" tabindex="-1">{text}</h1> }
}

#[component]
pub fn BackLink(href: Signal<String>) -> impl IntoView {
    let prefs = use_prefs();
    view! { <a class="back-link" href=href>{move || prefs.t(i18n::BACK)}</a> }
}

/// Top of a journey page: back link, procedure name, heading; sets the document title and moves
/// focus to the heading.
#[component]
pub fn PageHead(back: Signal<String>, p: &'static Procedure, title: Tx) -> impl IntoView {
    let prefs = use_prefs();
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        announce_page(format!("{} – {}", title.get(lang), p.name.get(lang)));
    });
    view! {
        <BackLink href=back/>
        <p class="caption">{move || p.name.get(prefs.lang.get()).to_string()}</p>
        <Title text=Signal::derive(move || prefs.t(title).to_string())/>
    }
}

/// The primary button of every step: "Tiếp tục" / "Continue" (a stable hook for tests).
#[component]
pub fn ContinueButton() -> impl IntoView {
    let prefs = use_prefs();
    view! { <button type="submit" class="button">{move || prefs.t(i18n::CONTINUE)}</button> }
}
