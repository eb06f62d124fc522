//! The browser's own codecs, faster and smaller than any in the wasm: WebCrypto SHA-256 and
//! `DecompressionStream` zlib.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// SHA-256 of `data` as lower-case hex, with the browser's own (WebCrypto `crypto.subtle`); `None`
/// where there is none (a page not served over HTTPS or from localhost) or it fails.
pub async fn sha256_hex(data: &[u8]) -> Option<String> {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok().filter(|s| !s.is_undefined())?;
    let digest: js_sys::Function = js_sys::Reflect::get(&subtle, &"digest".into()).ok()?.dyn_into().ok()?;
    let promise = digest
        .call2(&subtle, &"SHA-256".into(), &js_sys::Uint8Array::from(data))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let buf = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    (bytes.len() == 32).then(|| bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Inflates zlib data with the browser's own `DecompressionStream("deflate")` (no inflater in
/// the wasm); `None` if the data is not zlib or the browser lacks it.
pub async fn inflate_zlib(data: &[u8]) -> Option<Vec<u8>> {
    let global = js_sys::global();
    let ctor: js_sys::Function = js_sys::Reflect::get(&global, &"DecompressionStream".into()).ok()?.dyn_into().ok()?;
    let stream = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&"deflate".into())).ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let readable = js_sys::Reflect::get(&blob, &"stream".into()).ok()?.dyn_into::<js_sys::Function>().ok()?.call0(&blob).ok()?;
    let pipe: js_sys::Function = js_sys::Reflect::get(&readable, &"pipeThrough".into()).ok()?.dyn_into().ok()?;
    let out = pipe.call1(&readable, &stream).ok()?;
    let response_ctor: js_sys::Function = js_sys::Reflect::get(&global, &"Response".into()).ok()?.dyn_into().ok()?;
    let response = js_sys::Reflect::construct(&response_ctor, &js_sys::Array::of1(&out)).ok()?;
    let buf = js_sys::Reflect::get(&response, &"arrayBuffer".into()).ok()?.dyn_into::<js_sys::Function>().ok()?.call0(&response).ok()?;
    let buf = JsFuture::from(buf.dyn_into::<js_sys::Promise>().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}
