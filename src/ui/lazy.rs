//! The journey pages (everything after the start page) live in their own part of the wasm, so
//! the start page downloads only what it shows (docs/size.md). `scripts/split.py`, run by the
//! build, cuts the wasm at the functions below with `wasm-split-cli`: the `journey` part is
//! fetched when a journey page first opens, or at start-up on a deep link (index.html preloads
//! it), and the service worker keeps it for offline use.
//!
//! The part is loaded in a task; the page is then built synchronously in the page's reactive
//! owner (components read their context), where a loaded part's function returns at once.

use super::pages::{
    AttachmentsPage, ChecklistPage, DonePage, LoadFailed, ProcedureInfo, ReviewPage, StepPage,
};
use super::router::Route;
use super::AppState;
use crate::i18n;
use futures::FutureExt;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::cell::Cell;

// A split function is exported from the wasm, so every binary linking it keeps the page. The
// staff page's bundle (built with `staff-page`) gets plain functions, which it drops unused.
macro_rules! split_page {
    ($name:ident, $preload:ident, $page:ident) => {
        #[cfg(not(feature = "staff-page"))]
        #[wasm_split(journey, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $name() -> Result<AnyView, SplitLoaderError> {
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

split_page!(info_page, info_pre, ProcedureInfo);
split_page!(step_page, step_pre, StepPage);
split_page!(checklist_page, checklist_pre, ChecklistPage);
split_page!(attachments_page, attachments_pre, AttachmentsPage);
split_page!(review_page, review_pre, ReviewPage);
split_page!(done_page, done_pre, DonePage);

const IDLE: u8 = 0;
const LOADING: u8 = 1;
const READY: u8 = 2;
const FAILED: u8 = 3;

thread_local! {
    static STATE: Cell<u8> = const { Cell::new(IDLE) };
    /// The app's "a chunk has arrived" signal, once the app has rendered a journey page.
    static NOTIFY: Cell<Option<RwSignal<u32>>> = const { Cell::new(None) };
}

/// Fetches the journey part: one module, but each split function has its own loader, so all of
/// them are awaited (the later ones find the module there). Pages then render synchronously.
fn load() {
    STATE.with(|s| s.set(LOADING));
    wasm_bindgen_futures::spawn_local(async {
        let ok = info_pre().await.is_ok()
            && step_pre().await.is_ok()
            && checklist_pre().await.is_ok()
            && attachments_pre().await.is_ok()
            && review_pre().await.is_ok()
            && done_pre().await.is_ok();
        STATE.with(|s| s.set(if ok { READY } else { FAILED }));
        if let Some(n) = NOTIFY.with(Cell::get) {
            n.try_update(|n| *n += 1);
        }
    });
}

/// Called as the app starts, before it reads the drafts and settings: a deep link to a journey
/// page starts loading that part at once (index.html's boot script has already preloaded it).
pub fn start(path: &str) {
    let route = Route::parse(path);
    if !matches!(route, Route::Home | Route::NotFound) && STATE.with(Cell::get) == IDLE {
        load();
    }
}

/// The page of `route` (not the start page), or a loading line while the journey part is
/// fetched. `loaded` changes when it has arrived; the caller's view reads it.
pub fn page(route: &Route, loaded: RwSignal<u32>) -> AnyView {
    NOTIFY.with(|n| n.set(Some(loaded)));
    loaded.track();
    match STATE.with(Cell::get) {
        READY => {
            let page = match route {
                Route::Procedure(_) => info_page().now_or_never(),
                Route::Step(_, _) => step_page().now_or_never(),
                Route::Checklist(_) => checklist_page().now_or_never(),
                Route::Attachments(_) => attachments_page().now_or_never(),
                Route::Review(_) => review_page().now_or_never(),
                Route::Done(_) => done_page().now_or_never(),
                Route::Home | Route::NotFound => None,
            };
            if let Some(Ok(v)) = page {
                return v;
            }
        }
        // Said once; the next visit to a journey page tries again (as the loader does).
        FAILED => {
            STATE.with(|s| s.set(IDLE));
            return view! { <LoadFailed/> }.into_any();
        }
        LOADING => {}
        _ => load(),
    }
    let state = expect_context::<AppState>();
    view! { <p class="loading" role="status">{move || state.t(i18n::LOADING)}</p> }.into_any()
}
