//! `/p/<id>`: what the procedure is, who may file, where, its facts (deadline, fee, time) with
//! whether each is verified, what to bring, its legal basis and sources.

use super::{after, with_filing, Filing};
use crate::engine::catalog::Procedure;
use crate::engine::date::Date;
use crate::engine::journey::Step;
use crate::i18n;
use crate::routes::filing_key;
use crate::ui::components::{
    announce_page, summary_list, BackLink, ContinueButton, SummaryRow, Title,
};
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn ProcedureInfo() -> impl IntoView {
    with_filing(|f| view! { <Info f=f/> }.into_any())
}

/// The procedure's facts as summary rows, unverified ones tagged so.
fn facts(p: &'static Procedure) -> impl Fn() -> AnyView {
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let mut rows = vec![
            SummaryRow::new(
                i18n::WHO_MAY_FILE.get(lang),
                p.who_may_file.get(lang).to_string(),
            ),
            SummaryRow::new(i18n::AGENCY.get(lang), p.agency.get(lang).to_string()),
        ];
        rows.extend(p.facts.iter().map(|f| {
            let tag = (!f.verified).then(|| view! { <strong class="tag tag--unverified">{i18n::UNVERIFIED.get(lang)}</strong> });
            SummaryRow::new(f.label.get(lang), view! { {f.value.get(lang).to_string()}{tag} })
        }));
        summary_list(rows).into_any()
    }
}

/// When this filing already has a draft: another filing of the same procedure can be started
/// beside it (twins' births …), each kept and packaged on its own.
#[component]
fn AnotherFiling(f: Filing) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let person = move || {
        let a = drafts.answers.with(|all| all.get(f.key).cloned())?;
        crate::engine::draft::person(f.p, &a)
    };
    let start = move |_| {
        let ids = drafts.ids();
        let n = (2..=99)
            .find(|n| !ids.contains(&filing_key(&f.p.id, *n)))
            .unwrap_or(99);
        let key = super::interned(&filing_key(&f.p.id, n));
        navigate(&after(Filing { p: f.p, key }, Step::Info, drafts));
    };
    move || {
        drafts.ids().contains(&f.key.to_string()).then(|| view! {
            <section class="offer" aria-labelledby="another-title">
                <h2 id="another-title">{move || prefs.t(i18n::ANOTHER_FILING_TITLE)}</h2>
                <p>{move || {
                    let who = person().unwrap_or_else(|| prefs.t(i18n::DRAFT_NO_NAME).to_string());
                    i18n::ANOTHER_FILING_TEXT.fill(prefs.lang.get(), &[("person", (&who).into())])
                }}</p>
                <p><button type="button" class="button button--secondary" id="another-filing" on:click=start>
                    {move || prefs.t(i18n::ANOTHER_FILING)}
                </button></p>
            </section>
        })
    }
}

#[component]
fn Info(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts) = (use_prefs(), use_drafts());
    Effect::new(move |_| announce_page(p.name.get(prefs.lang.get()).to_string()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&after(f, Step::Info, drafts));
    };
    let docs = move || {
        let lang = prefs.lang.get();
        p.documents
            .iter()
            .map(|d| view! { <li>{d.name.get(lang).to_string()}</li> })
            .collect_view()
    };
    let rules_from = move || {
        let date = Date::parse_iso(&p.effective_from)
            .map(|d| d.display())
            .unwrap_or_default();
        i18n::RULES_FROM.fill(prefs.lang.get(), &[("date", (&date).into())])
    };
    view! {
        <BackLink href=Signal::derive(|| "/".to_string())/>
        <p class="caption">{move || format!("{} {}", prefs.t(i18n::NATIONAL_CODE), p.national_codes.join(", "))}</p>
        <Title text=Signal::derive(move || p.name.get(prefs.lang.get()).to_string())/>
        <p class="lead">{move || p.summary.get(prefs.lang.get()).to_string()}</p>
        {facts(p)}
        <h2>{move || prefs.t(i18n::WHAT_TO_BRING)}</h2>
        <ul class="list">{docs}</ul>
        <p>{move || prefs.t(i18n::WHAT_TO_BRING_NOTE)}</p>
        <form on:submit=on_submit novalidate>
            <ContinueButton/>
        </form>
        <AnotherFiling f=f/>
        <details class="details">
            <summary>{move || prefs.t(i18n::LEGAL_BASIS)}</summary>
            <ul class="list">{p.legal_basis.iter().map(|l| view! { <li lang="vi">{l.clone()}</li> }).collect_view()}</ul>
            <p>{rules_from}</p>
            <h3>{move || prefs.t(i18n::SOURCES)}</h3>
            <ul class="list">
                {p.sources.iter().map(|s| view! { <li lang="vi">{s.title.clone()}{s.url.clone().map(|u| view! { " — " <span class="url">{u}</span> })}</li> }).collect_view()}
            </ul>
        </details>
    }
}
