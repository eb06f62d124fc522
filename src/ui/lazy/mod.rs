//! The journey pages (everything after the start page) live in their own parts of the wasm, so
//! the start page downloads only what it shows (docs/size.md): `form` (the procedure, its
//! questions and declaration, the checklist) and `finish` (attachments, check your answers, the
//! package). `scripts/build/split.py`, run by the build, cuts the wasm at the functions below with
//! `wasm-split-cli` (code both parts use goes to a chunk loaded with either). A part is fetched
//! when one of its pages first opens, or at start-up on a deep link (index.html preloads it),
//! and the service worker keeps it for offline use.
//!
//! The part is loaded in a task; the page is then built synchronously in the page's reactive
//! owner (components read their context), where a loaded part's function returns at once.

use super::components::{loading_line, LoadFailed};
use super::data::Load;
use super::drafts::DraftList;
use super::pages::{
    AttachmentsPage, ChecklistPage, CounterPage, DonePage, PortalPage, ProcedureInfo, ReviewPage,
    StepPage,
};
use super::router::Route;
use crate::engine::package::{self, BuildError, BuildInput, Built};
use crate::engine::text::I18n;
use futures::future::LocalBoxFuture;
use futures::FutureExt;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::Cell;

mod list;
mod shared;
pub use list::{draft_list, draft_list_ready};
pub use shared::{keep_draft, procedure_decoder, read_draft_file, write_draft_file};

// A split function is exported from the wasm, so every binary linking it keeps the page. The
// staff page's bundle (built with `staff-page`) gets plain functions, which it drops unused.
macro_rules! split_page {
    ($part:ident, $name:ident, $preload:ident, $page:ident) => {
        #[cfg(not(feature = "staff-page"))]
        #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $name() -> Result<AnyView, SplitLoaderError> {
            // Every page of a part can change a draft: the writer starts with the first.
            crate::ui::drafts::writer::ensure_keeping(crate::ui::drafts::use_drafts());
            Ok(view! { <$page/> }.into_any())
        }
        #[cfg(feature = "staff-page")]
        async fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }
        #[cfg(feature = "staff-page")]
        async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

/// The package builder (validation, the official forms as HTML and PDF, the zip) in a part of its
/// own, `pack`: fetched when the review page opens, so no page's first load carries the PDF code.
#[cfg(not(feature = "staff-page"))]
#[leptos::wasm_split::wasm_split(pack, wasm_split_path = ::leptos::wasm_split, fallible, preload(pack_pre))]
fn pack(input: &BuildInput<'_>) -> Result<Result<Built, BuildError>, SplitLoaderError> {
    Ok(package::build(input))
}
#[cfg(feature = "staff-page")]
async fn pack(input: &BuildInput<'_>) -> Result<Result<Built, BuildError>, SplitLoaderError> {
    Ok(package::build(input))
}
#[cfg(feature = "staff-page")]
async fn pack_pre() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// Builds a package with the `pack` part (fetching it if needed); the resident's messages if not.
fn build_package<'a>(input: &'a BuildInput<'a>) -> LocalBoxFuture<'a, Result<Built, Vec<I18n>>> {
    Box::pin(async move {
        match pack(input).await {
            Ok(built) => built.map_err(|e| e.0),
            Err(_) => Err(vec![crate::i18n::LOAD_FAILED_BODY.into()]),
        }
    })
}

/// Starts fetching the `pack` part (the review page, so Continue need not wait for it).
fn prefetch_pack() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = pack_pre().await;
    });
}

/// What pages in parts reach in other split functions — the package builder (the review page),
/// the draft file writer (the list of drafts) — through a context the app provides, not a call.
/// A page in a part is kept in every binary that links the library (its split function is
/// exported), so a direct call would also keep the other function's loader import in binaries
/// that are not cut into parts — the component tests' wasm could then not be instantiated.
#[derive(Clone, Copy)]
pub struct Packer {
    pub build: for<'a> fn(&'a BuildInput<'a>) -> LocalBoxFuture<'a, Result<Built, Vec<I18n>>>,
    pub prefetch: fn(),
    /// `write_draft_file`: a draft as a `.hoso` file; `None` if its part cannot be fetched.
    pub write_draft: WriteDraft,
}

/// Writes a draft file (`write_draft_file`).
pub type WriteDraft = fn(crate::engine::draft::DraftFile) -> LocalBoxFuture<'static, Option<Vec<u8>>>;

/// Provided by the app for its pages.
pub fn provide_packer() {
    provide_context(Packer {
        build: build_package,
        prefetch: prefetch_pack,
        write_draft: |d| Box::pin(write_draft_file(d)),
    });
}

split_page!(form, info_page, info_pre, ProcedureInfo);
split_page!(form, step_page, step_pre, StepPage);
split_page!(form, checklist_page, checklist_pre, ChecklistPage);
split_page!(finish, attachments_page, attachments_pre, AttachmentsPage);
split_page!(finish, review_page, review_pre, ReviewPage);
// The start page's list of drafts: only a device with drafts fetches it (`draft_list`).
split_page!(finish, draft_list_view, draft_list_pre, DraftList);
// The confirmation page comes with the package builder: it shows what the builder made.
split_page!(pack, done_page, done_pre, DonePage);
// What the resident takes away next: the answers to copy into the portal, the counter card.
split_page!(pack, portal_page, portal_pre, PortalPage);
split_page!(pack, counter_page, counter_pre, CounterPage);

/// The part of the wasm a page lives in: 0 `form`, 1 `finish`, 2 `pack` (the confirmation page,
/// the copy-into-the-portal page and the counter card, with the package builder). index.html's boot script preloads a deep link's part by the same
/// rule (attachments, review: `finish`; done: `pack`).
fn part(route: &Route) -> Option<usize> {
    match route {
        Route::Procedure(_) | Route::Step(_, _) | Route::Checklist(_) => Some(0),
        Route::Attachments(_) | Route::Review(_) => Some(1),
        Route::Done(_) | Route::Portal(_) | Route::Counter(_) => Some(2),
        Route::Home | Route::NotFound => None,
    }
}

thread_local! {
    static STATE: Cell<[Load<()>; 3]> = const { Cell::new([Load::Idle, Load::Idle, Load::Idle]) };
    /// The app's "a part has arrived" signal, once the app has rendered a journey page.
    static NOTIFY: Cell<Option<RwSignal<u32>>> = const { Cell::new(None) };
}

fn state(part: usize) -> Load<()> {
    STATE.with(|s| s.get()[part])
}

fn set_state(part: usize, v: Load<()>) {
    STATE.with(|s| {
        let mut a = s.get();
        a[part] = v;
        s.set(a)
    });
}

/// Fetches a part. Each split function has its own loader, so all of the part's are awaited
/// (the later ones find the module there); its pages then render synchronously.
fn load(part: usize) {
    set_state(part, Load::Loading);
    wasm_bindgen_futures::spawn_local(async move {
        fetch(part).await;
    });
}

/// Waits for a part (awaiting all of its loaders), then says it has arrived; whether it could be
/// fetched.
async fn fetch(part: usize) -> bool {
    let ok = match part {
        0 => {
            info_pre().await.is_ok()
                && step_pre().await.is_ok()
                && checklist_pre().await.is_ok()
        }
        1 => {
            attachments_pre().await.is_ok()
                && review_pre().await.is_ok()
                && draft_list_pre().await.is_ok()
        }
        _ => {
            done_pre().await.is_ok()
                && portal_pre().await.is_ok()
                && counter_pre().await.is_ok()
                && pack_pre().await.is_ok()
        }
    };
    // The page is built in a task of its own, not in the one that instantiated the part.
    super::web::yield_now().await;
    set_state(part, if ok { Load::Ready(()) } else { Load::Failed });
    if ok {
        shared::mark_here(part);
    }
    if let Some(n) = NOTIFY.with(Cell::get) {
        n.try_update(|n| *n += 1);
    }
    ok
}

/// The signal the app's views read to hear that a part has arrived.
pub fn notify_on(loaded: RwSignal<u32>) {
    NOTIFY.with(|n| n.set(Some(loaded)));
}

/// Starts loading the part of `route`'s page if it is not there: as the app starts, before it
/// reads the drafts and settings (a deep link; index.html's boot script has already preloaded
/// it), and on each route change, at the same time as the procedure's definition.
pub fn start(route: &Route) {
    if let Some(p) = part(route) {
        if state(p) == Load::Idle {
            load(p);
        }
    }
}

/// Forgets that the part of `route`'s page failed to load (its page said so): the next visit
/// fetches it again.
pub fn forget_failure(route: &Route) {
    if let Some(p) = part(route) {
        if state(p) == Load::Failed {
            set_state(p, Load::Idle);
        }
    }
}

/// The page of `route` (not the start page), or a loading line while its part is fetched.
/// `loaded` changes when a part has arrived; the caller's view reads it.
pub fn page(route: &Route, loaded: RwSignal<u32>) -> AnyView {
    NOTIFY.with(|n| n.set(Some(loaded)));
    loaded.track();
    let Some(p) = part(route) else {
        return ().into_any();
    };
    match state(p) {
        Load::Ready(()) => {
            let page = match route {
                Route::Procedure(_) => info_page().now_or_never(),
                Route::Step(_, _) => step_page().now_or_never(),
                Route::Checklist(_) => checklist_page().now_or_never(),
                Route::Attachments(_) => attachments_page().now_or_never(),
                Route::Review(_) => review_page().now_or_never(),
                Route::Done(_) => done_page().now_or_never(),
                Route::Portal(_) => portal_page().now_or_never(),
                Route::Counter(_) => counter_page().now_or_never(),
                Route::Home | Route::NotFound => None,
            };
            // Never pending or failed: all of the part's loaders have completed.
            if let Some(Ok(v)) = page {
                return v;
            }
        }
        // Said once; the next visit to one of its pages tries again (as the loader does).
        Load::Failed => {
            set_state(p, Load::Idle);
            return view! { <LoadFailed/> }.into_any();
        }
        Load::Loading => {}
        Load::Idle => load(p),
    }
    loading_line()
}
