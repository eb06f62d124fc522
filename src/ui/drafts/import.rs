//! Opening a draft file (`.hoso`) saved on another device: checked whole by the engine
//! (`engine::draft::import`), then kept as a filing of its own — this device's draft of the same
//! procedure, if any, stays as it is (the imported one becomes the next filing, `<id>.2` …).

use super::{use_drafts, Drafts};
use crate::engine::catalog::{CatalogIndex, Procedure};
use crate::engine::draft::{self, DraftFile};
use crate::engine::media;
use crate::engine::text::{fill, I18n};
use crate::i18n;
use crate::routes::filing_key;
use crate::ui::data::{use_data, Data};
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;

async fn import(drafts: Drafts, data: Data, file: web_sys::File) -> Result<I18n, I18n> {
    let bytes = web::read_blob(&file)
        .await
        .ok_or_else(|| media::unreadable(&file.name()))?;
    let d = crate::ui::lazy::read_draft_file(bytes).await?;
    let Some(p) = data.procedure_now(&d.procedure).await else {
        return Err(i18n::DRAFT_IMPORT_OFFLINE.into());
    };
    crate::ui::lazy::keep_draft(drafts, d, p).await
}

/// Keeps a draft read from a file, fitted to its procedure, as a filing of its own; what to tell
/// the resident. Run by the `finish` part (`lazy::keep_draft`), as the file was read.
pub(crate) fn keep(drafts: Drafts, mut d: DraftFile, p: &Procedure) -> Result<I18n, I18n> {
    d.fit_to(p);
    // Everything checked: keep it as the first filing of the procedure that holds nothing yet.
    let taken = untrack(|| drafts.ids());
    let key = (1..=99)
        .map(|n| filing_key(&d.procedure, n))
        .find(|k| !taken.contains(k) && untrack(|| drafts.file_count(k)) == 0);
    let Some(key) = key else {
        return Err(i18n::DRAFT_IMPORT_FULL.into());
    };
    let who = draft::person(p, &d.answers);
    let files = d
        .files
        .into_iter()
        .map(|f| (f.document_id, f.name, f.media, f.bytes))
        .collect();
    drafts.replace(&key, d.answers, files);
    let name = CatalogIndex::bundled()
        .get(&d.procedure)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let opened = match who {
        Some(person) => fill(
            i18n::DRAFT_IMPORTED_FOR,
            &[("name", (&name).into()), ("person", (&person).into())],
        ),
        None => fill(i18n::DRAFT_IMPORTED, &[("name", (&name).into())]),
    };
    Ok(match key == d.procedure {
        true => opened,
        false => fill(i18n::DRAFT_IMPORTED_BESIDE, &[("opened", (&opened).into())]),
    })
}

#[component]
pub fn ImportDraft() -> impl IntoView {
    let (prefs, drafts, data) = (use_prefs(), use_drafts(), use_data());
    let result: RwSignal<Option<Result<I18n, I18n>>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = web::picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let r = import(drafts, data, file).await;
            let failed = r.is_err();
            if !failed {
                // The list of drafts, where the focus goes, is drawn by a part (read with the file).
                crate::ui::lazy::draft_list_ready().await;
            }
            result.set(Some(r));
            web::focus_id(if failed {
                "import-error"
            } else {
                "drafts-title"
            });
        });
    };
    let failed = move || result.with(|r| matches!(r, Some(Err(_))));
    view! {
        <div class=move || if failed() { "field field--error import" } else { "field import" }>
            <label class="label" for="draft-file">{move || prefs.t(i18n::DRAFT_IMPORT)}</label>
            <p class="hint" id="draft-file-hint">{move || prefs.t(i18n::DRAFT_IMPORT_HINT)}</p>
            {move || match result.get() {
                Some(Err(e)) => view! {
                    <p class="field-error" id="import-error" tabindex="-1">
                        <span class="visually-hidden">{prefs.t(i18n::ERROR_PREFIX)}" "</span>{e.get(prefs.lang.get()).to_string()}
                    </p>
                }.into_any(),
                Some(Ok(what)) => view! {
                    <p class="success" role="status">{what.get(prefs.lang.get()).to_string()}</p>
                }.into_any(),
                None => ().into_any(),
            }}
            <input
                id="draft-file"
                name="draft-file"
                type="file"
                class="file-input"
                accept=format!(".{},application/octet-stream", draft::EXTENSION)
                aria-describedby=move || if failed() { "draft-file-hint import-error" } else { "draft-file-hint" }
                on:change=on_change
            />
        </div>
    }
}
