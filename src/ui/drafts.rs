//! Attachments survive closing the tab: every attached file is mirrored into IndexedDB (through
//! the small `idb.js`) and restored on the next visit. Answers are in localStorage (`mod.rs`).

use super::{AppState, Attached};
use crate::engine::media::MediaType;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/idb.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn idb_put(key: &str, value: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_all() -> Result<JsValue, JsValue>;
}

fn store_key(a: &Attached) -> String {
    format!("{}/{}", a.procedure, a.key)
}

fn to_js(a: &Attached) -> JsValue {
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v);
    };
    set("key", JsValue::from(a.key));
    set("procedure", a.procedure.as_str().into());
    set("document_id", a.document_id.as_str().into());
    set("name", a.name.as_str().into());
    set("media", a.media.mime().into());
    set("bytes", js_sys::Uint8Array::from(a.bytes.as_slice()).into());
    o.into()
}

fn from_js(v: &JsValue) -> Option<Attached> {
    let get = |k: &str| js_sys::Reflect::get(v, &k.into()).ok();
    let text = |k: &str| get(k).and_then(|x| x.as_string());
    let bytes: js_sys::Uint8Array = get("bytes")?.dyn_into().ok()?;
    Some(Attached {
        key: get("key")?.as_f64()? as u32,
        procedure: text("procedure")?,
        document_id: text("document_id")?,
        name: text("name")?,
        media: MediaType::from_mime(&text("media")?)?,
        bytes: Arc::new(bytes.to_vec()),
    })
}

/// Restores saved attachments, then keeps IndexedDB in step with `state.attachments`.
pub fn keep(state: AppState) {
    let saved: StoredValue<Vec<String>> = StoredValue::new(Vec::new());
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Ok(all) = idb_all().await {
            let restored: Vec<Attached> = js_sys::Array::from(&all).iter().filter_map(|v| from_js(&v)).collect();
            let next = restored.iter().map(|a| a.key + 1).max().unwrap_or(1);
            saved.set_value(restored.iter().map(store_key).collect());
            state.next_key.set_value(state.next_key.get_value().max(next));
            state.attachments.update(|a| {
                for r in restored {
                    if !a.iter().any(|x| x.key == r.key) {
                        a.push(r);
                    }
                }
                crate::engine::sort_small_by(a, |x, y| x.key < y.key);
            });
        }
        ready.set(true);
    });
    Effect::new(move |_| {
        if !ready.get() {
            return;
        }
        let now: Vec<Attached> = state.attachments.get();
        let keys: Vec<String> = now.iter().map(store_key).collect();
        let before = saved.get_value();
        let added: Vec<Attached> = now.into_iter().filter(|a| !before.contains(&store_key(a))).collect();
        let removed: Vec<String> = before.into_iter().filter(|k| !keys.contains(k)).collect();
        saved.set_value(keys);
        leptos::task::spawn_local(async move {
            let mut failed = false;
            for a in &added {
                failed |= idb_put(&store_key(a), to_js(a)).await.is_err();
            }
            for k in &removed {
                let _ = idb_delete(k).await;
            }
            // Full or refused storage: the files stay usable on this page, and the resident is told.
            state.storage_problem.set(failed);
        });
    });
}
