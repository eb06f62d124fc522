//! `/p/<id>/checklist`: the documents these answers call for, each with why, in what form, how
//! many, and what to do with it (attach, show at the centre, made by hoso).

use super::{after, before, with_filing, Filing};
use crate::engine::catalog::{DocAction, Document};
use crate::engine::journey::Step;
use crate::engine::route::{self, Route};
use crate::engine::text::Lang;
use crate::i18n::{self, Tx};
use crate::ui::components::{ContinueButton, PageHead};
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use crate::routes::step_url;
use crate::ui::router::navigate;
use leptos::prelude::*;

/// What to do with a document on a route.
pub(super) fn action_text(a: DocAction, r: Route) -> Tx {
    match (a, r) {
        (DocAction::Submit, Route::Online) => i18n::ACTION_UPLOAD,
        (DocAction::Submit, Route::Post) => i18n::ACTION_POST,
        (DocAction::Submit, Route::Centre) => i18n::ACTION_SUBMIT,
        (DocAction::Show, _) => i18n::ACTION_SHOW,
        (DocAction::Generated, _) => i18n::ACTION_GENERATED,
        (DocAction::LookedUp, _) => i18n::ACTION_LOOKED_UP,
    }
}

/// One document of the checklist: its name, why, in what form, how many, what to do with it.
fn doc_item(d: Document, route: Route, lang: Lang) -> impl IntoView {
    // The portal's component code, for a resident matching the portal's list to this one.
    let component = d
        .component
        .as_ref()
        .map(|c| format!(" ({}: {c})", i18n::COMPONENT.get(lang)))
        .unwrap_or_default();
    view! {
        <li class="doc" id=format!("doc-{}", d.id)>
            <h2 class="doc-title">{d.name.get(lang).to_string()}</h2>
            <dl class="doc-facts">
                <dt>{i18n::WHY.get(lang)}</dt>
                <dd>{d.why.get(lang).to_string()}</dd>
                <dt>{i18n::FORM.get(lang)}</dt>
                <dd>{d.form.label().get(lang).to_string()}</dd>
                <dt>{i18n::COUNT.get(lang)}</dt>
                <dd>{d.count}</dd>
            </dl>
            <p class="doc-action">{action_text(d.action, route).get(lang)}{component}</p>
            {d.note.as_ref().map(|n| view! { <p class="hint">{n.get(lang).to_string()}</p> })}
            {(!d.verified).then(|| view! { <p><strong class="tag tag--unverified">{i18n::UNVERIFIED.get(lang)}</strong></p> })}
        </li>
    }
}

#[component]
pub fn ChecklistPage() -> impl IntoView {
    with_filing(|f| view! { <Checklist f=f/> }.into_any())
}

#[component]
fn Checklist(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&after(f, Step::Checklist, drafts));
    };
    // The documents to provide, numbered; then what the route's system looks up.
    let docs = move |looked_up: bool| {
        let lang = prefs.lang.get();
        let answers = drafts.answers_of(f.key);
        let route = p.route(&answers);
        p.checklist(&answers)
            .into_iter()
            .filter(|d| (d.action == DocAction::LookedUp) == looked_up)
            .map(|d| doc_item(d, route, lang))
            .collect_view()
    };
    let looked_up = move || {
        let items = docs(true);
        (!items.is_empty()).then(|| {
            view! {
                <h2 class="docs-heading">{prefs.t(i18n::CHECKLIST_LOOKED_UP)}</h2>
                <ul class="docs docs--looked-up">{items}</ul>
            }
        })
    };
    // The route chosen, with a link back to its question (when the procedure asks it).
    let route_line = move || {
        let page = p.page(route::PAGE)?;
        let lang = prefs.lang.get();
        let r = p.route(&drafts.answers_of(f.key));
        let label = r.label().get(lang).to_string();
        Some(view! {
            <p class="route-line" id="route-line">
                {i18n::ROUTE_CHOSEN.fill(lang, &[("route", label.as_str().into())])}" "
                <a href=step_url(f.key, Step::Page(page))>{i18n::CHANGE_ROUTE.get(lang)}</a>
            </p>
        })
    };
    view! {
        <PageHead back=Signal::derive(move || before(f, Step::Checklist, drafts)) p=p title=i18n::CHECKLIST_TITLE/>
        <p class="lead">{move || prefs.t(i18n::CHECKLIST_INTRO)}</p>
        {route_line}
        <ol class="docs">{move || docs(false)}</ol>
        {looked_up}
        <form on:submit=on_submit novalidate>
            <ContinueButton/>
        </form>
    }
}
