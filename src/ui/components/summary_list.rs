//! The summary list: label/value rows with an optional action ("Thay đổi"), as on the GOV.UK
//! "check your answers" pattern. Every list of facts or answers in the app and on the staff page
//! is one of these.
//!
//! Accessibility: a `<dl>`, each row a `<div>` holding its `<dt>` and `<dd>`s; an action link
//! names the row it changes in visually hidden text ("Thay đổi Họ và tên").

use leptos::prelude::*;

/// One row: its label, its value and, if any, an action.
pub struct SummaryRow {
    pub label: String,
    pub value: AnyView,
    pub action: Option<AnyView>,
}

impl SummaryRow {
    pub fn new(label: impl Into<String>, value: impl IntoView + 'static) -> SummaryRow {
        SummaryRow {
            label: label.into(),
            value: value.into_any(),
            action: None,
        }
    }

    /// The row with a link to change it (`href`): "Thay đổi" and, for screen readers, the label.
    pub fn change(mut self, href: String, text: &'static str) -> SummaryRow {
        let label = self.label.clone();
        self.action = Some(
            view! { <a href=href>{text}<span class="visually-hidden">" "{label}</span></a> }
                .into_any(),
        );
        self
    }
}

/// The rows as a summary list.
pub fn summary_list(rows: Vec<SummaryRow>) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|r| {
            view! {
                <div class="summary-row">
                    <dt>{r.label}</dt>
                    <dd>{r.value}</dd>
                    {r.action.map(|a| view! { <dd class="summary-actions">{a}</dd> })}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary">{rows}</dl> }
}
