//! `/p/<id>/attachments`: a photo or scan of each document to submit, page by page (taken with
//! the camera or chosen), downscaled and stripped on the device; pages reordered and removed.

use super::{after, before, with_filing, Filing};
use crate::engine::catalog::{DocAction, Document};
use crate::engine::journey::Step;
use crate::engine::media;
use crate::engine::text::{format_size, I18n};
use crate::i18n::{self, Tx};
use crate::ui::components::{ContinueButton, PageHead, StorageProblem};
use crate::ui::drafts::{use_drafts, Drafts};
use crate::ui::prefs::use_prefs;
use crate::ui::router::navigate;
use crate::ui::{photos, web};
use leptos::prelude::*;

#[component]
pub fn AttachmentsPage() -> impl IntoView {
    with_filing(|f| view! { <Attachments f=f/> }.into_any())
}

#[component]
fn Attachments(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&after(f, Step::Attachments, drafts));
    };
    let checklist = move || {
        p.checklist(&drafts.answers_of(f.key))
    };
    let slots = move || {
        checklist()
            .into_iter()
            .filter(|d| d.action == DocAction::Submit)
            .map(|d| view! { <AttachSlot proc_id=f.key.to_string() doc=d/> })
            .collect_view()
    };
    let not_needed = move || {
        let lang = prefs.lang.get();
        let names: Vec<String> = checklist()
            .into_iter()
            .filter(|d| d.action != DocAction::Submit)
            .map(|d| d.name.get(lang).to_string())
            .collect();
        (!names.is_empty()).then(|| view! { <p class="hint">{i18n::ATTACH_NOT_NEEDED.get(lang)}" "{names.join("; ")}</p> })
    };
    let limits = move || {
        media::limits_text(drafts.bytes_used(f.key, true))
            .get(prefs.lang.get())
            .to_string()
    };
    view! {
        <PageHead back=Signal::derive(move || before(f, Step::Attachments, drafts)) p=p title=i18n::ATTACH_TITLE/>
        <p class="lead">{move || prefs.t(i18n::ATTACH_INTRO)}</p>
        <p class="hint" id="limits">{limits}" "{move || prefs.t(i18n::ATTACH_PHOTOS_NOTE)}</p>
        <StorageProblem/>
        <form class="form" on:submit=on_submit novalidate>
            {slots}
            {not_needed}
            <ContinueButton/>
        </form>
    }
}

/// Prepares each picked file and adds it as a page; what cannot be used is said in `errors`.
fn add_files(
    drafts: Drafts,
    proc_id: String,
    doc_id: String,
    errors: RwSignal<Vec<I18n>>,
    working: RwSignal<Option<(usize, usize)>>,
) -> impl Fn(leptos::ev::Event) + Clone {
    move |ev| {
        let picked = web::picked_files(&ev);
        if picked.is_empty() {
            return;
        }
        let (pid, did) = (proc_id.clone(), doc_id.clone());
        let count = picked.len();
        working.set(Some((1, count)));
        leptos::task::spawn_local(async move {
            let mut errs = Vec::new();
            // Two at a time (one is read while photo.js redraws the other in its worker); pages keep
            // the picked order.
            for (i, pair) in picked.chunks(2).enumerate() {
                working.set(Some(((2 * i + pair.len()).min(count), count)));
                let already = drafts.bytes_used(&pid, false);
                let done = futures::future::join_all(pair.iter().map(|f| photos::prepare(f, already))).await;
                for (f, r) in pair.iter().zip(done) {
                    match r {
                        Ok((media, page)) => drafts.add_page(&pid, &did, f.name(), media, page),
                        Err(m) => errs.push(m),
                    }
                }
            }
            errors.set(errs);
            working.set(None);
        });
    }
}

#[component]
fn AttachSlot(proc_id: String, doc: Document) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let input_id = format!("f-{}", doc.id);
    let camera_id = format!("f-{}-camera", doc.id);
    let err_id = format!("{input_id}-error");
    let errors: RwSignal<Vec<I18n>> = RwSignal::new(Vec::new());
    // "Photo 3 of 10" while the picked files are prepared, one after another.
    let working: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let files = Memo::new({
        let (pid, did) = (proc_id.clone(), doc.id.clone());
        move |_| drafts.pages_of(&pid, &did)
    });
    let on_change = add_files(drafts, proc_id, doc.id.clone(), errors, working);
    let has_err = move || errors.with(|e| !e.is_empty());
    let described = {
        let id = err_id.clone();
        move || has_err().then(|| id.clone())
    };
    let messages = move || {
        let lang = prefs.lang.get();
        errors.get().into_iter().map(|e| view! {
            <p class="field-error" id=err_id.clone()><span class="visually-hidden">{i18n::ERROR_PREFIX.get(lang)}" "</span>{e.get(lang).to_string()}</p>
        }).collect_view()
    };
    let pages = move || {
        let keys = files.get();
        let n = keys.len();
        if n == 0 {
            return view! { <p class="hint">{prefs.t(i18n::ATTACH_NONE)}</p> }.into_any();
        }
        view! {
            <ol class="files">
                {keys.into_iter().enumerate().map(|(pos, key)| view! { <PageItem key=key pos=pos count=n/> }).collect_view()}
            </ol>
        }.into_any()
    };
    let doc_name = doc.name.clone();
    view! {
        <div class=move || if has_err() { "field field--error attach" } else { "field attach" }>
            <h2 class="attach-title">{move || doc_name.get(prefs.lang.get()).to_string()}</h2>
            {messages}
            {pages}
            <p class="hint" role="status">{move || working.get().map(|(n, count)| i18n::ATTACH_WORKING.fill(prefs.lang.get(), &[("n", n.into()), ("count", count.into())]))}</p>
            <div class="attach-actions">
                <div>
                <label class="file-label" for=camera_id.clone()>{move || prefs.t(i18n::ATTACH_TAKE_PHOTO)}</label>
                <input id=camera_id name=format!("{}-camera", doc.id) type="file" class="file-input" accept="image/*"
                    capture="environment" aria-describedby=described.clone() on:change=on_change.clone()/>
                </div>
                <div>
                <label class="file-label" for=input_id.clone()>{move || prefs.t(i18n::ATTACH_CHOOSE)}</label>
                <input id=input_id name=doc.id.clone() type="file" class="file-input"
                    accept="image/jpeg,image/png,image/webp,application/pdf,image/*" multiple
                    aria-describedby=described on:change=on_change/>
                </div>
            </div>
        </div>
    }
}

/// One page of a document: thumbnail, name, size, move and remove.
#[component]
fn PageItem(key: u32, pos: usize, count: usize) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let Some(f) = drafts.page(key) else {
        return ().into_any();
    };
    let thumb: RwSignal<Option<String>> = RwSignal::new(None);
    let is_image = f.media.is_image();
    if is_image {
        let (file, media) = (f.file.clone(), f.media);
        leptos::task::spawn_local(async move {
            let url = photos::thumb_url(key, &file, media).await;
            let _ = thumb.try_set(url);
        });
    }
    let size = f.file.size;
    let name = f.name.clone();
    let action = |text: Tx, hidden: Tx, arrow: &'static str, run: Box<dyn Fn() + Send + Sync>| {
        let name = name.clone();
        view! {
            <button type="button" class="link-button" on:click=move |_| run()>
                <span aria-hidden="true">{arrow}</span>{move || prefs.t(text)}
                <span class="visually-hidden">" – "{move || prefs.t(hidden)}" "{name.clone()}</span>
            </button>
        }
    };
    view! {
        <li class="file">
            {move || match thumb.get() {
                Some(url) => view! { <img class="thumb" src=url alt="" width="64" height="64"/> }.into_any(),
                None if is_image => view! { <span class="thumb" aria-hidden="true"></span> }.into_any(),
                None => view! { <span class="thumb thumb--pdf" aria-hidden="true">"PDF"</span> }.into_any(),
            }}
            <span class="file-text">
                <span class="file-page">{move || prefs.t(i18n::ATTACH_PAGE)}" "{pos + 1}": "</span>
                <span class="file-name">{name.clone()}</span>
                " "
                <span class="file-size">{move || format_size(size, prefs.lang.get())}</span>
            </span>
            <span class="file-actions">
                {(pos > 0).then(|| action(i18n::ATTACH_UP, i18n::ATTACH_MOVE_UP, "↑ ", Box::new(move || drafts.move_page(key, true))))}
                {(pos + 1 < count).then(|| action(i18n::ATTACH_DOWN, i18n::ATTACH_MOVE_DOWN, "↓ ", Box::new(move || drafts.move_page(key, false))))}
                <button type="button" class="link-button" on:click=move |_| {
                    drafts.remove_page(key);
                    photos::drop_thumb(key);
                }>
                    {move || prefs.t(i18n::ATTACH_REMOVE)}<span class="visually-hidden">" "{name.clone()}</span>
                </button>
            </span>
        </li>
    }
    .into_any()
}
