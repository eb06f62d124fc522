//! A question asked in place before something is deleted: a warning "yes" and a "no" that puts
//! things back.
//!
//! Accessibility: a group named by what it is about and by its question; it takes focus when it
//! appears (the asking button moves focus to its `id`), and "no" returns focus to that button.

use crate::i18n::Tx;
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

/// Shown while `asking`; named by `about` (the id of what it is about), if given, and its
/// question. "No" returns focus to `back_to`, the button that asked.
#[component]
pub fn Confirm(
    id: String,
    back_to: String,
    #[prop(optional)] about: Option<String>,
    asking: RwSignal<bool>,
    question: Tx,
    yes: Tx,
    no: Tx,
    on_yes: Callback<()>,
) -> impl IntoView {
    let prefs = use_prefs();
    let question_id = format!("{id}-q");
    let labelled_by = match about {
        Some(a) => format!("{a} {question_id}"),
        None => question_id.clone(),
    };
    let cancel = move |_| {
        asking.set(false);
        web::focus_id(&back_to);
    };
    move || {
        asking.get().then(|| {
            let cancel = cancel.clone();
            view! {
                <div class="warning-box" id=id.clone() tabindex="-1" role="group" aria-labelledby=labelled_by.clone()>
                    <p id=question_id.clone()><strong>{move || prefs.t(question)}</strong></p>
                    <button type="button" class="button button--warning" on:click=move |_| on_yes.run(())>{move || prefs.t(yes)}</button>
                    " "
                    <button type="button" class="button button--secondary" on:click=cancel>{move || prefs.t(no)}</button>
                </div>
            }
        })
    }
}
