//! The place picker: type a name (accents optional), then choose one of the matching communes of
//! the 2025 list. The stored answer is the 5-digit commune code; the text box keeps what was typed.
//!
//! Accessibility: the results are buttons in a list the box controls (`aria-controls`); a status
//! line (polite live region) says how many were found, or what to type, or that the list is loading.

use super::Widget;
use crate::engine::text::fold_compact;
use crate::i18n;
use crate::ui::data::{use_data, Load};
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

/// The communes matching `query` (code, "name, province"), at most 8; none under 2 letters.
fn matches(
    units: &Load<std::sync::Arc<crate::engine::units::AdminUnits>>,
    query: &str,
) -> Vec<(String, String)> {
    let Some(u) = units.ready() else {
        return Vec::new();
    };
    if fold_compact(query).chars().count() < 2 {
        return Vec::new();
    }
    u.search(query, 8)
        .into_iter()
        .map(|h| {
            let c = &u.communes[h.index];
            (
                c.code.clone(),
                format!("{}, {}", c.name, u.province_of(c).name),
            )
        })
        .collect()
}

/// The status line: the list loading or not loaded, what to type, how many were found.
fn status(query: String, found: usize, showing: bool) -> String {
    let (prefs, data) = (use_prefs(), use_data());
    let lang = prefs.lang.get();
    let waiting = data.units.with(|u| match u {
        Load::Ready(_) => None,
        Load::Failed => Some(i18n::PLACE_LOAD_FAILED),
        Load::Idle | Load::Loading => Some(i18n::PLACE_LOADING),
    });
    match waiting {
        Some(t) => t.get(lang).to_string(),
        None if fold_compact(&query).chars().count() < 2 => {
            i18n::PLACE_SEARCH_HINT.get(lang).to_string()
        }
        None if found == 0 => i18n::PLACE_NONE.get(lang).to_string(),
        None if showing => i18n::PLACE_RESULTS.fill(lang, &[("count", found.into())]),
        None => String::new(),
    }
}

pub(super) fn search(w: Widget) -> AnyView {
    let (prefs, data) = (use_prefs(), use_data());
    data.load_units();
    let results_id = format!("{}-results", w.id);
    let status_id = format!("{}-status", w.id);
    let (selected, set) = (w.value, w.set);
    let label_of = move |code: &str| {
        data.units
            .with(|u| u.ready().and_then(|u| u.commune_label(code)))
    };
    // The text box starts with the chosen place's name, once the list is there.
    let query = RwSignal::new(String::new());
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let code = selected.get();
        match label_of(&code) {
            Some(l) => {
                query.set(l);
                true
            }
            None => code.is_empty(),
        }
    });
    let hits = Memo::new(move |_| {
        let q = query.get();
        data.units.with(|u| matches(u, &q))
    });
    // The list shows unless the box holds exactly the chosen place.
    let showing = move || {
        let (code, q) = (selected.get(), query.get());
        !hits.with(|h| h.iter().any(|(c, l)| *c == code && *l == q))
    };
    let status = move || status(query.get(), hits.with(Vec::len), showing());
    let chosen = move || {
        label_of(&selected.get()).map(|l| {
            view! { <p class="place-selected"><strong>{move || prefs.t(i18n::PLACE_SELECTED)}</strong>" "{l}</p> }
        })
    };
    let options = move || {
        if !showing() {
            return Vec::new();
        }
        hits.get()
            .into_iter()
            .map(|(code, label)| {
                let l2 = label.clone();
                let choose = move |_| {
                    query.set(l2.clone());
                    set.run(code.clone());
                };
                view! { <li><button type="button" class="place-option" on:click=choose>{label}</button></li> }
            })
            .collect::<Vec<_>>()
    };
    let (described_by, invalid, sid) = (w.described_by, w.invalid, status_id.clone());
    view! {
        <input
            id=w.id.clone()
            name=w.field_id.clone()
            type="search"
            class="input input--wide"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=move || match described_by.get() {
                Some(d) => format!("{d} {sid}"),
                None => sid.clone(),
            }
            aria-controls=results_id.clone()
            aria-invalid=move || invalid.get().then_some("true")
            prop:value=move || query.get()
            on:input=move |ev| {
                query.set(event_target_value(&ev));
                set.run(String::new());
            }
        />
        <p id=status_id class="hint place-status" aria-live="polite">{status}</p>
        {chosen}
        <ul id=results_id class="place-results">{options}</ul>
    }
    .into_any()
}
