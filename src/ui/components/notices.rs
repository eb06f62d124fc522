//! Notices in place of a page: not found, could not load, loading; and what the device refused
//! to store.
//!
//! Accessibility: a notice that replaces a page is that page (its own heading and title, focus
//! moved to it); the loading line is a status, read out without moving focus; the storage
//! warning is an alert.

use super::page_head::{announce_page, Title};
use crate::i18n::{self, Tx};
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

/// A page of its own: heading, one paragraph, a link home.
fn notice_page(title: Tx, body: Tx) -> impl IntoView {
    let prefs = use_prefs();
    Effect::new(move |_| announce_page(prefs.t(title).to_string()));
    view! {
        <Title text=Signal::derive(move || prefs.t(title).to_string())/>
        <p>{move || prefs.t(body)}</p>
        <p><a href="/">{move || prefs.t(i18n::HOME)}</a></p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    notice_page(i18n::NOT_FOUND_TITLE, i18n::NOT_FOUND_BODY)
}

#[component]
pub fn LoadFailed() -> impl IntoView {
    notice_page(i18n::LOAD_FAILED_TITLE, i18n::LOAD_FAILED_BODY)
}

/// "Đang tải…" while a procedure's definition or a part of the wasm arrives.
pub fn loading_line() -> AnyView {
    let prefs = use_prefs();
    view! { <p class="loading" role="status">{move || prefs.t(i18n::LOADING)}</p> }.into_any()
}

/// What the device refused to store, if anything.
#[component]
pub fn StorageProblem() -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    move || {
        let p = drafts.storage_problem.get();
        let text = if p.answers {
            i18n::STORAGE_ANSWERS
        } else if p.files {
            i18n::STORAGE_FILES
        } else {
            return None;
        };
        Some(view! { <p class="field-warning" role="alert">{prefs.t(text)}</p> })
    }
}
