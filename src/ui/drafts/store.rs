//! Drafts that are never lost: every answer and every attached page is written to IndexedDB (via
//! the small `idb.js`) as it is entered (`super::writer`), and read back here before the app
//! first renders. Answers are also copied synchronously to localStorage until IndexedDB confirms
//! them (an IndexedDB transaction still in flight when a tab closes is lost). The engine
//! (`engine::draft`) defines the export file; this module is browser plumbing only.

use super::records::{attachment_from_js, attachment_key, bytes, get, text};
use super::Attached;
use crate::engine::catalog::Answers;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/drafts/idb.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    pub(super) async fn idb_put(store: &str, key: &str, value: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub(super) async fn idb_put_all(
        store: &str,
        keys: js_sys::Array,
        values: js_sys::Array,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub(super) async fn idb_delete(store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_clear() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_load(ms: u32) -> Result<JsValue, JsValue>;
}

pub(super) const DRAFTS: &str = "drafts";
pub(super) const ATTACHMENTS: &str = "attachments";

/// Where builds before November 2026 kept answers (postcard as hex); moved to IndexedDB on start.
/// While IndexedDB writes are unconfirmed, the answers are also copied here.
pub const ANSWERS_KEY: &str = "hoso:answers:2";

/// What was on the device when the app started.
#[derive(Clone, Debug, Default)]
pub struct Restored {
    pub answers: BTreeMap<String, Answers>,
    /// Last change per procedure, ms since the epoch.
    pub touched: BTreeMap<String, f64>,
    pub attachments: Vec<Attached>,
    /// IndexedDB did not answer (private mode, blocked): nothing will be kept.
    pub unavailable: bool,
}

/// Reads every draft from the device (and moves answers saved by older builds in localStorage
/// into IndexedDB). Never fails: without storage the app starts empty and says so.
pub async fn restore() -> Restored {
    let mut r = Restored::default();
    let mut order: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let legacy = crate::ui::web::load_compact::<BTreeMap<String, Answers>>(ANSWERS_KEY);
    match idb_load(3000).await {
        Ok(all) if !all.is_null() => {
            if let Some(list) = get(&all, "drafts") {
                for d in js_sys::Array::from(&list).iter() {
                    let (Some(id), Some(b)) = (text(&d, "procedure"), bytes(&d, "answers")) else {
                        continue;
                    };
                    if let Some(o) =
                        get(&d, "order").and_then(|o| o.dyn_into::<js_sys::Uint32Array>().ok())
                    {
                        order.insert(id.clone(), o.to_vec());
                    }
                    if let Ok(a) = postcard::from_bytes::<Answers>(&b) {
                        let t = get(&d, "updated").and_then(|x| x.as_f64()).unwrap_or(0.0);
                        r.touched.insert(id.clone(), t);
                        r.answers.insert(id, a);
                    }
                }
            }
            if let Some(list) = get(&all, "attachments") {
                // Page order: as listed in the draft record; pages it does not list go last.
                let mut atts: Vec<(usize, Attached)> = js_sys::Array::from(&list)
                    .iter()
                    .filter_map(|v| attachment_from_js(&v))
                    .map(|a| {
                        let pos = order
                            .get(&a.procedure)
                            .and_then(|o| o.iter().position(|k| *k == a.key));
                        (pos.unwrap_or(usize::MAX), a)
                    })
                    .collect();
                crate::engine::sort_small_by(&mut atts, |x, y| (x.0, x.1.key) < (y.0, y.1.key));
                r.attachments = atts.into_iter().map(|(_, a)| a).collect();
            }
        }
        _ => r.unavailable = true,
    }
    // The synchronous copy in localStorage exists only while IndexedDB writes are unconfirmed
    // (or was left by an older build). It lists every draft then on the device (procedures with
    // only files have an empty entry), so it is the newer truth: its answers win, and a draft it
    // does not list had been deleted — its leftovers are removed now.
    if let Some(copy) = legacy {
        let now = js_sys::Date::now();
        // A draft deleted just before the tab closed: its record too, not only its files (else
        // it came back once the copy was gone).
        let deleted: Vec<String> = r
            .answers
            .keys()
            .filter(|id| !copy.contains_key(*id))
            .cloned()
            .collect();
        for id in &deleted {
            let _ = idb_delete(DRAFTS, id).await;
            r.touched.remove(id);
        }
        r.answers.retain(|id, _| copy.contains_key(id));
        let gone: Vec<String> = r
            .attachments
            .iter()
            .filter(|a| !copy.contains_key(&a.procedure))
            .map(attachment_key)
            .collect();
        r.attachments.retain(|a| copy.contains_key(&a.procedure));
        for (id, a) in copy {
            if !a.is_empty() {
                r.touched.entry(id.clone()).or_insert(now);
                r.answers.insert(id, a);
            }
        }
        for k in gone {
            let _ = idb_delete(ATTACHMENTS, &k).await;
        }
    }
    r
}

/// Removes everything hoso keeps on this device.
pub fn clear_all() {
    leptos::task::spawn_local(async {
        let _ = idb_clear().await;
    });
    crate::ui::web::remove(ANSWERS_KEY);
}
