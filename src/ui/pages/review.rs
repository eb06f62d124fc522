//! `/p/<id>/review`: check your answers (every page's answers through the engine's summary, each
//! with its problem and a link to change it; the attached pages per document), then build the
//! package on the device and go to the confirmation page.

use super::{before, with_filing, Filing};
use crate::engine::catalog::{DocAction, Severity};
use crate::engine::journey::Step;
use crate::engine::package::BuildInput;
use crate::engine::summary;
use crate::engine::text::{Arg, I18n};
use crate::engine::validate::{self, Context};
use crate::i18n;
use crate::routes::step_url;
use crate::ui::components::{summary_list, ContinueButton, PageHead, SummaryRow};
use crate::ui::data::{use_data, Data};
use crate::ui::drafts::{use_drafts, Drafts, Finished, ReadyDownload};
use crate::ui::lazy::Packer;
use crate::ui::prefs::{use_prefs, Prefs};
use crate::ui::router::navigate;
use crate::ui::{embed, web};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ReviewPage() -> impl IntoView {
    with_filing(|f| view! { <Review f=f/> }.into_any())
}

/// A reason the package could not be made, with the field to change when there is one.
#[derive(Clone)]
struct Problem {
    field: Option<String>,
    message: I18n,
}

impl From<I18n> for Problem {
    fn from(message: I18n) -> Problem {
        Problem { field: None, message }
    }
}

/// The answers' errors, each with its field (the engine's validation, as the package builder runs
/// it), so the review lists them as links rather than as a dead end.
fn answer_problems(f: Filing, answers: &crate::engine::catalog::Answers, units: &crate::engine::units::AdminUnits) -> Vec<Problem> {
    let ctx = Context { today: web::today_vn(), units: Some(units) };
    validate::labelled_errors(f.p, &validate::validate(f.p, answers, &ctx))
        .into_iter()
        .map(|(field, message)| Problem { field: Some(field), message })
        .collect()
}

/// Builds the package from the draft; on success keeps it (and hands it to an embedding ward
/// website) and opens the confirmation page, else says why.
async fn build(
    f: Filing,
    packer: Packer,
    prefs: Prefs,
    drafts: Drafts,
    data: Data,
) -> Result<(), Vec<Problem>> {
    let p = f.p;
    let Some(units) = data.units_now() else {
        return Err(vec![I18n::from(i18n::PLACE_LOADING).into()]);
    };
    let answers = drafts.answers_of_untracked(f.key);
    let problems = answer_problems(f, &answers, &units);
    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(fonts) = crate::ui::data::fonts().await else {
        return Err(vec![I18n::from(i18n::FONTS_NOT_LOADED).into()]);
    };
    // Large packages take a moment on a slow phone: the "building" line is shown first.
    gloo::timers::future::TimeoutFuture::new(40).await;
    let attachments = drafts
        .package_files(p, f.key, &answers)
        .await
        .map_err(|name| vec![Problem::from(crate::engine::text::fill(i18n::DRAFT_PAGE_UNREADABLE, &[("name", (&name).into())]))])?;
    // The attachments' SHA-256 with the browser's own (WebCrypto), where it has one: several
    // times faster than the wasm's; the engine hashes any it is not given.
    let mut digests = Vec::with_capacity(attachments.len());
    for a in &attachments {
        digests.push(web::sha256_hex(&a.bytes).await.unwrap_or_default());
    }
    let cat = crate::engine::catalog::CatalogIndex::bundled();
    let built = (packer.build)(&BuildInput {
        procedure: p,
        catalog_version: &cat.version,
        answers: &answers,
        attachments: &attachments,
        created_at: web::now(),
        today: web::today_vn(),
        lang: prefs.lang.get_untracked(),
        units: &units,
        fonts,
        digests: Some(&digests),
    })
    .await
    .map_err(|e| e.into_iter().map(Problem::from).collect::<Vec<_>>())?;
    let mut built = built;
    let file_name = format!("hoso-{}-{}.zip", p.id, built.manifest.reference);
    if prefs.settings.with_value(|s| !s.embed_origins.is_empty()) {
        let manifest = serde_json::to_string(&built.manifest).unwrap_or_default();
        embed::package(&file_name, &built.manifest.reference, &manifest, &built.zip);
    }
    // Moved, not copied: a package's ready files are about as large as its attachments.
    let files = ready_files(std::mem::take(&mut built.documents));
    drafts.set_finished(Finished {
        procedure: f.key.to_string(),
        reference: built.manifest.reference.clone(),
        package_id: built.manifest.package_id.clone(),
        file_name,
        zip: Arc::new(built.zip),
        files,
        counter: built.counter,
    });
    navigate(&step_url(f.key, Step::Done));
    Ok(())
}

/// The package's ready files (the engine names and makes them), to offer one by one.
fn ready_files(documents: Vec<crate::engine::ready::ReadyFile>) -> Vec<ReadyDownload> {
    documents
        .into_iter()
        .map(|f| ReadyDownload {
            file_name: f.file_name,
            title: f.title,
            media: f.media,
            pages: f.pages,
            printed: f.printed,
            bytes: Arc::new(f.bytes),
        })
        .collect()
}

/// Every page's answers, each with its problem if any and a link to change it.
fn answer_sections(f: Filing, drafts: Drafts, data: Data) -> impl Fn() -> AnyView {
    let p = f.p;
    let prefs = use_prefs();
    let outcome = Memo::new(move |_| {
        let units = data.units();
        let ctx = Context {
            today: web::today_vn(),
            units: units.as_deref(),
        };
        validate::validate(p, &drafts.answers_of(f.key), &ctx)
    });
    move || {
        let lang = prefs.lang.get();
        let answers = drafts.answers_of(f.key);
        let out = outcome.get();
        let units = data.units();
        summary::sections(p, &answers, &out, units.as_deref())
            .into_iter()
            .map(|s| {
                let page = p.page(&s.page).expect("a section is a page");
                let change = format!("{}?return=review", step_url(f.key, Step::Page(page)));
                let rows = s
                    .rows
                    .into_iter()
                    .map(|r| {
                        let value = r
                            .value
                            .map(|v| v.get(lang).to_string())
                            .unwrap_or_else(|| i18n::NOT_ANSWERED.get(lang).to_string());
                        let issue = out.for_field(&r.field).first().map(|i| {
                            let class = if i.severity == Severity::Error {
                                "field-error"
                            } else {
                                "field-warning"
                            };
                            view! { <span class=class>{i.message.get(lang).to_string()}</span> }
                        });
                        SummaryRow::new(r.label.get(lang), view! { {value}{issue} })
                            .change(change.clone(), i18n::CHANGE.get(lang))
                    })
                    .collect();
                view! {
                    <h2 class="section-title">{s.title.get(lang).to_string()}</h2>
                    {summary_list(rows)}
                }
            })
            .collect_view()
            .into_any()
    }
}

/// The documents to attach, each with its pages or "bring it on paper".
fn attachment_rows(f: Filing, drafts: Drafts) -> impl Fn() -> AnyView {
    let p = f.p;
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let files = drafts.files_of(f.key);
        let rows = p
            .checklist(&drafts.answers_of(f.key))
            .into_iter()
            .filter(|d| d.action == DocAction::Submit)
            .map(|d| {
                let pages: Vec<_> = files.iter().filter(|x| x.document_id == d.id).collect();
                let size: u64 = pages.iter().map(|x| x.file.size).sum();
                let value = match pages.len() {
                    0 => i18n::NO_FILE_BRING_PAPER.get(lang).to_string(),
                    n => i18n::FILES.fill(lang, &[("count", n.into()), ("size", Arg::Size(size))]),
                };
                SummaryRow::new(d.name.get(lang), value)
                    .change(step_url(f.key, Step::Attachments), i18n::CHANGE.get(lang))
            })
            .collect();
        summary_list(rows).into_any()
    }
}

#[component]
fn Review(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts, data) = (use_prefs(), use_drafts(), use_data());
    data.load_units();
    let packer = expect_context::<Packer>();
    (packer.prefetch)();
    let problems: RwSignal<Vec<Problem>> = RwSignal::new(Vec::new());
    let building = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if building.get_untracked() {
            return;
        }
        building.set(true);
        leptos::task::spawn_local(async move {
            if let Err(e) = build(f, packer, prefs, drafts, data).await {
                problems.set(e);
                web::focus_id("build-errors");
            }
            building.set(false);
        });
    };
    // A problem with a field links to the page where it is changed (and back here after).
    let problem_list = move || {
        let lang = prefs.lang.get();
        problems
            .get()
            .into_iter()
            .map(|m| {
                let text = m.message.get(lang).to_string();
                let group = |id: &str| id.split('.').next().unwrap_or(id).to_string();
                let page = m.field.as_deref().and_then(|fid| {
                    p.pages.iter().find(|pg| pg.fields.contains(&group(fid)))
                });
                match page {
                    Some(pg) => {
                        let href = format!("{}?return=review", step_url(f.key, Step::Page(pg)));
                        view! { <li><a href=href>{text}</a></li> }.into_any()
                    }
                    None => view! { <li>{text}</li> }.into_any(),
                }
            })
            .collect_view()
    };
    view! {
        <PageHead back=Signal::derive(move || before(f, Step::Review, drafts)) p=p title=i18n::REVIEW_TITLE/>
        <Show when=move || !problems.with(|p| p.is_empty())>
            <div id="build-errors" class="error-summary" tabindex="-1" role="alert">
                <h2 class="summary-title">{move || prefs.t(i18n::BUILD_FAILED)}</h2>
                <ul class="summary-list">{problem_list}</ul>
            </div>
        </Show>
        <p class="lead">{move || prefs.t(i18n::REVIEW_INTRO)}</p>
        {answer_sections(f, drafts, data)}
        <h2 class="section-title">{move || prefs.t(i18n::ATTACHMENTS)}</h2>
        {attachment_rows(f, drafts)}
        <form on:submit=on_submit novalidate>
            <ContinueButton/>
        </form>
        <p class="loading" role="status">{move || building.get().then(|| prefs.t(i18n::BUILDING))}</p>
    }
}
