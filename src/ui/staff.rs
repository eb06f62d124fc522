//! The staff page (`/staff/`, its own wasm bundle so residents never download it): open a
//! package, see at once whether it is complete, intact and valid — the same checks as
//! `hoso verify` — then the answers, the checklist and the attachments. Printable.

use super::{load_procedure, load_units, web, AppState, Header, Loaded};
use crate::engine::catalog::{CatalogIndex, DocAction, PageKind, Severity};
use crate::engine::package::{self, AnswersFile, FileEntry, Finding, Manifest, Opened};
use crate::engine::text::Lang;
use crate::engine::validate;
use crate::i18n::{self, Tx};
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// What the integrity check of an opened package found, owning its bytes.
#[derive(Clone, Debug)]
struct Report {
    name: String,
    zip: Arc<Vec<u8>>,
    manifest: Manifest,
    answers: Option<AnswersFile>,
    files: Vec<(FileEntry, Range<usize>)>,
    findings: Vec<Finding>,
    /// Object URLs of the attachments, by path (revoked when another package is opened).
    urls: Vec<(String, String)>,
}

impl Report {
    fn from_opened(name: String, zip: Arc<Vec<u8>>, o: Opened) -> Report {
        let base = zip.as_ptr() as usize;
        let files: Vec<(FileEntry, Range<usize>)> = o
            .files
            .iter()
            .map(|(f, b)| {
                let start = b.as_ptr() as usize - base;
                (f.clone(), start..start + b.len())
            })
            .collect();
        let urls = files
            .iter()
            .filter(|(f, _)| f.path != "answers.json")
            .filter_map(|(f, r)| {
                web::blob_url(&zip[r.clone()], &f.media_type).map(|u| (f.path.clone(), u))
            })
            .collect();
        Report {
            name,
            manifest: o.manifest,
            answers: o.answers,
            files,
            findings: o.findings,
            urls,
            zip,
        }
    }

    fn opened(&self) -> Opened<'_> {
        Opened {
            manifest: self.manifest.clone(),
            answers: self.answers.clone(),
            files: self
                .files
                .iter()
                .map(|(f, r)| (f.clone(), &self.zip[r.clone()]))
                .collect(),
            findings: self.findings.clone(),
        }
    }
}

#[derive(Clone, Debug)]
enum Package {
    Empty,
    Reading(String),
    Unreadable(String, Finding),
    Opened(Arc<Report>),
}

fn t(lang: Lang, tx: Tx) -> &'static str {
    tx.get(lang)
}

#[component]
pub fn StaffApp() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    super::persist_language(state);
    view! {
        <a class="skip-link" href="#main">{move || state.t(i18n::SKIP_TO_CONTENT)}</a>
        <Header/>
        <main id="main" class="container" tabindex="-1"><StaffPage/></main>
        <footer class="footer container no-print">
            <p>{move || state.t(i18n::FOOTER)}</p>
        </footer>
    }
}

#[component]
fn StaffPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pkg: RwSignal<Package> = RwSignal::new(Package::Empty);
    let dragging = RwSignal::new(false);
    Effect::new(move |_| web::set_title(&format!("{} – Hồ sơ", state.t(i18n::STAFF_TITLE))));

    let open_file = move |file: web_sys::File| {
        let name = file.name();
        if let Package::Opened(r) = pkg.get_untracked() {
            for (_, u) in &r.urls {
                web::revoke_url(u);
            }
        }
        pkg.set(Package::Reading(name.clone()));
        leptos::task::spawn_local(async move {
            let Some(bytes) = web::read_blob(&file).await else {
                let f = Finding {
                    code: crate::engine::finding::FindingCode::Unreadable,
                    severity: Severity::Error,
                    message: crate::engine::media::unreadable(&name),
                };
                pkg.set(Package::Unreadable(name, f));
                return;
            };
            let zip = Arc::new(bytes);
            let next = match package::open(&zip) {
                Ok(o) => {
                    let r = Report::from_opened(name, zip.clone(), o);
                    if CatalogIndex::bundled()
                        .get(&r.manifest.procedure.id)
                        .is_some()
                    {
                        load_procedure(state, &r.manifest.procedure.id);
                    }
                    load_units(state);
                    Package::Opened(Arc::new(r))
                }
                Err(f) => Package::Unreadable(name, f),
            };
            pkg.set(next);
            web::focus_id("verdict");
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(f) = web::picked_files(&ev).into_iter().next() {
            open_file(f);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            open_file(f);
        }
    };
    let body = move || {
        match pkg.get() {
        Package::Empty => ().into_any(),
        Package::Reading(name) => view! { <p class="loading" role="status">{move || format!("{} {name}", state.t(i18n::STAFF_READING))}</p> }.into_any(),
        Package::Unreadable(name, f) => view! {
            <div class="verdict verdict--bad" id="verdict" tabindex="-1">
                <h2>{move || state.t(i18n::STAFF_UNREADABLE)}</h2>
                <p>{name.clone()}</p>
                <p>{move || f.message.get(state.lang.get()).to_string()}</p>
            </div>
        }
        .into_any(),
        Package::Opened(r) => view! { <PackageView report=r/> }.into_any(),
    }
    };
    view! {
        <h1 class="page-title" id="page-title" tabindex="-1">{move || state.t(i18n::STAFF_TITLE)}</h1>
        <p class="lead no-print">{move || state.t(i18n::STAFF_INTRO)}</p>
        <div
            class=move || if dragging.get() { "drop-zone drop-zone--active no-print" } else { "drop-zone no-print" }
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label class="file-label" for="package-file">{move || state.t(i18n::STAFF_CHOOSE)}</label>
            <input id="package-file" name="package" type="file" class="file-input" accept=".zip,application/zip" on:change=on_change/>
            <p class="hint">{move || state.t(i18n::STAFF_DROP)}</p>
        </div>
        {body}
    }
}

#[component]
fn PackageView(report: Arc<Report>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let r = report.clone();
    let pid = r.manifest.procedure.id.clone();
    // The rules part needs the procedure definition and the unit list (fetched, cached offline).
    // (Reports are not comparable; a recomputation always counts as a change.)
    let rules = Memo::new_with_compare(
        move |_| {
            let units = state.units.with(|u| u.as_ref().ok().cloned())?;
            let loaded = state.procedures.with(|m| m.get(&pid).copied());
            let p = match loaded {
                Some(Loaded::Ready(p)) => p,
                _ => return None,
            };
            Some((
                p,
                package::check_rules(&r.opened(), p, &CatalogIndex::bundled().version, &units),
            ))
        },
        |_, _| true,
    );
    let unknown = CatalogIndex::bundled()
        .get(&report.manifest.procedure.id)
        .is_none();
    let failed = {
        let pid = report.manifest.procedure.id.clone();
        move || {
            unknown
                || state
                    .procedures
                    .with(|m| matches!(m.get(&pid), Some(Loaded::Failed)))
        }
    };
    let r = report.clone();
    let findings = move || {
        let mut all = r.findings.clone();
        if let Some((_, rr)) = rules.get() {
            all.extend(rr.findings);
        }
        all
    };
    let f2 = findings.clone();
    let errors = move || {
        f2().iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    };
    let e2 = errors.clone();
    // One stable element (focused once the package is opened) whose content follows the check.
    let e3 = e2.clone();
    let failed2 = failed.clone();
    let verdict_class = move || {
        if failed2() || rules.with(|r| r.is_some()) && e3() > 0 {
            "verdict verdict--bad"
        } else if rules.with(|r| r.is_some()) {
            "verdict verdict--ok"
        } else {
            "verdict"
        }
    };
    let verdict = move || {
        let lang = state.lang.get();
        if failed() {
            return view! { <h2>{t(lang, i18n::STAFF_UNKNOWN_PROCEDURE)}</h2> }.into_any();
        }
        if rules.with(|r| r.is_none()) {
            return view! { <p class="loading">{t(lang, i18n::LOADING)}</p> }.into_any();
        }
        let n = e2();
        let title = if n == 0 {
            t(lang, i18n::STAFF_OK).to_string()
        } else {
            i18n::STAFF_PROBLEMS.fill(lang, &[("count", n.into())])
        };
        let list = findings()
            .into_iter()
            .map(|f| {
                let tag = if f.severity == Severity::Error { i18n::ERROR_PREFIX } else { i18n::WARNING_PREFIX };
                view! { <li><strong>{tag.get(lang)}</strong>" "{f.message.get(lang).to_string()}</li> }
            })
            .collect_view();
        view! {
            <h2>{title}</h2>
            <ul class="list">{list}</ul>
        }
        .into_any()
    };
    let m = report.manifest.clone();
    let made = package::made_on(&m)
        .map(|d| d.display())
        .unwrap_or_default();
    let time = m.created_at.get(11..16).unwrap_or_default().to_string();
    let file_name = report.name.clone();
    let summary = {
        let m = m.clone();
        move || {
            let lang = state.lang.get();
            let rows = vec![
                (i18n::STAFF_FILE, file_name.clone()),
                (i18n::STAFF_REFERENCE, m.reference.clone()),
                (
                    i18n::STAFF_PROCEDURE,
                    format!(
                        "{} ({})",
                        m.procedure.name.get(lang),
                        m.procedure.national_code
                    ),
                ),
                (
                    i18n::STAFF_COMMUNE,
                    format!(
                        "{}, {}",
                        m.receiving_commune.name, m.receiving_commune.province_name
                    ),
                ),
                (i18n::STAFF_CREATED, format!("{made} ({time} UTC)")),
                (i18n::STAFF_PACKAGE_ID, m.package_id.clone()),
                (i18n::STAFF_CATALOG, m.catalog_version.clone()),
            ];
            rows.into_iter()
                .map(|(k, v)| view! { <div class="summary-row"><dt>{k.get(lang)}</dt><dd>{v}</dd></div> })
                .collect_view()
        }
    };
    // Does a typed or scanned reference match this package?
    let typed = RwSignal::new(String::new());
    let reference = m.reference.clone();
    let match_view = move || {
        let lang = state.lang.get();
        let v = typed.get();
        if v.trim().is_empty() {
            return ().into_any();
        }
        if package::reference_matches(&v, &reference) {
            view! { <p class="match match--ok">{t(lang, i18n::STAFF_REF_MATCH)}</p> }.into_any()
        } else {
            view! { <p class="match match--bad">{t(lang, i18n::STAFF_REF_NO_MATCH)}</p> }.into_any()
        }
    };
    let answers_view = {
        let r = report.clone();
        move || {
            let lang = state.lang.get();
            let Some((p, rr)) = rules.get() else {
                return ().into_any();
            };
            let units = state.units.with(|u| u.as_ref().ok().cloned());
            let Some(answers) = r.answers.as_ref().map(|a| a.answers.clone()) else {
                return ().into_any();
            };
            p.active_pages(&answers)
                .filter(|pg| pg.fields.iter().any(|f| rr.outcome.canonical.contains_key(f) || answers.contains_key(f)))
                .map(|pg| {
                    let rows = pg
                        .fields
                        .iter()
                        .filter_map(|fid| {
                            let f = p.field(fid)?;
                            let raw = answers.get(fid)?;
                            let shown = match rr.outcome.canonical.get(fid) {
                                Some(c) => validate::display_value(p, fid, c, lang, units.as_deref()),
                                None => raw.clone(),
                            };
                            Some(view! { <div class="summary-row"><dt>{f.label.get(lang).to_string()}</dt><dd>{shown}</dd></div> })
                        })
                        .collect_view();
                    let kind = if pg.kind == PageKind::Question { "decl-section decl-section--question" } else { "decl-section" };
                    view! {
                        <section class=kind>
                            <h3>{pg.title.get(lang).to_string()}</h3>
                            <dl class="summary">{rows}</dl>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }
    };
    let checklist_view = move || {
        let lang = state.lang.get();
        let Some((_, rr)) = rules.get() else {
            return ().into_any();
        };
        rr.checklist
            .into_iter()
            .map(|c| {
                let (class, status) = match (c.action, c.files.is_empty()) {
                    (DocAction::Show, _) => ("doc-status doc-status--show", t(lang, i18n::STAFF_DOC_SHOW).to_string()),
                    (_, true) => ("doc-status doc-status--missing", t(lang, i18n::STAFF_DOC_MISSING).to_string()),
                    (_, false) => ("doc-status doc-status--ok", format!("{} {}", t(lang, i18n::STAFF_DOC_PRESENT), c.files.join(", "))),
                };
                view! { <li><span class="doc-name">{c.name.get(lang).to_string()}</span>" — "<span class=class>{status}</span></li> }
            })
            .collect_view()
            .into_any()
    };
    let attachments_view = {
        let r = report.clone();
        move || {
            let lang = state.lang.get();
            r.urls
                .iter()
                .map(|(path, url)| {
                    let media = r.files.iter().find(|(f, _)| &f.path == path).map(|(f, _)| f.media_type.clone()).unwrap_or_default();
                    if media.starts_with("image/") {
                        view! {
                            <figure class="attachment">
                                <img src=url.clone() alt=format!("{} {path}", t(lang, i18n::STAFF_IMAGE_OF)) loading="lazy"/>
                                <figcaption>{path.clone()}</figcaption>
                            </figure>
                        }
                        .into_any()
                    } else {
                        view! {
                            <p class="attachment"><a href=url.clone() target="_blank" rel="noopener">{format!("{} {path}", t(lang, i18n::STAFF_OPEN_PDF))}</a></p>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class=verdict_class id="verdict" tabindex="-1" role="status">{verdict}</div>
        <dl class="summary">{summary}</dl>
        <div class="field no-print">
            <label class="label" for="reference-check">{move || state.t(i18n::STAFF_REF_LABEL)}</label>
            <p class="hint" id="reference-check-hint">{move || state.t(i18n::STAFF_REF_HINT)}</p>
            <input id="reference-check" name="reference" class="input input--medium" autocomplete="off" spellcheck="false"
                aria-describedby="reference-check-hint"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <div aria-live="polite">{match_view}</div>
        </div>
        <h2>{move || state.t(i18n::STAFF_DECLARATION)}</h2>
        <div class="declaration">{answers_view}</div>
        <h2>{move || state.t(i18n::STAFF_CHECKLIST)}</h2>
        <ul class="list">{checklist_view}</ul>
        <h2>{move || state.t(i18n::STAFF_ATTACHMENTS)}</h2>
        <div class="attachments">{attachments_view}</div>
        <button type="button" class="button button--secondary no-print" on:click=move |_| web::print()>{move || state.t(i18n::STAFF_PRINT)}</button>
    }
}

/// Mounts the staff page on the body (the `hoso-staff` bundle).
pub fn mount() {
    leptos::mount::mount_to_body(StaffApp);
}
