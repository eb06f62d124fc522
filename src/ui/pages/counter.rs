//! `/p/<id>/counter`: the counter card in big print — the reference, the originals to bring for
//! the chosen route, and the QR codes that carry the answers themselves (`engine::counter`), for
//! staff to read with a camera or a handheld scanner. The confirmation page shows the same card.

use super::{with_filing, Filing};
use crate::engine::catalog::{DocForm, Procedure};
use crate::engine::journey::Step;
use crate::engine::qr;
use crate::i18n;
use crate::routes::step_url;
use crate::ui::components::{announce_page, BackLink, Title};
use crate::ui::drafts::{use_drafts, Finished};
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

#[component]
pub fn CounterPage() -> impl IntoView {
    with_filing(|f| view! { <CounterCard f=f/> }.into_any())
}

#[component]
fn CounterCard(f: Filing) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        announce_page(format!("{} – {}", i18n::COUNTER_TITLE.get(lang), f.p.name.get(lang)))
    });
    let done = step_url(f.key, Step::Done);
    move || match drafts.finished(f.key) {
        None => view! {
            <Title text=Signal::derive(move || prefs.t(i18n::NO_PACKAGE).to_string())/>
            <p><a href=step_url(f.key, Step::Review)>{move || prefs.t(i18n::TO_REVIEW)}</a></p>
        }
        .into_any(),
        Some(fin) => view! {
            <BackLink href=Signal::derive({ let d = done.clone(); move || d.clone() })/>
            <div class="counter-card">
                <Counter p=f.p f=fin heading=true/>
            </div>
        }
        .into_any(),
    }
}

/// "At the counter": the reference in big print, the originals to bring, and the QR codes that
/// carry the answers themselves, for staff to read with a camera or a handheld scanner.
#[component]
pub(super) fn Counter(
    p: &'static Procedure,
    f: Finished,
    /// On its own page the card's title is the page's heading.
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let originals = move || {
        let lang = prefs.lang.get();
        p.checklist(&drafts.answers_of(&f.procedure))
            .into_iter()
            .filter(|d| matches!(d.form, DocForm::Original | DocForm::OriginalOrCopy))
            .map(|d| view! { <li>{d.name.get(lang).to_string()}</li> })
            .collect_view()
    };
    let n = f.counter.len();
    let codes = f
        .counter
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let label = format!("QR {}/{n} – {}", i + 1, f.reference);
            let svg = qr::svg(text, 280, &label).unwrap_or_default();
            view! {
                <figure class="counter-qr">
                    <div inner_html=svg></div>
                    <figcaption>{move || i18n::COUNTER_CODE.fill(prefs.lang.get(), &[("n", ((i + 1) as i64).into()), ("count", (n as i64).into())])}</figcaption>
                </figure>
            }
        })
        .collect_view();
    view! {
        <section class="counter" aria-labelledby="counter-title">
            {match heading {
                true => view! { <h1 class="page-title" id="page-title" tabindex="-1"><span id="counter-title">{move || prefs.t(i18n::COUNTER_TITLE)}</span></h1> }.into_any(),
                false => view! { <h2 id="counter-title">{move || prefs.t(i18n::COUNTER_TITLE)}</h2> }.into_any(),
            }}
            <p>{move || prefs.t(i18n::COUNTER_INTRO)}</p>
            <p class="counter-ref" id="counter-reference">{f.reference.clone()}</p>
            <h3>{move || prefs.t(i18n::COUNTER_ORIGINALS)}</h3>
            <ul class="list">{originals}</ul>
            <div class="counter-codes">{codes}</div>
        </section>
    }
}

