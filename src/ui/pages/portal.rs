//! `/p/<id>/portal`: the answers laid out to copy into the portal's own e-form (`engine::portal`):
//! the procedure to choose there, what to have ready, then the applicant's step and the form's
//! pages, each value with a one-tap copy button; what the portal fills in itself is marked "check
//! it, don't retype".

use super::{with_filing, Filing};
use crate::engine::journey::Step;
use crate::engine::portal::{self, CopyRow, CopySheet};
use crate::engine::text::Lang;
use crate::engine::validate::{self, Context};
use crate::i18n;
use crate::routes::step_url;
use crate::ui::components::{summary_list, PageHead, SummaryRow};
use crate::ui::data::use_data;
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

#[component]
pub fn PortalPage() -> impl IntoView {
    with_filing(|f| view! { <Portal f=f/> }.into_any())
}

#[component]
fn Portal(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts, data) = (use_prefs(), use_drafts(), use_data());
    // What was copied last (or that copying failed), said in a live region.
    let status: RwSignal<Option<String>> = RwSignal::new(None);
    let sheet = Memo::new(move |_| {
        let units = data.units();
        let answers = drafts.answers_of(f.key);
        let ctx = Context {
            today: web::today_vn(),
            units: units.as_deref(),
        };
        let out = validate::validate(p, &answers, &ctx);
        portal::sheet(p, &answers, &out, units.as_deref())
    });
    let sections = move || {
        let lang = prefs.lang.get();
        let mut n = 0;
        sheet
            .get()
            .sections
            .into_iter()
            .map(|s| {
                let rows = s
                    .rows
                    .into_iter()
                    .map(|r| {
                        n += 1;
                        copy_row(r, n, lang, status)
                    })
                    .collect();
                view! {
                    <h2 class="section-title">{s.title.get(lang).to_string()}</h2>
                    {summary_list(rows)}
                }
            })
            .collect_view()
    };
    let intro = move || portal_intro(&sheet.get(), prefs.lang.get());
    view! {
        <PageHead back=Signal::derive(move || step_url(f.key, Step::Done)) p=p title=i18n::PORTAL_TITLE/>
        {intro}
        <p class="visually-hidden" role="status" id="copy-status">{move || status.get()}</p>
        {sections}
        <p class="copy-toast" aria-hidden="true">{move || status.get()}</p>
    }
}

/// One value to copy: its label, the value with "the portal fills this in" where so, and a copy
/// button whose outcome is said in `status`.
fn copy_row(r: CopyRow, n: usize, lang: Lang, status: RwSignal<Option<String>>) -> SummaryRow {
    let label = r.label.get(lang).to_string();
    let (value, said) = (r.value.clone(), label.clone());
    let copy = move |_| {
        let (value, said) = (value.clone(), said.clone());
        leptos::task::spawn_local(async move {
            let ok = web::copy_text(&value).await;
            status.set(Some(match ok {
                true => i18n::COPIED.fill(lang, &[("label", said.as_str().into())]),
                false => i18n::COPY_FAILED.get(lang).to_string(),
            }));
        });
    };
    let value = view! {
        <span class="copy-value" id=format!("copy-value-{n}")>{r.value.clone()}</span>
        {r.prefilled.then(|| view! { " "<span class="tag tag--prefilled">{i18n::PORTAL_PREFILLED.get(lang)}</span> })}
    };
    let mut row = SummaryRow::new(label.clone(), value);
    row.action = Some(
        view! {
            <button type="button" class="button button--secondary copy-button" id=format!("copy-{n}") on:click=copy>
                {i18n::COPY.get(lang)}<span class="visually-hidden">" "{label}</span>
            </button>
        }
        .into_any(),
    );
    row
}

/// The procedure to choose on the portal, what to have ready, and whether the labels are checked.
fn portal_intro(s: &CopySheet, lang: Lang) -> impl IntoView {
    let name = s.name.get(lang).to_string();
    let ready = s
        .ready
        .iter()
        .map(|r| view! { <li>{r.get(lang).to_string()}</li> })
        .collect_view();
    view! {
        <p class="lead" id="portal-procedure">
            {i18n::PORTAL_CHOOSE.fill(lang, &[("code", s.code.as_str().into()), ("name", name.as_str().into())])}
        </p>
        <h2>{i18n::PORTAL_READY.get(lang)}</h2>
        <ul class="list">{ready}</ul>
        {(!s.verified).then(|| view! { <p><strong class="tag tag--unverified">{i18n::UNVERIFIED.get(lang)}</strong>" "{i18n::PORTAL_LABELS_UNVERIFIED.get(lang)}</p> })}
    }
}
