//! The verdict at the top: complete, intact and valid, or how many problems and which — the
//! integrity findings of the package and, once the procedure is loaded, its rules.
//!
//! Accessibility: one stable element (`#verdict`, a status) that takes focus once the package is
//! opened and whose content follows the check.

use super::{Report, Rules};
use crate::engine::catalog::{CatalogIndex, Severity};
use crate::engine::finding::{Finding, Verdict};
use crate::i18n;
use crate::ui::data::{use_data, Load};
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;
use std::sync::Arc;

/// A file that is not a readable package.
pub(super) fn unreadable(name: String, f: Finding) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="verdict verdict--bad" id="verdict" tabindex="-1">
            <h2>{move || prefs.t(i18n::STAFF_UNREADABLE)}</h2>
            <p>{name}</p>
            <p>{move || f.message.get(prefs.lang.get()).to_string()}</p>
        </div>
    }
}

pub(super) fn verdict(report: Arc<Report>, rules: Rules) -> impl IntoView {
    let (prefs, data) = (use_prefs(), use_data());
    let pid = report.manifest.procedure.id.clone();
    let unknown = CatalogIndex::bundled().get(&pid).is_none();
    let failed = move || unknown || matches!(data.procedure_load(&pid), Load::Failed);
    let findings = move || {
        let mut all = report.findings.clone();
        if let Some((_, rr)) = rules.get() {
            all.extend(rr.findings);
        }
        all
    };
    let checked = move || rules.with(Option::is_some);
    let class = {
        let (failed, findings) = (failed.clone(), findings.clone());
        move || match (
            failed() || checked() && !Verdict::of(&findings()).valid(),
            checked(),
        ) {
            (true, _) => "verdict verdict--bad",
            (false, true) => "verdict verdict--ok",
            (false, false) => "verdict",
        }
    };
    let content = move || {
        let lang = prefs.lang.get();
        if failed() {
            return view! { <h2>{i18n::STAFF_UNKNOWN_PROCEDURE.get(lang)}</h2> }.into_any();
        }
        if !checked() {
            return view! { <p class="loading">{i18n::LOADING.get(lang)}</p> }.into_any();
        }
        let all = findings();
        let title = match Verdict::of(&all).errors {
            0 => i18n::STAFF_OK.get(lang).to_string(),
            n => i18n::STAFF_PROBLEMS.fill(lang, &[("count", n.into())]),
        };
        let list = all
            .into_iter()
            .map(|f| {
                let tag = if f.severity == Severity::Error { i18n::ERROR_PREFIX } else { i18n::WARNING_PREFIX };
                view! { <li><strong>{tag.get(lang)}</strong>" "{f.message.get(lang).to_string()}</li> }
            })
            .collect_view();
        view! {
            <h2>{title}</h2>
            <ul class="list">{list}</ul>
        }
        .into_any()
    };
    view! { <div class=class id="verdict" tabindex="-1" role="status">{content}</div> }
}
