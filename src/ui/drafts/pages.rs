//! The attached pages of the drafts: each procedure's documents, page by page, in order.

use super::{Attached, Drafts, PageFile};
use crate::engine::catalog::{Answers, DocAction, Procedure};
use crate::engine::media::MediaType;
use crate::engine::package::Attachment;
use leptos::prelude::*;
use std::sync::Arc;

impl Drafts {
    /// The keys of a document's pages, in order (reactive).
    pub fn pages_of(&self, proc_id: &str, document_id: &str) -> Vec<u32> {
        self.attachments.with(|a| {
            a.iter()
                .filter(|x| x.procedure == proc_id && x.document_id == document_id)
                .map(|x| x.key)
                .collect()
        })
    }

    /// A procedure's attached pages (reactive).
    pub fn files_of(&self, proc_id: &str) -> Vec<Attached> {
        self.attachments.with(|a| {
            a.iter()
                .filter(|x| x.procedure == proc_id)
                .cloned()
                .collect()
        })
    }

    /// How many pages a procedure has (reactive).
    pub fn file_count(&self, proc_id: &str) -> usize {
        self.attachments
            .with(|a| a.iter().filter(|x| x.procedure == proc_id).count())
    }

    /// The bytes attached to a procedure so far (`tracked`: reactive or not).
    pub fn bytes_used(&self, proc_id: &str, tracked: bool) -> u64 {
        let sum = |a: &Vec<Attached>| {
            a.iter()
                .filter(|x| x.procedure == proc_id)
                .map(|x| x.file.size)
                .sum()
        };
        if tracked {
            self.attachments.with(sum)
        } else {
            self.attachments.with_untracked(sum)
        }
    }

    /// One page, by key (not reactive).
    pub fn page(&self, key: u32) -> Option<Attached> {
        self.attachments
            .with_untracked(|a| a.iter().find(|x| x.key == key).cloned())
    }

    /// Every page of every procedure (for the store and the list of drafts).
    pub fn all_files(&self) -> RwSignal<Vec<Attached>> {
        self.attachments
    }

    /// Adds a page to a document (after its other pages).
    pub fn add_page(
        &self,
        procedure: &str,
        document_id: &str,
        name: String,
        media: MediaType,
        file: PageFile,
    ) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.attachments.update(|a| {
            a.push(Attached {
                key,
                procedure: procedure.to_string(),
                document_id: document_id.to_string(),
                name,
                media,
                file,
            })
        });
        self.changed();
    }

    pub fn remove_page(&self, key: u32) {
        self.attachments.update(|a| a.retain(|x| x.key != key));
        self.changed();
    }

    /// Moves a page one place earlier (`up`) or later among its document's pages.
    pub fn move_page(&self, key: u32, up: bool) {
        self.attachments.update(|a| {
            let Some(i) = a.iter().position(|x| x.key == key) else {
                return;
            };
            let same = |j: &usize| {
                a[*j].procedure == a[i].procedure && a[*j].document_id == a[i].document_id
            };
            let other = if up {
                (0..i).rev().find(same)
            } else {
                (i + 1..a.len()).find(same)
            };
            if let Some(j) = other {
                a.swap(i, j);
            }
        });
        self.changed();
    }

    /// The attachments of filing `key` of `p` for the documents its checklist submits for
    /// `answers`, for a package (pages of a document the route no longer asks for stay in the
    /// draft, in case the resident changes back), read into the app; `Err` names a page the
    /// browser could not read back.
    pub async fn package_files(&self, p: &Procedure, key: &str, answers: &Answers) -> Result<Vec<Attachment>, String> {
        let checklist = p.checklist(answers);
        let pages: Vec<Attached> = self.attachments.with_untracked(|a| {
            a.iter()
                .filter(|x| {
                    x.procedure == key
                        && checklist
                            .iter()
                            .any(|d| d.id == x.document_id && d.action == DocAction::Submit)
                })
                .cloned()
                .collect()
        });
        Ok(read_pages(pages)
            .await?
            .into_iter()
            .map(|(x, bytes)| Attachment { document_id: x.document_id, name: x.name, bytes: Arc::new(bytes) })
            .collect())
    }
}

/// Pages with their bytes, read from the browser's keeping (a package, a draft file); `Err`
/// names a page it could not read back (its storage damaged): no file leaves a page out.
pub async fn read_pages(pages: Vec<Attached>) -> Result<Vec<(Attached, Vec<u8>)>, String> {
    let mut out = Vec::with_capacity(pages.len());
    for x in pages {
        match x.file.read().await {
            Some(b) => out.push((x, b)),
            None => return Err(x.name),
        }
    }
    Ok(out)
}
