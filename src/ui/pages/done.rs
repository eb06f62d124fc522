//! `/p/<id>/done`: the package is made: its reference and QR code, the download, the ward's
//! centre and portal, and what to do next.

use super::{with_filing, Filing};
use crate::engine::catalog::Procedure;
use crate::engine::journey::Step;
use crate::engine::media::MediaType;
use crate::engine::qr;
use crate::engine::ready;
use crate::engine::route::Route;
use crate::engine::text::format_size;
use crate::i18n;
use crate::routes::{counter_url, portal_url, step_url};
use crate::ui::components::{announce_page, Title};
use crate::ui::drafts::{use_drafts, Finished, ReadyDownload};
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
    let (prefs, drafts) = (use_prefs(), use_drafts());
    // What comes first follows the route: online, the answers to copy into the portal; at the
    // centre, the counter card; the files for every route.
    let route = p.route(&drafts.answers_of_untracked(&f.procedure));
    let online = (route == Route::Online).then(|| {
        view! { <p class="lead"><a href=portal_url(&f.procedure) id="portal-link">{move || prefs.t(i18n::PORTAL_COPY_LINK)}</a></p> }
    });
    let counter = (route == Route::Centre).then(|| {
        view! {
            <super::counter::Counter p=p f=f.clone()/>
            <p><a href=counter_url(&f.procedure) id="counter-link">{move || prefs.t(i18n::COUNTER_LINK)}</a></p>
        }
    });
    // The same QR code as on the printed declaration (generated here, no markup from answers).
    let qr = qr::svg(
        &qr::package_payload(&f.reference, &f.package_id),
        160,
        &format!("QR {}", f.reference),
    )
    .unwrap_or_default();
    let size = f.zip.len() as u64;
    let (zip, zip_name) = (f.zip.clone(), f.file_name.clone());
    let download = move |_| {
        let parts: Vec<&[u8]> = zip.parts().collect();
        let _ = web::download_parts(&parts, &zip_name, "application/zip");
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
        {online}
        {counter}
        <h2>{move || prefs.t(i18n::DONE_FILES_TITLE)}</h2>
        <p>{move || prefs.t(i18n::DONE_FILES_INTRO)}</p>
        <ReadyFiles list=f.files.clone()/>
        <PageImages p=p key=f.procedure.clone()/>
        <h2>{move || prefs.t(i18n::DONE_HELPERS_TITLE)}</h2>
        <p>
            <button type="button" class="button button--secondary" id="download" on:click=download>{move || prefs.t(i18n::DOWNLOAD)}</button>
        </p>
        <p class="hint">{move || prefs.t(i18n::DOWNLOAD_NOTE)}" "{move || format_size(size, prefs.lang.get())}</p>
        <Centre/>
        <h2>{move || prefs.t(i18n::NEXT_STEPS)}</h2>
        <ol class="list list--numbered">{next_steps}</ol>
    }
}

/// Each ready file with "Lưu tệp", and "Chia sẻ" where the phone can share files (the share
/// sheet puts it where the portal's file picker finds it).
#[component]
fn ReadyFiles(list: Vec<ReadyDownload>) -> impl IntoView {
    let prefs = use_prefs();
    let rows = list
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let n = i + 1;
            let (size, count) = (r.bytes.len() as u64, r.pages);
            let kind = r.media.short_name();
            let meta = move || {
                let lang = prefs.lang.get();
                let pages = (count > 1).then(|| format!(", {}", i18n::FILE_PAGES.fill(lang, &[("count", count.into())])));
                format!("{kind}{}, {}", pages.unwrap_or_default(), format_size(size, lang))
            };
            let mime = r.media.mime();
            let share_data = web::shareable(&r.bytes.parts().collect::<Vec<_>>(), &r.file_name, mime);
            let (bytes, name) = (r.bytes.clone(), r.file_name.clone());
            let save = move |_| {
                let _ = web::download_parts(&bytes.parts().collect::<Vec<_>>(), &name, mime);
            };
            let share = share_data.map(|data| {
                view! {
                    " "
                    <button type="button" class="button button--secondary" id=format!("share-file-{n}")
                        on:click=move |_| {
                            let d = data.clone();
                            leptos::task::spawn_local(async move { web::share(d).await; });
                        }>
                        {move || prefs.t(i18n::FILE_SHARE)}
                    </button>
                }
            });
            view! {
                <li class="ready-file">
                    <p class="ready-name"><strong>{r.file_name.clone()}</strong></p>
                    <p class="hint">{meta}</p>
                    {r.printed.then(|| view! { <p class="hint">{move || prefs.t(i18n::DOWNLOAD_FORM_NOTE)}</p> })}
                    <p>
                        <button type="button" class="button button--secondary" id=format!("save-file-{n}") on:click=save>
                            {move || prefs.t(i18n::FILE_SAVE)}
                        </button>
                        {share}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="ready-files">{rows}</ul> }
}

/// The attached photos page by page, for a resident who prefers to attach pictures.
#[component]
fn PageImages(p: &'static Procedure, key: String) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let files = drafts.files_of(&key);
    let kinds: Vec<(&str, MediaType)> = files.iter().map(|a| (a.document_id.as_str(), a.media)).collect();
    let names = ready::page_image_names(p, &drafts.answers_of_untracked(&key), &kinds);
    let items: Vec<_> = files
        .iter()
        .zip(names)
        .filter_map(|(a, name)| {
            let (name, file) = (name?, a.file.clone());
            let label = name.clone();
            let save = move |_| {
                let _ = web::download_blob(file.blob(), &name);
            };
            Some(view! { <li><button type="button" class="link-button" on:click=save>{label}</button></li> })
        })
        .collect();
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        <details class="details">
            <summary>{move || prefs.t(i18n::PAGE_IMAGES)}</summary>
            <ul class="list">{items}</ul>
        </details>
    }
    .into_any()
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
