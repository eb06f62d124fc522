//! The resident's drafts on the start page: the list (procedure, person, last change), continue,
//! save to a file, delete; opening a draft file from another device; storage warnings.

use super::{drafts, web, AppState, Loaded};
use crate::engine::catalog::{CatalogIndex, Procedure};
use crate::engine::date::Timestamp;
use crate::engine::draft::{self, DraftAttachment, DraftFile};
use crate::engine::journey::Step;
use crate::engine::media;
use crate::engine::text::{fill, I18n};
use crate::i18n;
use crate::routes::step_url;
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

/// Procedures with something entered, most recently changed first.
fn draft_ids(state: AppState) -> Vec<String> {
    let mut ids: Vec<(f64, String)> = Vec::new();
    let touched = state.touched.get();
    state.answers.with(|all| {
        for (id, a) in all {
            if !a.is_empty() {
                ids.push((touched.get(id).copied().unwrap_or(0.0), id.clone()));
            }
        }
    });
    state.attachments.with(|all| {
        for a in all {
            if !ids.iter().any(|(_, id)| *id == a.procedure) {
                ids.push((
                    touched.get(&a.procedure).copied().unwrap_or(0.0),
                    a.procedure.clone(),
                ));
            }
        }
    });
    ids.retain(|(_, id)| CatalogIndex::bundled().get(id).is_some());
    crate::engine::sort_small_by(&mut ids, |x, y| x.0 > y.0);
    ids.into_iter().map(|(_, id)| id).collect()
}

fn export(state: AppState, id: &str) {
    let answers = state
        .answers
        .with_untracked(|a| a.get(id).cloned().unwrap_or_default());
    let files = state.attachments.with_untracked(|a| {
        a.iter()
            .filter(|x| x.procedure == id)
            .map(|x| DraftAttachment {
                document_id: x.document_id.clone(),
                name: x.name.clone(),
                media: x.media,
                bytes: (*x.bytes).clone(),
            })
            .collect()
    });
    let now = js_sys::Date::now();
    let saved = state
        .touched
        .with_untracked(|t| t.get(id).copied())
        .unwrap_or(now);
    let d = DraftFile {
        procedure: id.to_string(),
        catalog_version: CatalogIndex::bundled().version.clone(),
        saved: (saved / 1000.0) as i64,
        answers,
        files,
    };
    let today = Timestamp::vietnam(now).date.iso();
    let _ = web::download(
        &draft::export(&d),
        &draft::file_name(id, &today),
        "application/octet-stream",
    );
}

#[component]
pub fn DraftList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let deleted = RwSignal::new(false);
    let ids = Memo::new(move |_| draft_ids(state));
    view! {
        {move || {
            let list = ids.get();
            (!list.is_empty()).then(|| view! {
                <section class="drafts" aria-labelledby="drafts-title">
                    <h2 id="drafts-title" class="group-title">{move || state.t(i18n::DRAFTS_TITLE)}</h2>
                    <ul class="cards">
                        {list.into_iter().map(|id| view! { <DraftCard id=id deleted=deleted/> }).collect_view()}
                    </ul>
                    <p class="hint">{move || state.t(i18n::DRAFT_EXPORT_HINT)}</p>
                </section>
            })
        }}
        <p role="status" class="visually-hidden-status">{move || deleted.get().then(|| state.t(i18n::DRAFT_DELETED))}</p>
    }
}

#[component]
fn DraftCard(id: String, deleted: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    super::load_procedure(state, &id);
    let summary = CatalogIndex::bundled().get(&id);
    let asking = RwSignal::new(false);
    let (id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone());
    let person = move || {
        let p = state.procedure(&id2)?;
        let a = state.answers.with(|all| all.get(&id2).cloned())?;
        draft::person(p, &a)
    };
    let files = move || {
        state
            .attachments
            .with(|a| a.iter().filter(|x| x.procedure == id3).count())
    };
    let changed = move || state.touched.with(|t| t.get(&id4).copied());
    let title_id = format!("draft-{id}");
    let confirm_id = format!("draft-delete-{id}");
    let (confirm_id2, title_id2) = (confirm_id.clone(), title_id.clone());
    let name = move || {
        summary
            .map(|s| s.name.get(state.lang.get()).to_string())
            .unwrap_or_default()
    };
    view! {
        <li class="card draft">
            <h3 class="card-title" id=title_id.clone()>{name}</h3>
            <p class="card-text draft-person">
                {move || person().unwrap_or_else(|| state.t(i18n::DRAFT_NO_NAME).to_string())}
            </p>
            <p class="card-meta">
                {move || changed().map(|ms| { let lang = state.lang.get(); i18n::DRAFT_CHANGED.fill(lang, &[("when", (&when(ms, lang)).into())]) })}
                {move || (files() > 0).then(|| format!(" · {}", i18n::DRAFT_FILES.fill(state.lang.get(), &[("count", files().into())])))}
            </p>
            <p class="draft-actions">
                <a class="button" href=step_url(&id, Step::Review) aria-describedby=title_id.clone()>
                    {move || state.t(i18n::DRAFT_CONTINUE)}
                </a>
                " "
                <button type="button" class="button button--secondary" aria-describedby=title_id.clone() on:click=move |_| export(state, &id5)>
                    {move || state.t(i18n::DRAFT_EXPORT)}
                </button>
                " "
                <button type="button" class="link-button" id=format!("draft-delete-btn-{id}") aria-describedby=title_id.clone() on:click=move |_| {
                    asking.set(true);
                    web::focus_id(&confirm_id2);
                }>{move || state.t(i18n::DRAFT_DELETE)}</button>
            </p>
            <Confirm
                id=confirm_id
                back_to=format!("draft-delete-btn-{id}")
                about=title_id2
                asking=asking
                question=i18n::DRAFT_DELETE_Q
                yes=i18n::DRAFT_DELETE_YES
                no=i18n::DRAFT_DELETE_NO
                on_yes=Callback::new(move |()| {
                    state.forget(&id);
                    deleted.set(true);
                    web::focus_id("page-title");
                })
            />
        </li>
    }
}

/// A question asked in place before something is deleted: a warning "yes" and a "no" that puts
/// things back. Shown while `asking`; named by `about` (the id of what it is about), if given,
/// and its question. "No" returns focus to `back_to`, the button that asked.
#[component]
pub fn Confirm(
    id: String,
    back_to: String,
    #[prop(optional)] about: Option<String>,
    asking: RwSignal<bool>,
    question: i18n::Tx,
    yes: i18n::Tx,
    no: i18n::Tx,
    on_yes: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question_id = format!("{id}-q");
    let labelled_by = match about {
        Some(a) => format!("{a} {question_id}"),
        None => question_id.clone(),
    };
    move || {
        asking.get().then(|| {
            view! {
                <div class="warning-box" id=id.clone() tabindex="-1" role="group" aria-labelledby=labelled_by.clone()>
                    <p id=question_id.clone()><strong>{move || state.t(question)}</strong></p>
                    <button type="button" class="button button--warning" on:click=move |_| on_yes.run(())>{move || state.t(yes)}</button>
                    " "
                    <button type="button" class="button button--secondary" on:click={
                        let back_to = back_to.clone();
                        move |_| {
                            asking.set(false);
                            web::focus_id(&back_to);
                        }
                    }>{move || state.t(no)}</button>
                </div>
            }
        })
    }
}

/// The procedure definition, fetching it if this session has not yet.
async fn procedure(state: AppState, id: &str) -> Option<&'static Procedure> {
    if let Some(p) = untrack(|| state.procedure(id)) {
        return Some(p);
    }
    let p = super::fetch_procedure(id).await?;
    state.procedures.update(|m| {
        m.insert(id.to_string(), Loaded::Ready(p));
    });
    Some(p)
}

async fn import(state: AppState, file: web_sys::File) -> Result<I18n, I18n> {
    let bytes = web::read_blob(&file)
        .await
        .ok_or_else(|| media::unreadable(&file.name()))?;
    let mut d = draft::import(&bytes, CatalogIndex::bundled())?;
    let Some(p) = procedure(state, &d.procedure).await else {
        return Err(i18n::DRAFT_IMPORT_OFFLINE.into());
    };
    d.fit_to(p);
    // Everything checked: now replace this procedure's draft.
    let who = draft::person(p, &d.answers);
    let id = d.procedure.clone();
    state
        .attachments
        .update(|a| a.retain(|x| x.procedure != id));
    for f in d.files {
        state.add_attachment(&id, &f.document_id, f.name, f.media, f.bytes);
    }
    state.set_answers(&id, d.answers);
    let name = CatalogIndex::bundled()
        .get(&id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    Ok(match who {
        Some(person) => fill(
            i18n::DRAFT_IMPORTED_FOR,
            &[("name", (&name).into()), ("person", (&person).into())],
        ),
        None => fill(i18n::DRAFT_IMPORTED, &[("name", (&name).into())]),
    })
}

#[component]
pub fn ImportDraft() -> impl IntoView {
    let state = expect_context::<AppState>();
    let result: RwSignal<Option<Result<I18n, I18n>>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = web::picked_files(&ev).into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let r = import(state, file).await;
            let failed = r.is_err();
            result.set(Some(r));
            if failed {
                web::focus_id("import-error");
            } else {
                web::focus_id("drafts-title");
            }
        });
    };
    let failed = move || result.with(|r| matches!(r, Some(Err(_))));
    view! {
        <div class=move || if failed() { "field field--error import" } else { "field import" }>
            <label class="label" for="draft-file">{move || state.t(i18n::DRAFT_IMPORT)}</label>
            <p class="hint" id="draft-file-hint">{move || state.t(i18n::DRAFT_IMPORT_HINT)}</p>
            {move || match result.get() {
                Some(Err(e)) => view! {
                    <p class="field-error" id="import-error" tabindex="-1">
                        <span class="visually-hidden">{state.t(i18n::ERROR_PREFIX)}" "</span>{e.get(state.lang.get()).to_string()}
                    </p>
                }.into_any(),
                Some(Ok(what)) => view! {
                    <p class="success" role="status">{what.get(state.lang.get()).to_string()}</p>
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

/// What the device refused to store, if anything.
#[component]
pub fn StorageProblem() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let f = state.storage_problem.get();
        let text = if f & drafts::ANSWERS_NOT_SAVED != 0 {
            i18n::STORAGE_ANSWERS
        } else if f & drafts::FILES_NOT_SAVED != 0 {
            i18n::STORAGE_FILES
        } else {
            return None;
        };
        Some(view! { <p class="field-warning" role="alert">{state.t(text)}</p> })
    }
}
