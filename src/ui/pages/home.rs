//! `/`: choose a procedure (grouped by life event or by field, or found by a search without
//! accents), continue a draft, open a draft file, delete everything kept on this device.

use crate::engine::catalog::{CatalogIndex, ProcedureSummary};
use crate::engine::journey::Step;
use crate::engine::text::Lang;
use crate::i18n::{self, Tx};
use crate::routes::step_url;
use crate::ui::components::{Confirm, StorageProblem};
use crate::ui::drafts::{use_drafts, ImportDraft};
use crate::ui::prefs::use_prefs;
use crate::ui::router::Location;
use crate::ui::web;
use leptos::prelude::*;

fn card(p: &'static ProcedureSummary, lang: Lang) -> impl IntoView {
    view! {
        <li class="card">
            <a class="card-link" href=step_url(&p.id, Step::Info)>{p.name.get(lang).to_string()}</a>
            <p class="card-text">{p.summary.get(lang).to_string()}</p>
            <p class="card-meta">{i18n::NATIONAL_CODE.get(lang)}" "{p.national_codes.join(", ")}" · "{p.area.get(lang).to_string()}</p>
        </li>
    }
}

/// The procedures on offer: the matches of `query`; else a ward's own selection, in its order;
/// else every procedure grouped by life event (or by field), most common first in each group.
fn procedures(query: String, by_event: bool, lang: Lang) -> AnyView {
    let index = CatalogIndex::bundled();
    let offered = use_prefs().settings.with_value(|s| s.procedures.clone());
    let cards = |list: Vec<&'static ProcedureSummary>| {
        view! { <ul class="cards">{list.into_iter().map(|p| card(p, lang)).collect_view()}</ul> }
            .into_any()
    };
    if !query.trim().is_empty() {
        let mut hits = index.search(&query);
        if !offered.is_empty() {
            hits.retain(|p| offered.contains(&p.id));
        }
        if hits.is_empty() {
            return view! { <p class="hint">{i18n::SEARCH_NONE.get(lang)}</p> }.into_any();
        }
        return cards(hits);
    }
    if !offered.is_empty() {
        return cards(offered.iter().filter_map(|id| index.get(id)).collect());
    }
    index
        .grouped(by_event)
        .into_iter()
        .map(|(g, members)| {
            view! {
                <h2 class="group-title">{g.label.get(lang).to_string()}</h2>
                <ul class="cards">{members.into_iter().map(|p| card(p, lang)).collect_view()}</ul>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn Home() -> impl IntoView {
    let prefs = use_prefs();
    Effect::new(move |_| web::set_title(prefs.t(i18n::APP_NAME)));
    let loc = expect_context::<Location>();
    let query = RwSignal::new(String::new());
    let by_event = move || loc.query("by").as_deref() != Some("field");
    let procs = move || procedures(query.get(), by_event(), prefs.lang.get());
    let tab = move |field: bool, label: Tx| {
        let current = move || (by_event() != field).then_some("page");
        view! {
            <a class="tab" href=if field { "/?by=field" } else { "/" } aria-current=current>{move || prefs.t(label)}</a>
        }
    };
    view! {
        <h1 class="page-title" id="page-title" tabindex="-1">{move || prefs.t(i18n::START_CHOOSE)}</h1>
        <p class="lead">{move || prefs.t(i18n::APP_TAGLINE)}</p>
        <StorageProblem/>
        {crate::ui::lazy::draft_list()}
        <div class="field">
            <label class="label" for="proc-search">{move || prefs.t(i18n::SEARCH_LABEL)}</label>
            <p class="hint" id="proc-search-hint">{move || prefs.t(i18n::SEARCH_HINT)}</p>
            <input
                id="proc-search"
                name="q"
                type="search"
                class="input input--wide"
                autocomplete="off"
                aria-describedby="proc-search-hint"
                aria-controls="procedures"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        {prefs.settings.with_value(|s| s.procedures.is_empty()).then(|| view! {
            <nav class="tabs" aria-label=move || prefs.t(i18n::GROUPING)>{tab(false, i18n::BY_EVENT)}{tab(true, i18n::BY_DOMAIN)}</nav>
        })}
        <div id="procedures" aria-live="polite">{procs}</div>
        <p class="note">{move || prefs.t(i18n::PRIVACY_NOTE)}</p>
        <ImportDraft/>
        <DeleteAllData/>
        <p class="note"><a href="/staff/">{move || prefs.t(i18n::FOR_STAFF)}</a></p>
    }
}

/// "Delete all my data on this device", with a confirmation step.
#[component]
fn DeleteAllData() -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let asking = RwSignal::new(false);
    let done = RwSignal::new(false);
    view! {
        <div class="note">
            {move || (!asking.get()).then(|| view! {
                <button type="button" class="link-button" id="delete-all" on:click=move |_| {
                    done.set(false);
                    asking.set(true);
                    web::focus_id("delete-confirm");
                }>{move || prefs.t(i18n::DELETE_ALL)}</button>
            })}
            <Confirm
                id="delete-confirm".to_string()
                back_to="delete-all".to_string()
                asking=asking
                question=i18n::DELETE_ALL_Q
                yes=i18n::DELETE_ALL_YES
                no=i18n::DELETE_ALL_NO
                on_yes=Callback::new(move |()| {
                    drafts.forget_all();
                    asking.set(false);
                    done.set(true);
                })
            />
            <p role="status">{move || done.get().then(|| prefs.t(i18n::DELETE_ALL_DONE))}</p>
        </div>
    }
}
