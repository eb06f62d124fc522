//! The list of Vietnam's 54 ethnic groups (and "foreign").

use super::Widget;
use crate::engine::refdata::{ETHNIC_GROUPS, FOREIGN_ETHNICITY};
use crate::engine::text::{escape_html, Lang};
use crate::i18n;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

pub(super) fn select(w: &Widget) -> AnyView {
    let prefs = use_prefs();
    // The 56 options are one piece of markup (one DOM call instead of some 170), written by one
    // effect that then sets the choice; built as views with an effect each, this select was most
    // of the cost of building the page on a slow phone.
    let select = NodeRef::<leptos::html::Select>::new();
    let groups: String = ETHNIC_GROUPS
        .iter()
        .map(|(_, n)| *n)
        .chain(std::iter::once(FOREIGN_ETHNICITY))
        .map(|n| {
            let n = escape_html(n);
            format!("<option value=\"{n}\">{n}</option>")
        })
        .collect();
    let value = w.value;
    Effect::new(move |written: Option<Option<Lang>>| {
        let lang = prefs.lang.get();
        let v = value.get();
        let el = select.get()?;
        if written.flatten() != Some(lang) {
            let choose = escape_html(i18n::CHOOSE.get(lang));
            el.set_inner_html(&format!("<option value=\"\">{choose}</option>{groups}"));
        }
        el.set_value(&v);
        if el.selected_index() < 0 {
            el.set_selected_index(0);
        }
        Some(lang)
    });
    let (set, invalid) = (w.set, w.invalid);
    view! {
        <select
            id=w.id.clone()
            name=w.field_id.clone()
            class="select"
            node_ref=select
            aria-describedby=w.described_by
            aria-invalid=move || invalid.get().then_some("true")
            on:change=move |ev| set.run(event_target_value(&ev))
        ></select>
    }
    .into_any()
}
