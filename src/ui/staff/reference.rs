//! Does a typed or scanned reference match this package? (The resident's printout or the QR
//! on their phone against the file received.)

use crate::engine::package::reference_matches;
use crate::i18n;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

pub(super) fn check(reference: String) -> impl IntoView {
    let prefs = use_prefs();
    let typed = RwSignal::new(String::new());
    let result = move || {
        let lang = prefs.lang.get();
        let v = typed.get();
        if v.trim().is_empty() {
            return ().into_any();
        }
        if reference_matches(&v, &reference) {
            view! { <p class="match match--ok">{i18n::STAFF_REF_MATCH.get(lang)}</p> }.into_any()
        } else {
            view! { <p class="match match--bad">{i18n::STAFF_REF_NO_MATCH.get(lang)}</p> }
                .into_any()
        }
    };
    view! {
        <div class="field no-print">
            <label class="label" for="reference-check">{move || prefs.t(i18n::STAFF_REF_LABEL)}</label>
            <p class="hint" id="reference-check-hint">{move || prefs.t(i18n::STAFF_REF_HINT)}</p>
            <input id="reference-check" name="reference" class="input input--medium" autocomplete="off" spellcheck="false"
                aria-describedby="reference-check-hint"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <div aria-live="polite">{result}</div>
        </div>
    }
}
