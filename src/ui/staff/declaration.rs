//! The answers of the package as the engine summarises them (the same summary as the resident's
//! review page), re-validated: each page that has answers, its answered rows.

use super::{Report, Rules};
use crate::engine::catalog::PageKind;
use crate::engine::summary;
use crate::ui::components::{summary_list, SummaryRow};
use crate::ui::data::use_data;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;
use std::sync::Arc;

pub(super) fn declaration(report: Arc<Report>, rules: Rules) -> impl IntoView {
    let (prefs, data) = (use_prefs(), use_data());
    move || {
        let lang = prefs.lang.get();
        let (Some((p, rr)), Some(a)) = (rules.get(), report.answers.as_ref()) else {
            return ().into_any();
        };
        let units = data.units();
        summary::sections(p, &a.answers, &rr.outcome, units.as_deref())
            .into_iter()
            .filter(|s| s.answered().next().is_some())
            .map(|s| {
                let rows = s
                    .answered()
                    .map(|r| {
                        SummaryRow::new(
                            r.label.get(lang),
                            r.value.as_ref().map(|v| v.get(lang).to_string()),
                        )
                    })
                    .collect();
                let kind = if s.kind == PageKind::Question {
                    "decl-section decl-section--question"
                } else {
                    "decl-section"
                };
                view! {
                    <section class=kind>
                        <h3>{s.title.get(lang).to_string()}</h3>
                        {summary_list(rows)}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}
