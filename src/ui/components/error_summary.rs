//! The error summary at the top of a form page (GOV.UK pattern): one link per problem, each to its
//! field (`#f-<field id>`); warnings alone make it a "check this" summary the resident may pass.
//!
//! Accessibility: errors make it an alert, warnings a status; it takes focus when a submit finds
//! problems (`#error-summary`); a link moves focus to its field instead of only scrolling.

use super::field::input_id;
use crate::engine::catalog::Severity;
use crate::engine::validate::Issue;
use crate::i18n;
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary(issues: Signal<Vec<Issue>>) -> impl IntoView {
    let prefs = use_prefs();
    let has_errors = move || issues.with(|i| i.iter().any(|x| x.severity == Severity::Error));
    let has_any = move || issues.with(|i| !i.is_empty());
    let links = move || {
        let lang = prefs.lang.get();
        issues
            .get()
            .into_iter()
            .map(|i| {
                let target = input_id(&i.field);
                let href = format!("#{target}");
                let go = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    web::focus_id(&target);
                };
                view! { <li><a href=href on:click=go>{i.message.get(lang).to_string()}</a></li> }
            })
            .collect_view()
    };
    view! {
        <Show when=has_any>
            <div
                id="error-summary"
                class=move || if has_errors() { "error-summary" } else { "warning-summary" }
                tabindex="-1"
                role=move || if has_errors() { "alert" } else { "status" }
                aria-labelledby="error-summary-title"
            >
                <h2 id="error-summary-title" class="summary-title">
                    {move || prefs.t(if has_errors() { i18n::ERROR_SUMMARY_TITLE } else { i18n::WARNING_TITLE })}
                </h2>
                <ul class="summary-list">{links}</ul>
                <Show when=move || !has_errors()>
                    <p>{move || prefs.t(i18n::WARNING_CONTINUE)}</p>
                </Show>
            </div>
        </Show>
    }
}
