//! The resident's drafts: answers and attached pages per procedure, kept on the device as they
//! are entered (`store`), listed on the start page (`list`), moved between devices in a `.hoso`
//! file (`import`, and `list`'s export). The `Drafts` context owns every change to them, and with
//! it the rule that a change makes the package built from them out of date.

pub(crate) mod import;
mod list;
mod pages;
mod records;
pub mod store;
pub mod writer;

pub use import::ImportDraft;
pub use list::DraftList;
pub use store::{restore, Restored};

use super::data::Data;
use crate::engine::catalog::Answers;
use crate::engine::media::MediaType;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One attached page of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Attached {
    pub key: u32,
    pub procedure: String,
    pub document_id: String,
    pub name: String,
    pub media: MediaType,
    pub file: PageFile,
}

/// An attached page's file, which the browser keeps as a Blob: outside the renderer's memory
/// (ten photos are 7 MB a low-end phone needs while it draws the next), stored in IndexedDB as it
/// is, and read into the app only to build a package or a draft file ([`PageFile::read`]).
#[derive(Clone, Debug)]
pub struct PageFile {
    blob: send_wrapper::SendWrapper<web_sys::Blob>,
    pub size: u64,
}

impl PartialEq for PageFile {
    fn eq(&self, other: &Self) -> bool {
        *self.blob == *other.blob
    }
}

impl PageFile {
    pub fn new(blob: web_sys::Blob) -> PageFile {
        let size = blob.size() as u64;
        PageFile { blob: send_wrapper::SendWrapper::new(blob), size }
    }

    /// A page made in the app (a kept or stripped picture, a PDF, a page of a draft file).
    pub fn of_bytes(bytes: &[u8], media: MediaType) -> Option<PageFile> {
        crate::ui::web::blob_of(&[bytes], media.mime()).ok().map(PageFile::new)
    }

    pub fn blob(&self) -> &web_sys::Blob {
        &self.blob
    }

    /// The bytes; `None` if the browser could not read them back.
    pub async fn read(&self) -> Option<Vec<u8>> {
        let b = crate::ui::web::read_blob(&self.blob).await?;
        (b.len() as u64 == self.size).then_some(b)
    }
}

/// The package built from a draft, ready to download (until the draft changes).
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    pub procedure: String,
    pub reference: String,
    pub package_id: String,
    pub file_name: String,
    pub zip: Arc<crate::engine::package::Zip>,
    /// The files for the portal, each offered on its own: the printed forms, then one file per
    /// document (`engine::ready`).
    pub files: Vec<ReadyDownload>,
    /// The counter QR codes' texts: the answers themselves (`engine::counter`).
    pub counter: Vec<String>,
}

/// One ready file of a package, to save or share on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadyDownload {
    pub file_name: String,
    /// The document it is, as the portal names it.
    pub title: String,
    pub media: crate::engine::media::MediaType,
    /// Attached pages it holds (0 for a printed form).
    pub pages: usize,
    /// A printed form (not the resident's own document).
    pub printed: bool,
    /// In parts, the photos shared with the drafts (`engine::parts`).
    pub bytes: Arc<crate::engine::parts::Parts>,
}

/// What the device refused to keep, shown to the resident.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StorageProblem {
    pub answers: bool,
    pub files: bool,
}

/// The drafts context (`Copy`): every read and change of answers and attachments goes through it.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// Answers per procedure id.
    pub answers: RwSignal<BTreeMap<String, Answers>>,
    /// Every attached page, in page order within each document.
    attachments: RwSignal<Vec<Attached>>,
    /// Last change of each draft (ms since the epoch), for the list of drafts.
    pub touched: RwSignal<BTreeMap<String, f64>>,
    pub storage_problem: RwSignal<StorageProblem>,
    /// The package built from a draft (the review page builds it, the confirmation page offers it).
    finished: RwSignal<Option<Finished>>,
    next_key: StoredValue<u32>,
    /// The ward's own commune: the receiving commune unless the resident chose another.
    ward_commune: StoredValue<Option<String>>,
    data: Data,
    /// The device's storage answered at start-up (`Restored::unavailable` not set).
    restored_ok: bool,
    /// The app's reactive owner, which outlives every page: the writer (`writer::ensure_keeping`)
    /// is started by the first page that can change a draft, and must not end with that page.
    owner: StoredValue<Option<Owner>>,
}

impl Drafts {
    /// The drafts read from the device (`store::restore`).
    pub fn new(r: Restored, data: Data, ward_commune: Option<String>) -> Drafts {
        let next = r.attachments.iter().map(|a| a.key + 1).max().unwrap_or(1);
        // Without storage nothing will be kept: said at once, on the start page too.
        let problem = StorageProblem {
            answers: r.unavailable,
            files: r.unavailable,
        };
        Drafts {
            answers: RwSignal::new(r.answers),
            attachments: RwSignal::new(r.attachments),
            touched: RwSignal::new(r.touched),
            storage_problem: RwSignal::new(problem),
            finished: RwSignal::new(None),
            next_key: StoredValue::new(next),
            ward_commune: StoredValue::new(ward_commune),
            data,
            restored_ok: !r.unavailable,
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Whether the device's storage answered at start-up.
    pub fn restored_ok(&self) -> bool {
        self.restored_ok
    }

    /// Runs `f` under the app's reactive owner (effects made there live as long as the app).
    pub(crate) fn in_app_owner(&self, f: impl FnOnce()) {
        match self.owner.get_value() {
            Some(o) => o.with(f),
            None => f(),
        }
    }

    /// Any change to a draft: the package built before it no longer matches.
    fn changed(&self) {
        self.finished.set(None);
    }

    /// Answers of one filing (its key: `crate::routes::procedure_of`; the keys of this context's
    /// methods are filings' keys) with the catalog's defaults filled in (reactive).
    pub fn answers_of(&self, proc_id: &str) -> Answers {
        let p = self.data.procedure(crate::routes::procedure_of(proc_id));
        self.answers.with(|all| {
            let a = all.get(proc_id).cloned().unwrap_or_default();
            let Some(p) = p else {
                return a;
            };
            let mut a = p.with_defaults(&a);
            if let Some(c) = self.ward_commune.get_value() {
                a.entry(p.receiving_field.clone()).or_insert(c);
            }
            a
        })
    }

    /// Same, without subscribing the caller to changes.
    pub fn answers_of_untracked(&self, proc_id: &str) -> Answers {
        untrack(|| self.answers_of(proc_id))
    }

    /// One answer, with the same defaults as [`Self::answers_of`], without copying the others.
    pub fn answer(&self, proc_id: &str, field: &str) -> String {
        let p = self.data.procedure(crate::routes::procedure_of(proc_id));
        let value = self.answers.with(|all| {
            let a = all.get(proc_id);
            match p {
                Some(p) => p.answer_or_default(a, field).map(str::to_string),
                None => a.and_then(|a| a.get(field)).cloned(),
            }
        });
        value
            .or_else(|| {
                p.filter(|p| p.receiving_field == field)
                    .and_then(|_| self.ward_commune.get_value())
            })
            .unwrap_or_default()
    }

    /// [`Self::answer`] as a memo: its readers hear only of changes to this one answer, not of
    /// every keystroke in another field (a list of 55 options reads it once per option).
    pub fn answer_memo(&self, proc_id: &str, field: &str) -> Memo<String> {
        let (d, p, f) = (*self, proc_id.to_string(), field.to_string());
        Memo::new(move |_| d.answer(&p, &f))
    }

    pub fn set_answer(&self, proc_id: &str, field: &str, value: String) {
        self.answers.update(|all| {
            all.entry(proc_id.to_string())
                .or_default()
                .insert(field.to_string(), value);
        });
        self.changed();
    }

    /// Replaces one procedure's answers (e.g. after copying a person's details).
    pub fn set_answers(&self, proc_id: &str, answers: Answers) {
        self.answers.update(|all| {
            all.insert(proc_id.to_string(), answers);
        });
        self.changed();
    }

    /// Replaces a procedure's whole draft (a draft file opened from another device).
    pub fn replace(
        &self,
        proc_id: &str,
        answers: Answers,
        files: Vec<(String, String, MediaType, Vec<u8>)>,
    ) {
        self.attachments
            .update(|a| a.retain(|x| x.procedure != proc_id));
        for (doc, name, media, bytes) in files {
            // A Blob is refused only when the browser is out of memory.
            if let Some(f) = PageFile::of_bytes(&bytes, media) {
                self.add_page(proc_id, &doc, name, media, f);
            }
        }
        self.set_answers(proc_id, answers);
    }

    /// Removes one procedure's answers and attachments from this device.
    pub fn forget(&self, proc_id: &str) {
        self.answers.update(|all| {
            all.remove(proc_id);
        });
        self.attachments
            .update(|a| a.retain(|x| x.procedure != proc_id));
        self.touched.update(|t| {
            t.remove(proc_id);
        });
        self.changed();
    }

    /// Removes every answer and attachment from this device ("delete all my data").
    pub fn forget_all(&self) {
        self.answers.set(BTreeMap::new());
        self.attachments.set(Vec::new());
        self.touched.set(BTreeMap::new());
        self.changed();
        store::clear_all();
    }

    /// The filings with something entered, most recently changed first (reactive).
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<(f64, String)> = Vec::new();
        let touched = self.touched.get();
        let when = |id: &String| touched.get(id).copied().unwrap_or(0.0);
        self.answers.with(|all| {
            for (id, a) in all {
                if !a.is_empty() {
                    ids.push((when(id), id.clone()));
                }
            }
        });
        self.attachments.with(|all| {
            for a in all {
                if !ids.iter().any(|(_, id)| *id == a.procedure) {
                    ids.push((when(&a.procedure), a.procedure.clone()));
                }
            }
        });
        ids.retain(|(_, id)| {
            crate::engine::catalog::CatalogIndex::bundled()
                .get(crate::routes::procedure_of(id))
                .is_some()
        });
        crate::engine::sort_small_by(&mut ids, |x, y| x.0 > y.0);
        ids.into_iter().map(|(_, id)| id).collect()
    }

    /// Anything entered at all (reactive).
    pub fn any(&self) -> bool {
        self.answers.with(|a| a.values().any(|x| !x.is_empty()))
            || self.attachments.with(|a| !a.is_empty())
    }

    /// The package built from this procedure's draft, if it is still current (reactive).
    pub fn finished(&self, proc_id: &str) -> Option<Finished> {
        self.finished.get().filter(|f| f.procedure == proc_id)
    }

    pub fn set_finished(&self, f: Finished) {
        self.finished.set(Some(f));
    }
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}
