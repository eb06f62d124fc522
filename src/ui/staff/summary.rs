//! What the package is: file, reference, procedure, receiving commune, when it was made, its id
//! and catalog version.

use super::Report;
use crate::engine::package;
use crate::i18n;
use crate::ui::components::{summary_list, SummaryRow};
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

pub(super) fn summary(report: &Report) -> impl IntoView {
    let prefs = use_prefs();
    let m = report.manifest.clone();
    let made = package::made_on(&m)
        .map(|d| d.display())
        .unwrap_or_default();
    let time = m.created_at.get(11..16).unwrap_or_default().to_string();
    let file_name = report.name.clone();
    move || {
        let lang = prefs.lang.get();
        let c = &m.receiving_commune;
        let rows = [
            (i18n::STAFF_FILE, file_name.clone()),
            (i18n::STAFF_REFERENCE, m.reference.clone()),
            (
                i18n::STAFF_PROCEDURE,
                format!(
                    "{} ({})",
                    m.procedure.name.get(lang),
                    m.procedure.national_code
                ),
            ),
            (
                i18n::STAFF_COMMUNE,
                format!("{}, {}", c.name, c.province_name),
            ),
            (i18n::STAFF_CREATED, format!("{made} ({time} UTC)")),
            (i18n::STAFF_PACKAGE_ID, m.package_id.clone()),
            (i18n::STAFF_CATALOG, m.catalog_version.clone()),
        ];
        summary_list(
            rows.into_iter()
                .map(|(k, v)| SummaryRow::new(k.get(lang), v))
                .collect(),
        )
    }
}
