//! The pages after the start page live in separately loaded parts of the wasm (chunks), so the
//! start page downloads only what it shows. `scripts/split.sh` (run by the build) cuts the wasm
//! at the functions below with `wasm-split-cli`; each function's chunk is fetched the first time
//! its page opens (the service worker keeps them for offline use).
//!
//! A page's chunk is loaded in a task, then the page is built synchronously in the reactive owner
//! of the page (components read their context), so a loaded chunk's function returns at once.

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

macro_rules! split_page {
    ($module:ident, $name:ident, $preload:ident, $page:ident) => {
        #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }
    };
}

split_page!(journey, info_page, info_pre, ProcedureInfo);
split_page!(journey, step_page, step_pre, StepPage);
split_page!(journey, checklist_page, checklist_pre, ChecklistPage);
split_page!(journey, attachments_page, attachments_pre, AttachmentsPage);
split_page!(journey, review_page, review_pre, ReviewPage);
split_page!(journey, done_page, done_pre, DonePage);

const IDLE: u8 = 0;
const LOADING: u8 = 1;
const READY: u8 = 2;
const FAILED: u8 = 3;

thread_local! {
    static STATE: Cell<[u8; 6]> = const { Cell::new([IDLE; 6]) };
}

fn state(i: usize) -> u8 {
    STATE.with(|s| s.get()[i])
}

fn set_state(i: usize, v: u8) {
    STATE.with(|s| {
        let mut a = s.get();
        a[i] = v;
        s.set(a)
    });
}

macro_rules! arm {
    ($i:expr, $name:ident, $preload:ident, $loaded:expr) => {{
        match state($i) {
            READY => {
                if let Some(Ok(v)) = $name().now_or_never() {
                    return v;
                }
            }
            // Said once; the next visit to the page tries again (as the loader does).
            FAILED => {
                set_state($i, IDLE);
                return view! { <LoadFailed/> }.into_any();
            }
            LOADING => {}
            _ => {
                set_state($i, LOADING);
                let loaded = $loaded;
                leptos::task::spawn_local(async move {
                    let ok = $preload().await.is_ok();
                    set_state($i, if ok { READY } else { FAILED });
                    loaded.try_update(|n: &mut u32| *n += 1);
                });
            }
        }
    }};
}

/// The page of `route` (not the start page), or a loading line while its chunk is fetched.
/// `loaded` changes when a chunk has arrived; the caller's view reads it.
pub fn page(route: &Route, loaded: RwSignal<u32>) -> AnyView {
    loaded.track();
    match route {
        Route::Procedure(_) => arm!(0, info_page, info_pre, loaded),
        Route::Step(_, _) => arm!(1, step_page, step_pre, loaded),
        Route::Checklist(_) => arm!(2, checklist_page, checklist_pre, loaded),
        Route::Attachments(_) => arm!(3, attachments_page, attachments_pre, loaded),
        Route::Review(_) => arm!(4, review_page, review_pre, loaded),
        Route::Done(_) => arm!(5, done_page, done_pre, loaded),
        Route::Home | Route::NotFound => {}
    }
    let state = expect_context::<AppState>();
    view! { <p class="loading" role="status">{move || state.t(i18n::LOADING)}</p> }.into_any()
}
