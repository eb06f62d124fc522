//! The resident's drafts on the start page: the list (procedure, person, last change), continue,
//! save to a file, delete.

use super::{use_drafts, Drafts};
use crate::engine::catalog::CatalogIndex;
use crate::engine::date::Timestamp;
use crate::engine::draft::{self, DraftAttachment, DraftFile};
use crate::engine::text::{fill, I18n};
use crate::engine::journey::Step;
use crate::i18n;
use crate::routes::{procedure_of, step_url};
use crate::ui::components::Confirm;
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

/// "dd/mm/yyyy lúc hh:mm" in Vietnam's time (UTC+7).
fn when(ms: f64, lang: crate::engine::text::Lang) -> String {
    let t = Timestamp::vietnam(ms);
    i18n::DRAFT_AT.fill(
        lang,
        &[
            ("date", (&t.date.display()).into()),
            ("time", (&format!("{:02}:{:02}", t.hour, t.minute)).into()),
        ],
    )
}

/// Saves one procedure's draft as a `.hoso` file, to open on another device; `failed` says why it
/// could not: the code that writes it cannot be fetched (offline before the app was kept for
/// offline use), or a page cannot be read back.
/// `write`: the draft file writer, from the app's context (`lazy::Packer`).
fn export(drafts: Drafts, id: &str, failed: RwSignal<Option<I18n>>, write: crate::ui::lazy::WriteDraft) {
    let answers = drafts
        .answers
        .with_untracked(|a| a.get(id).cloned().unwrap_or_default());
    let pages = untrack(|| drafts.files_of(id));
    let now = js_sys::Date::now();
    let saved = drafts
        .touched
        .with_untracked(|t| t.get(id).copied())
        .unwrap_or(now);
    let mut d = DraftFile {
        procedure: procedure_of(id).to_string(),
        catalog_version: CatalogIndex::bundled().version.clone(),
        saved: (saved / 1000.0) as i64,
        answers,
        files: Vec::new(),
    };
    let name = draft::file_name(id, &Timestamp::vietnam(now).date.iso());
    leptos::task::spawn_local(async move {
        let pages = match super::pages::read_pages(pages).await {
            Ok(p) => p,
            Err(name) => {
                failed.set(Some(fill(i18n::DRAFT_PAGE_UNREADABLE, &[("name", (&name).into())])));
                return;
            }
        };
        d.files = pages
            .into_iter()
            .map(|(x, bytes)| DraftAttachment { document_id: x.document_id, name: x.name, media: x.media, bytes })
            .collect();
        match (write)(d).await {
            Some(bytes) => {
                failed.set(None);
                let _ = web::download(&bytes, &name, "application/octet-stream");
            }
            None => failed.set(Some(i18n::DRAFT_EXPORT_FAILED.into())),
        }
    });
}

#[component]
pub fn DraftList() -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let deleted = RwSignal::new(false);
    let ids = Memo::new(move |_| drafts.ids());
    view! {
        {move || {
            let list = ids.get();
            (!list.is_empty()).then(|| view! {
                <section class="drafts" aria-labelledby="drafts-title">
                    <h2 id="drafts-title" class="group-title" tabindex="-1">{move || prefs.t(i18n::DRAFTS_TITLE)}</h2>
                    <ul class="cards">
                        {list.into_iter().map(|id| view! { <DraftCard id=id deleted=deleted/> }).collect_view()}
                    </ul>
                    <p class="hint">{move || prefs.t(i18n::DRAFT_EXPORT_HINT)}</p>
                </section>
            })
        }}
        <p role="status" class="visually-hidden-status">{move || deleted.get().then(|| prefs.t(i18n::DRAFT_DELETED))}</p>
    }
}

/// The card's last line: "Sửa lần cuối …" and the number of attached pages.
fn card_meta(drafts: Drafts, id: String) -> impl Fn() -> String {
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let changed = drafts
            .touched
            .with(|t| t.get(&id).copied())
            .map(|ms| i18n::DRAFT_CHANGED.fill(lang, &[("when", (&when(ms, lang)).into())]))
            .unwrap_or_default();
        let n = drafts.file_count(&id);
        let files = (n > 0)
            .then(|| {
                format!(
                    " · {}",
                    i18n::DRAFT_FILES.fill(lang, &[("count", n.into())])
                )
            })
            .unwrap_or_default();
        format!("{changed}{files}")
    }
}

#[component]
fn DraftCard(id: String, deleted: RwSignal<bool>) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let write = expect_context::<crate::ui::lazy::Packer>().write_draft;
    let proc_id = procedure_of(&id).to_string();
    let summary = CatalogIndex::bundled().get(&proc_id);
    let asking = RwSignal::new(false);
    // Named from the index: the start page loads no procedure definition.
    let person = {
        let id = id.clone();
        move || {
            let fields = &summary?.person_fields;
            drafts
                .answers
                .with(|all| draft::person_in(fields, all.get(&id)?))
        }
    };
    let title_id = format!("draft-{id}");
    let confirm_id = format!("draft-delete-{id}");
    let delete_btn = format!("draft-delete-btn-{id}");
    let name = move || {
        summary
            .map(|s| s.name.get(prefs.lang.get()).to_string())
            .unwrap_or_default()
    };
    let (id_export, id_forget, focus) = (id.clone(), id.clone(), confirm_id.clone());
    let export_failed: RwSignal<Option<I18n>> = RwSignal::new(None);
    view! {
        <li class="card draft">
            <h3 class="card-title" id=title_id.clone()>{name}</h3>
            <p class="card-text draft-person">
                {move || person().unwrap_or_else(|| prefs.t(i18n::DRAFT_NO_NAME).to_string())}
            </p>
            <p class="card-meta">{card_meta(drafts, id.clone())}</p>
            <p class="draft-actions">
                <a class="button" href=step_url(&id, Step::Review) aria-describedby=title_id.clone()>
                    {move || prefs.t(i18n::DRAFT_CONTINUE)}
                </a>
                " "
                <button type="button" class="button button--secondary" aria-describedby=title_id.clone() on:click=move |_| export(drafts, &id_export, export_failed, write)>
                    {move || prefs.t(i18n::DRAFT_EXPORT)}
                </button>
                " "
                <button type="button" class="link-button" id=delete_btn.clone() aria-describedby=title_id.clone() on:click=move |_| {
                    asking.set(true);
                    web::focus_id(&focus);
                }>{move || prefs.t(i18n::DRAFT_DELETE)}</button>
            </p>
            <p class="field-error" role="status">
                {move || export_failed.with(|f| f.as_ref().map(|m| m.get(prefs.lang.get()).to_string()))}
            </p>
            <Confirm
                id=confirm_id
                back_to=delete_btn
                about=title_id
                asking=asking
                question=i18n::DRAFT_DELETE_Q
                yes=i18n::DRAFT_DELETE_YES
                no=i18n::DRAFT_DELETE_NO
                on_yes=Callback::new(move |()| {
                    drafts.forget(&id_forget);
                    deleted.set(true);
                    web::focus_id("page-title");
                })
            />
        </li>
    }
}
