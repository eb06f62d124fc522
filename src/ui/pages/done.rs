//! `/p/<id>/done`: the package is made: its reference and QR code, the download, the ward's
//! centre and portal, and what to do next.

use super::{with_filing, Filing};
use crate::engine::catalog::Procedure;
use crate::engine::journey::Step;
use crate::engine::qr;
use crate::engine::text::format_size;
use crate::i18n;
use crate::routes::step_url;
use crate::ui::components::{announce_page, Title};
use crate::ui::drafts::{use_drafts, Finished, Printout};
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

#[component]
pub fn DonePage() -> impl IntoView {
    with_filing(|f| view! { <Done f=f/> }.into_any())
}

#[component]
fn Done(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts) = (use_prefs(), use_drafts());
    Effect::new(move |_| {
        announce_page(format!(
            "{} – {}",
            prefs.t(i18n::DONE_TITLE),
            p.name.get(prefs.lang.get())
        ))
    });
    move || match drafts.finished(f.key) {
        None => view! {
            <Title text=Signal::derive(move || prefs.t(i18n::NO_PACKAGE).to_string())/>
            <p><a href=step_url(f.key, Step::Review)>{move || prefs.t(i18n::TO_REVIEW)}</a></p>
        }
        .into_any(),
        Some(done) => view! { <Package p=p f=done/> }.into_any(),
    }
}

#[component]
fn Package(p: &'static Procedure, f: Finished) -> impl IntoView {
    let prefs = use_prefs();
    // The same QR code as on the printed declaration (generated here, no markup from answers).
    let qr = qr::svg(
        &qr::package_payload(&f.reference, &f.package_id),
        160,
        &format!("QR {}", f.reference),
    )
    .unwrap_or_default();
    let size = f.zip.len() as u64;
    let download = move |_| {
        let _ = web::download(&f.zip, &f.file_name, "application/zip");
    };
    let next_steps = move || {
        let lang = prefs.lang.get();
        p.next_steps
            .iter()
            .map(|s| view! { <li>{s.get(lang).to_string()}</li> })
            .collect_view()
    };
    view! {
        <div class="panel">
            <Title text=Signal::derive(move || prefs.t(i18n::DONE_TITLE).to_string())/>
            <p class="panel-label">{move || prefs.t(i18n::DONE_REFERENCE)}</p>
            <p class="panel-ref" id="package-reference"><strong>{f.reference.clone()}</strong></p>
            <div class="panel-qr" inner_html=qr></div>
        </div>
        <p>
            <button type="button" class="button" id="download" on:click=download>{move || prefs.t(i18n::DOWNLOAD)}</button>
        </p>
        <p class="hint">{move || prefs.t(i18n::DOWNLOAD_NOTE)}" "{move || format_size(size, prefs.lang.get())}</p>
        <Printouts list=f.printouts.clone()/>
        <Centre/>
        <h2>{move || prefs.t(i18n::NEXT_STEPS)}</h2>
        <ol class="list list--numbered">{next_steps}</ol>
    }
}

/// A button per printed form as PDF: "Tải tờ khai (PDF)", with the form's title when there are two.
#[component]
fn Printouts(list: Vec<Printout>) -> impl IntoView {
    let prefs = use_prefs();
    let many = list.len() > 1;
    let is_form = list.iter().any(|p| p.is_form);
    let buttons = list
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let text = if p.is_form { i18n::DOWNLOAD_FORM } else { i18n::DOWNLOAD_SUMMARY };
            let title = many.then(|| format!(": {}", p.title));
            let id = format!("download-form-{}", i + 1);
            let save = move |_| {
                let _ = web::download(&p.bytes, &p.file_name, "application/pdf");
            };
            view! {
                <p><button type="button" class="button button--secondary" id=id on:click=save>
                    {move || prefs.t(text)}{title}
                </button></p>
            }
        })
        .collect_view();
    view! {
        {buttons}
        {is_form.then(|| view! { <p class="hint">{move || prefs.t(i18n::DOWNLOAD_FORM_NOTE)}</p> })}
    }
}

/// The ward's centre and portal, when its settings give them.
#[component]
fn Centre() -> impl IntoView {
    let prefs = use_prefs();
    let s = prefs.settings.get_value();
    let c = s.centre.clone();
    if c.name.is_none() && c.address.is_none() && s.portal.is_none() {
        return ().into_any();
    }
    let lang = move || prefs.lang.get();
    view! {
        <section class="centre" aria-labelledby="centre-title">
            <h2 id="centre-title">{move || prefs.t(i18n::CENTRE_TITLE)}</h2>
            {c.name.clone().map(|n| view! { <p><strong>{move || n.get(lang()).to_string()}</strong></p> })}
            {c.address.clone().map(|a| view! { <p>{a}</p> })}
            {c.phone.clone().map(|ph| {
                let tel = format!("tel:{}", ph.replace([' ', '.'], ""));
                view! { <p>{move || prefs.t(i18n::CENTRE_PHONE)}" "<a href=tel>{ph}</a></p> }
            })}
            {c.hours.clone().map(|h| view! { <p>{move || prefs.t(i18n::CENTRE_HOURS)}" "{move || h.get(lang()).to_string()}</p> })}
            {s.portal.clone().map(|u| view! { <p><a href=u rel="noopener">{move || prefs.t(i18n::PORTAL_LINK)}</a></p> })}
        </section>
    }
    .into_any()
}
