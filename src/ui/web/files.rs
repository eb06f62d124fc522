//! Files in and out: the file picker, previews, downloads, the share sheet and the clipboard.

use super::document;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The files chosen in a file input (from its change event), clearing the input so the same
/// file can be chosen again.
pub fn picked_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Reads a picked file's (or a part of it) bytes (`Blob.arrayBuffer()`).
pub async fn read_blob(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buf = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// An object URL for bytes (attachment previews); revoke it with [`revoke_url`].
pub fn blob_url(bytes: &[u8], mime: &str) -> Option<String> {
    let blob = blob_of(&[bytes], mime).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// The share data `{files: [file]}` for the phone's share sheet, if this browser can share it
/// (Web Share with files: `navigator.canShare`); `None` where it cannot (most desktops).
pub fn shareable(parts: &[&[u8]], file_name: &str, mime: &str) -> Option<js_sys::Object> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let can: js_sys::Function = js_sys::Reflect::get(&nav, &"canShare".into()).ok()?.dyn_into().ok()?;
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(mime);
    let blob = blob_of(parts, mime).ok()?;
    let file = web_sys::File::new_with_blob_sequence_and_options(&js_sys::Array::of1(&blob), file_name, &opts).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    can.call1(&nav, &data).ok()?.as_bool()?.then_some(data)
}

/// Opens the share sheet with `data` (from [`shareable`]); `false` if the resident closed it or
/// the browser refused.
pub async fn share(data: js_sys::Object) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav: JsValue = w.navigator().into();
    let Some(share) = js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    match share.call1(&nav, &data).map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(p)) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
        _ => false,
    }
}

/// Puts `text` on the clipboard; `false` if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav: JsValue = w.navigator().into();
    let Some(clip) = js_sys::Reflect::get(&nav, &"clipboard".into()).ok().filter(|c| !c.is_undefined()) else {
        return false;
    };
    let write = js_sys::Reflect::get(&clip, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match write.map(|f| f.call1(&clip, &text.into())) {
        Some(Ok(p)) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        _ => false,
    }
}

/// Offers bytes as a file download.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), JsValue> {
    download_parts(&[bytes], file_name, mime)
}

/// A `Blob` of these bytes, one part after the other, copied once, straight from the wasm's
/// memory into the browser's (a package's parts: `engine::zipw::Zip`).
pub fn blob_of(parts: &[&[u8]], mime: &str) -> Result<web_sys::Blob, JsValue> {
    let seq = js_sys::Array::new();
    for p in parts {
        // SAFETY: the views are read by the Blob constructor below, before anything can
        // allocate in (and so move) the wasm's memory.
        seq.push(&unsafe { js_sys::Uint8Array::view(p) }.into());
    }
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&seq, &opts)
}

/// Offers bytes in parts (see [`blob_of`]) as one file download.
pub fn download_parts(parts: &[&[u8]], file_name: &str, mime: &str) -> Result<(), JsValue> {
    download_blob(&blob_of(parts, mime)?, file_name)
}

/// Same, for a Blob the browser already holds (an attached page).
pub fn download_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none")?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
