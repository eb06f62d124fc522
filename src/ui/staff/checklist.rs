//! The checklist recomputed from the package's answers: each document present, missing, or to be
//! shown at the counter.

use super::Rules;
use crate::engine::catalog::DocAction;
use crate::i18n;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

pub(super) fn checklist(rules: Rules) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let Some((_, rr)) = rules.get() else {
            return ().into_any();
        };
        rr.checklist
            .into_iter()
            .map(|c| {
                let (class, status) = match (c.action, c.files.is_empty()) {
                    (DocAction::LookedUp, _) => ("doc-status doc-status--show", i18n::STAFF_DOC_LOOKED_UP.get(lang).to_string()),
                    (DocAction::Show, _) => ("doc-status doc-status--show", i18n::STAFF_DOC_SHOW.get(lang).to_string()),
                    (_, true) => ("doc-status doc-status--missing", i18n::STAFF_DOC_MISSING.get(lang).to_string()),
                    (_, false) => ("doc-status doc-status--ok", format!("{} {}", i18n::STAFF_DOC_PRESENT.get(lang), c.files.join(", "))),
                };
                view! { <li><span class="doc-name">{c.name.get(lang).to_string()}</span>" — "<span class=class>{status}</span></li> }
            })
            .collect_view()
            .into_any()
    }
}
