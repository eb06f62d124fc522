//! The package check and what it shows live in a part of the staff bundle's wasm of their own,
//! `check` (docs/size.md): opening a zip (`package::open_with`: every printed form re-rendered,
//! so the PDF writer) and the views of an opened package or of a counter QR's answers. The page's
//! first load carries only the page, the file picker and the code box; the part is fetched when
//! a package or a set of codes is first opened (`scripts/build/split.py` cuts it, the service
//! worker keeps it for offline use). Each function's loader is awaited before its view is drawn,
//! so a drawn view's function returns at once (`now_or_never`).

use super::scan::ScannedView;
use super::{PackageView, Report};
use crate::engine::counter::Payload;
use crate::engine::finding::Finding;
use crate::engine::package;
use crate::engine::pdf::Fonts;
use crate::engine::zipr::Entry;
use futures::FutureExt;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::collections::BTreeMap;
use std::sync::Arc;

/// SHA-256 of each file of the zip by name, from the browser (`None`: the engine hashes).
pub(super) type Digests = Option<BTreeMap<String, String>>;

// A split function is exported from the wasm, so every binary linking it keeps it: the resident
// app's bundle (without `staff-page`) gets plain functions, which it drops unused.
macro_rules! split {
    ($name:ident, $preload:ident, ($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        #[cfg(feature = "staff-page")]
        #[leptos::wasm_split::wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        fn $name($($arg: $ty),*) -> Result<$out, SplitLoaderError> $body
        #[cfg(not(feature = "staff-page"))]
        async fn $name($($arg: $ty),*) -> Result<$out, SplitLoaderError> $body
        #[cfg(not(feature = "staff-page"))]
        async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }
    };
}

split!(check, check_pre, (name: String, zip: Arc<Vec<u8>>, entries: Vec<Entry>, fonts: Fonts<'static>, digests: Digests) -> Result<Report, Finding> {
    let opened = package::open_entries(&zip, &entries, fonts, digests.as_ref());
    Ok(opened.map(|o| Report::from_opened(name, zip.clone(), o)))
});
split!(package_view, package_view_pre, (report: Arc<Report>) -> AnyView {
    Ok(view! { <PackageView report=report/> }.into_any())
});
split!(scanned_view, scanned_view_pre, (payload: Arc<Payload>) -> AnyView {
    Ok(view! { <ScannedView payload=payload/> }.into_any())
});

/// Opens a package (its `entries` read from `zip`: `package::read_entries`) with the part
/// (fetching it if needed): the report, the engine's finding if the
/// zip is not a package, or `None` if the part could not be fetched.
pub(super) async fn open(
    name: String,
    zip: Arc<Vec<u8>>,
    entries: Vec<Entry>,
    fonts: Fonts<'static>,
    digests: Digests,
) -> Option<Result<Report, Finding>> {
    let checked = check(name, zip, entries, fonts, digests).await.ok()?;
    package_view_pre().await.ok()?;
    Some(checked)
}

/// Starts fetching the part when the staff show they are about to open something (a pointer over
/// the drop zone, the file picker or the code box focused), so opening rarely waits for it.
pub(super) fn prefetch() {
    leptos::task::spawn_local(async {
        let _ = check_pre().await;
    });
}

/// Fetches the part for a counter QR's answers; `false` if it could not be fetched.
pub(super) async fn ready_for_scanned() -> bool {
    scanned_view_pre().await.is_ok()
}

/// The view of an opened package (its part is there: [`open`] returned it).
pub(super) fn opened(report: Arc<Report>) -> AnyView {
    match package_view(report).now_or_never() {
        Some(Ok(v)) => v,
        _ => ().into_any(),
    }
}

/// The view of a counter QR's answers (after [`ready_for_scanned`]).
pub(super) fn scanned(payload: Arc<Payload>) -> AnyView {
    match scanned_view(payload).now_or_never() {
        Some(Ok(v)) => v,
        _ => ().into_any(),
    }
}
