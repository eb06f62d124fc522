//! The records the drafts are kept as in IndexedDB: a draft (procedure, last change, answers in
//! postcard, page order) and an attached page (procedure, document, name, media type, Blob).

use super::{Attached, PageFile};
use crate::engine::media::MediaType;
use wasm_bindgen::prelude::*;

pub(super) fn obj() -> js_sys::Object {
    js_sys::Object::new()
}
pub(super) fn set(o: &js_sys::Object, k: &str, v: JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), &v);
}
pub(super) fn get(v: &JsValue, k: &str) -> Option<JsValue> {
    js_sys::Reflect::get(v, &k.into())
        .ok()
        .filter(|x| !x.is_undefined() && !x.is_null())
}
pub(super) fn text(v: &JsValue, k: &str) -> Option<String> {
    get(v, k)?.as_string()
}
pub(super) fn bytes(v: &JsValue, k: &str) -> Option<Vec<u8>> {
    Some(get(v, k)?.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec())
}

pub(super) fn attachment_key(a: &Attached) -> String {
    format!("{}/{}", a.procedure, a.key)
}

pub(super) fn attachment_to_js(a: &Attached) -> JsValue {
    let o = obj();
    set(&o, "key", JsValue::from(a.key));
    set(&o, "procedure", a.procedure.as_str().into());
    set(&o, "document_id", a.document_id.as_str().into());
    set(&o, "name", a.name.as_str().into());
    set(&o, "media", a.media.mime().into());
    set(&o, "blob", a.file.blob().into());
    o.into()
}

pub(super) fn attachment_from_js(v: &JsValue) -> Option<Attached> {
    Some(Attached {
        key: get(v, "key")?.as_f64()? as u32,
        procedure: text(v, "procedure")?,
        document_id: text(v, "document_id")?,
        name: text(v, "name")?,
        media: MediaType::from_mime(&text(v, "media")?)?,
        file: PageFile::new(get(v, "blob")?.dyn_into().ok()?),
    })
}

pub(super) fn draft_to_js(id: &str, answers: &[u8], updated: f64, order: &[u32]) -> JsValue {
    let o = obj();
    set(&o, "procedure", id.into());
    set(&o, "updated", updated.into());
    set(&o, "answers", js_sys::Uint8Array::from(answers).into());
    set(&o, "order", js_sys::Uint32Array::from(order).into());
    o.into()
}
