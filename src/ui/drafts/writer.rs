//! Keeping the drafts on the device as they change: every answer and attached page written to
//! IndexedDB (`store`'s `idb.js`), and the answers copied synchronously to localStorage until
//! IndexedDB confirms them. Started by the first part of the wasm that can change a draft
//! (`ensure_keeping`), so the start page of a first visit does not carry it.

use super::records::{attachment_key, attachment_to_js, draft_to_js};
use super::store::{idb_delete, idb_put, idb_put_all, ANSWERS_KEY, ATTACHMENTS, DRAFTS};
use super::{Attached, Drafts};
use crate::engine::catalog::Answers;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A procedure's attachment keys in page order.
fn order_of(drafts: Drafts, id: &str) -> Vec<u32> {
    drafts.all_files().with_untracked(|a| {
        a.iter()
            .filter(|x| x.procedure == id)
            .map(|x| x.key)
            .collect()
    })
}

/// Each procedure's answers in postcard. (Built by inserting: collecting into a BTreeMap would
/// bring a sort into the wasm.)
fn encoded(all: &BTreeMap<String, Answers>) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for (k, a) in all {
        out.insert(k.clone(), postcard::to_allocvec(a).unwrap_or_default());
    }
    out
}

/// Writes the synchronous copy: every procedure's answers, and an empty entry for a procedure
/// that has only files.
fn save_copy(drafts: Drafts) {
    let mut all = drafts.answers.get_untracked();
    drafts.all_files().with_untracked(|a| {
        for x in a {
            all.entry(x.procedure.clone()).or_default();
        }
    });
    crate::ui::web::save_compact(ANSWERS_KEY, &all);
}

/// Writes one procedure's draft record (or deletes it when nothing is left), counting the writes
/// in flight: while any is, the synchronous copy of the answers stays.
#[derive(Clone, Copy)]
struct Writer {
    drafts: Drafts,
    pending: StoredValue<u32>,
}

impl Writer {
    fn write(self, id: String, now: f64) {
        let Writer { drafts, pending } = self;
        pending.update_value(|n| *n += 1);
        let answers = drafts.answers.with_untracked(|all| all.get(&id).cloned());
        let order = order_of(drafts, &id);
        let has_files = !order.is_empty();
        drafts.touched.update(|t| {
            t.insert(id.clone(), now);
        });
        leptos::task::spawn_local(async move {
            let result = match answers {
                Some(a) if !a.is_empty() || has_files => {
                    let b = postcard::to_allocvec(&a).unwrap_or_default();
                    idb_put(DRAFTS, &id, draft_to_js(&id, &b, now, &order)).await
                }
                None if has_files => {
                    idb_put(DRAFTS, &id, draft_to_js(&id, &[0], now, &order)).await
                }
                _ => idb_delete(DRAFTS, &id).await,
            };
            drafts
                .storage_problem
                .update(|p| p.answers = result.is_err());
            pending.update_value(|n| *n = n.saturating_sub(1));
            if result.is_ok() && pending.get_value() == 0 {
                crate::ui::web::remove(ANSWERS_KEY);
            }
        });
    }
}

thread_local! {
    static KEEPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts keeping the drafts on the device ([`keep`]), once, under the app's owner. Called by what
/// can change a draft before it does — every journey page, the start page's list of drafts, an
/// opened draft file — all in parts of the wasm, so the start page does not carry the writer: a
/// first visit has nothing to write, and its load is smaller by the writer's code.
pub fn ensure_keeping(drafts: Drafts) {
    if KEEPING.with(|k| k.replace(true)) {
        return;
    }
    drafts.in_app_owner(|| keep(drafts, drafts.restored_ok()));
}

/// Keeps IndexedDB in step with the drafts: answers and attachments, as they change from now on
/// (what they are now is taken as what the device holds).
pub fn keep(drafts: Drafts, restored_ok: bool) {
    // What is on the device now: answers per procedure (postcard).
    let saved: BTreeMap<String, Vec<u8>> = match restored_ok {
        // Answers moved over from localStorage by `restore` are written once, then the old key goes.
        true if crate::ui::web::load_text(ANSWERS_KEY).is_some() => BTreeMap::new(),
        true => drafts.answers.with_untracked(encoded),
        // (The storage problem is already shown: `Drafts::new`.)
        false => drafts.answers.with_untracked(encoded),
    };
    let w = Writer {
        drafts,
        pending: StoredValue::new(0),
    };
    keep_answers(w, saved);
    keep_files(w);
}

fn keep_answers(w: Writer, saved: BTreeMap<String, Vec<u8>>) {
    let saved = StoredValue::new(saved);
    Effect::new(move |_| {
        let now_answers = w.drafts.answers.with(encoded);
        let before = saved.get_value();
        if now_answers != before {
            // Written at once, so an answer typed just before the tab closes is not lost while
            // the IndexedDB write is still in flight.
            save_copy(w.drafts);
        }
        let now = js_sys::Date::now();
        for (id, b) in &now_answers {
            if before.get(id) != Some(b) {
                w.write(id.clone(), now);
            }
        }
        for id in before.keys().filter(|k| !now_answers.contains_key(*k)) {
            w.write(id.clone(), now);
        }
        saved.set_value(now_answers);
    });
}

/// The procedures whose pages (or their order) differ between `now` and `before`.
fn changed_procedures(now: &[Attached], before: &[Attached]) -> Vec<String> {
    let keys = |v: &[Attached], p: &str| {
        v.iter()
            .filter(|x| x.procedure == p)
            .map(|x| x.key)
            .collect::<Vec<_>>()
    };
    let mut procs: Vec<String> = Vec::new();
    for a in now.iter().chain(before.iter()) {
        if !procs.contains(&a.procedure) && keys(now, &a.procedure) != keys(before, &a.procedure) {
            procs.push(a.procedure.clone());
        }
    }
    procs
}

fn keep_files(w: Writer) {
    // The attached pages on the device now.
    let saved: StoredValue<Vec<Attached>> = StoredValue::new(w.drafts.all_files().get_untracked());
    Effect::new(move |_| {
        // Files are written once, when added; order changes only rewrite the draft record.
        let now: Vec<Attached> = w.drafts.all_files().get();
        let before = saved.get_value();
        let added: Vec<Attached> = now
            .iter()
            .filter(|a| !before.iter().any(|b| b.key == a.key))
            .cloned()
            .collect();
        let removed: Vec<String> = before
            .iter()
            .filter(|b| !now.iter().any(|a| a.key == b.key))
            .map(attachment_key)
            .collect();
        let procs = changed_procedures(&now, &before);
        saved.set_value(now);
        if procs.is_empty() {
            return;
        }
        let t = js_sys::Date::now();
        save_copy(w.drafts);
        w.pending.update_value(|n| *n += 1);
        leptos::task::spawn_local(async move {
            // All new pages in one transaction: stored together, or not at all.
            let mut failed = false;
            if !added.is_empty() {
                let (keys, values) = (js_sys::Array::new(), js_sys::Array::new());
                for a in &added {
                    keys.push(&attachment_key(a).into());
                    values.push(&attachment_to_js(a));
                }
                failed = idb_put_all(ATTACHMENTS, keys, values).await.is_err();
            }
            for k in &removed {
                let _ = idb_delete(ATTACHMENTS, k).await;
            }
            // Full or refused storage: the files stay usable on this page, and the resident is told.
            w.drafts.storage_problem.update(|p| p.files = failed);
            for p in procs {
                w.write(p, t);
            }
            w.pending.update_value(|n| *n = n.saturating_sub(1));
        });
    });
}
