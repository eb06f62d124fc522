//! The staff page (`/staff/`, its own wasm bundle so residents never download it): open a
//! package, see at once whether it is complete, intact and valid — the same checks as
//! `hoso verify` — then its summary, a reference check, the declaration, the checklist and the
//! attachments. Printable. It provides only the preferences and the loaded data.

mod attachments;
// Only in the staff page's bundle, which is built knowing where its script is (`camera.rs`).
#[cfg(feature = "staff-page")]
mod camera;
mod checklist;
mod declaration;
mod part;
mod reference;
mod scan;
mod summary;
mod verdict;

use super::data::{use_data, Data};
use super::prefs::{use_prefs, Prefs};
use super::{web, Header};
use crate::engine::catalog::{CatalogIndex, Procedure};
use crate::engine::finding::{Finding, FindingCode};
use crate::engine::package::{self, AnswersFile, FileEntry, Manifest, Opened, RulesReport};
use crate::engine::zipr::Entry;
use crate::i18n;
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
    /// The answers read from a resident's counter QR codes (no attachments).
    Scanned(Arc<crate::engine::counter::Payload>),
}

/// The rules part of the check, once the procedure and the unit list are loaded.
type Rules = Memo<Option<(&'static Procedure, RulesReport)>>;

#[component]
pub fn StaffApp() -> impl IntoView {
    let prefs = Prefs::new();
    provide_context(prefs);
    provide_context(Data::new());
    prefs.persist();
    view! {
        <a class="skip-link" href="#main">{move || prefs.t(i18n::SKIP_TO_CONTENT)}</a>
        <Header/>
        <main id="main" class="container" tabindex="-1"><StaffPage/></main>
        <footer class="footer container no-print">
            <p>{move || prefs.t(i18n::FOOTER)}</p>
        </footer>
    }
}

/// Reads a chosen or dropped file and checks it.
fn open_file(pkg: RwSignal<Package>, data: Data, file: web_sys::File) {
    let name = file.name();
    if let Package::Opened(r) = pkg.get_untracked() {
        for (_, u) in &r.urls {
            web::revoke_url(u);
        }
    }
    pkg.set(Package::Reading(name.clone()));
    leptos::task::spawn_local(async move {
        let Some(bytes) = web::read_blob(&file).await else {
            let f = Finding::problem(
                FindingCode::Unreadable,
                crate::engine::media::unreadable(&name),
            );
            pkg.set(Package::Unreadable(name, f));
            return;
        };
        let zip = Arc::new(bytes);
        let Some(fonts) = crate::ui::data::fonts().await else {
            let f = Finding::problem(FindingCode::Unreadable, crate::i18n::FONTS_NOT_LOADED);
            pkg.set(Package::Unreadable(name, f));
            return;
        };
        // The zip is read once: to hash each file with the browser's SHA-256, then to check it.
        let entries = match package::read_entries(&zip) {
            Ok(e) => e,
            Err(f) => {
                pkg.set(Package::Unreadable(name, f));
                web::focus_id("verdict");
                return;
            }
        };
        let digests = native_digests(&zip, &entries).await;
        let next = match part::open(name.clone(), zip, entries, fonts, digests).await {
            Some(Ok(r)) => {
                data.load_procedure(&r.manifest.procedure.id);
                data.load_units();
                Package::Opened(Arc::new(r))
            }
            Some(Err(f)) => Package::Unreadable(name, f),
            None => {
                let f = Finding::problem(FindingCode::Unreadable, i18n::STAFF_PART_FAILED);
                Package::Unreadable(name, f)
            }
        };
        pkg.set(next);
        web::focus_id("verdict");
    });
}

/// The SHA-256 of every file in the zip with the browser's own (WebCrypto), for the engine to
/// check against the manifest; `None` where the browser has none (the engine then hashes).
async fn native_digests(zip: &[u8], entries: &[Entry]) -> part::Digests {
    let mut out = std::collections::BTreeMap::new();
    for e in entries {
        let d = web::sha256_hex(&zip[e.data.clone()]).await?;
        out.insert(e.name.clone(), d);
    }
    Some(out)
}

#[component]
fn StaffPage() -> impl IntoView {
    let (prefs, data) = (use_prefs(), use_data());
    let pkg: RwSignal<Package> = RwSignal::new(Package::Empty);
    let dragging = RwSignal::new(false);
    Effect::new(move |_| web::set_title(&format!("{} – Hồ sơ", prefs.t(i18n::STAFF_TITLE))));
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(f) = web::picked_files(&ev).into_iter().next() {
            open_file(pkg, data, f);
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
            open_file(pkg, data, f);
        }
    };
    let body = move || {
        match pkg.get() {
        Package::Empty => ().into_any(),
        Package::Reading(name) => view! { <p class="loading" role="status">{move || format!("{} {name}", prefs.t(i18n::STAFF_READING))}</p> }.into_any(),
        Package::Unreadable(name, f) => verdict::unreadable(name, f).into_any(),
        Package::Opened(r) => part::opened(r),
        Package::Scanned(p) => part::scanned(p),
    }
    };
    view! {
        <h1 class="page-title" id="page-title" tabindex="-1">{move || prefs.t(i18n::STAFF_TITLE)}</h1>
        <p class="lead no-print">{move || prefs.t(i18n::STAFF_INTRO)}</p>
        <div
            class=move || if dragging.get() { "drop-zone drop-zone--active no-print" } else { "drop-zone no-print" }
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
            on:pointerenter=move |_| part::prefetch()
            on:focusin=move |_| part::prefetch()
        >
            <label class="file-label" for="package-file">{move || prefs.t(i18n::STAFF_CHOOSE)}</label>
            <input id="package-file" name="package" type="file" class="file-input" accept=".zip,application/zip" on:change=on_change/>
            <p class="hint">{move || prefs.t(i18n::STAFF_DROP)}</p>
        </div>
        <scan::ScanBox pkg=pkg/>
        {body}
    }
}

#[component]
fn PackageView(report: Arc<Report>) -> impl IntoView {
    let (prefs, data) = (use_prefs(), use_data());
    let r = report.clone();
    let pid = r.manifest.procedure.id.clone();
    // The rules part needs the procedure definition and the unit list (fetched, cached offline).
    // (Reports are not comparable; a recomputation always counts as a change.)
    let rules: Rules = Memo::new_with_compare(
        move |_| {
            let units = data.units()?;
            let p = data.procedure(&pid)?;
            Some((
                p,
                package::check_rules(&r.opened(), p, &CatalogIndex::bundled().version, &units),
            ))
        },
        |_, _| true,
    );
    view! {
        {verdict::verdict(report.clone(), rules)}
        {summary::summary(&report)}
        {reference::check(report.manifest.reference.clone())}
        <h2>{move || prefs.t(i18n::STAFF_DECLARATION)}</h2>
        <div class="declaration">{declaration::declaration(report.clone(), rules)}</div>
        <h2>{move || prefs.t(i18n::STAFF_CHECKLIST)}</h2>
        <ul class="list">{checklist::checklist(rules)}</ul>
        <h2>{move || prefs.t(i18n::STAFF_ATTACHMENTS)}</h2>
        <div class="attachments">{attachments::attachments(report)}</div>
        <button type="button" class="button button--secondary no-print" on:click=move |_| web::print()>{move || prefs.t(i18n::STAFF_PRINT)}</button>
    }
}

/// Mounts the staff page on the body (the `hoso-staff` bundle).
pub fn mount() {
    leptos::mount::mount_to_body(StaffApp);
}
