//! What the start page offers or starts but does not carry the code of: decoding a procedure's
//! definition (every journey part has a decoder; the code lands in the chunk the three share) and
//! reading and writing draft files (the `finish` part). Each runs in a part that is already there
//! or being fetched where it can, so nothing more is downloaded.

use super::{state, Load};
use crate::engine::catalog::Procedure;
use crate::engine::draft::{self, DraftFile};
use crate::engine::text::I18n;
use crate::ui::drafts::Drafts;
use futures::future::LocalBoxFuture;
use leptos::wasm_split::SplitLoaderError;
use std::cell::Cell;

// Procedure definitions are decoded by code the start page does not carry: every journey part
// has a decoder (the code is in the chunk they share), and the app decodes with the part being
// opened (`procedure_decoder`).
macro_rules! split_decoder {
    ($part:ident, $name:ident) => {
        #[cfg(not(feature = "staff-page"))]
        #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name(bytes: Vec<u8>) -> Result<Option<Procedure>, SplitLoaderError> {
            Ok(Procedure::from_compact(&bytes).ok())
        }
        #[cfg(feature = "staff-page")]
        async fn $name(bytes: Vec<u8>) -> Result<Option<Procedure>, SplitLoaderError> {
            Ok(Procedure::from_compact(&bytes).ok())
        }
    };
}
split_decoder!(form, decode_in_form);
split_decoder!(finish, decode_in_finish);
split_decoder!(pack, decode_in_pack);

// Draft files (`.hoso`: `engine::draft`) are read and written by the `finish` part, not the
// start page's wasm, though the start page offers both: the file's checksum (SHA-256) and its
// decoder are code the start page would otherwise carry for a rare action. (Not the `form` part:
// a form page opened by a link would carry them.) An opened file's procedure is then decoded with
// the same part (`procedure_decoder` prefers a part already there).
macro_rules! split_finish_fn {
    ($name:ident, ($arg:ident: $ty:ty) -> $out:ty $body:block) => {
        #[cfg(not(feature = "staff-page"))]
        #[leptos::wasm_split::wasm_split(finish, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($arg: $ty) -> Result<$out, SplitLoaderError> $body
        #[cfg(feature = "staff-page")]
        async fn $name($arg: $ty) -> Result<$out, SplitLoaderError> $body
    };
}
split_finish_fn!(read_draft_in_finish, (bytes: Vec<u8>) -> Result<DraftFile, I18n> {
    Ok(draft::import(&bytes, crate::engine::catalog::CatalogIndex::bundled()))
});
split_finish_fn!(write_draft_in_finish, (d: DraftFile) -> Vec<u8> {
    Ok(draft::export(&d))
});

split_finish_fn!(keep_draft_in_finish, (args: (Drafts, DraftFile, &'static Procedure)) -> Result<I18n, I18n> {
    // Written to the device like any other change: the writer starts first.
    crate::ui::drafts::writer::ensure_keeping(args.0);
    Ok(crate::ui::drafts::import::keep(args.0, args.1, args.2))
});

/// Keeps a draft read from a file as a filing of its own (`drafts::import::keep`), with the
/// `finish` part.
pub async fn keep_draft(drafts: Drafts, d: DraftFile, p: &'static Procedure) -> Result<I18n, I18n> {
    keep_draft_in_finish((drafts, d, p))
        .await
        .unwrap_or_else(|_| Err(crate::i18n::LOAD_FAILED_BODY.into()))
}

/// Reads a draft file (`engine::draft::import`) with the `finish` part; the load failure as the
/// resident's message.
pub async fn read_draft_file(bytes: Vec<u8>) -> Result<DraftFile, I18n> {
    let read = read_draft_in_finish(bytes).await;
    if read.is_ok() {
        mark_here(1);
    }
    read.unwrap_or_else(|_| Err(crate::i18n::LOAD_FAILED_BODY.into()))
}

/// Writes a draft file (`engine::draft::export`) with the `finish` part; `None` if it cannot be
/// fetched.
pub async fn write_draft_file(d: DraftFile) -> Option<Vec<u8>> {
    let written = write_draft_in_finish(d).await.ok();
    if written.is_some() {
        mark_here(1);
    }
    written
}

thread_local! {
    /// The parts known to be loaded (by a page or by one of the functions above).
    static HERE: Cell<[bool; 3]> = const { Cell::new([false; 3]) };
}

pub(super) fn mark_here(part: usize) {
    HERE.with(|h| {
        let mut a = h.get();
        a[part] = true;
        h.set(a)
    });
}

/// The resident app's procedure decoder (`Data::with_decoder`): that of a part already there or
/// being fetched, so nothing more is downloaded (the `form` part's if none is); `None` if the
/// part cannot be fetched (the page then says the procedure could not be loaded).
pub fn procedure_decoder(bytes: Vec<u8>) -> LocalBoxFuture<'static, Option<Procedure>> {
    Box::pin(async move {
        let here = HERE.with(Cell::get);
        let part = (0..3)
            .find(|&p| here[p])
            .or_else(|| (0..3).find(|&p| state(p) != Load::Idle))
            .unwrap_or(0);
        let decoded = match part {
            1 => decode_in_finish(bytes).await,
            2 => decode_in_pack(bytes).await,
            _ => decode_in_form(bytes).await,
        };
        decoded.ok().flatten()
    })
}
