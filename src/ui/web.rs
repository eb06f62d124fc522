//! Browser plumbing: storage, fetch, focus, title, clock and downloads. Failures degrade quietly
//! (private mode without storage still works; the resident just loses persistence).

use crate::engine::date::{Date, Timestamp};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

pub fn save_text(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Reads a value saved by [`save_compact`]: postcard, as hex text (no JSON decoder in the app).
pub fn load_compact<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = load_text(key)?;
    let hex = text.as_bytes();
    if hex.len() % 2 != 0 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let bytes: Option<Vec<u8>> = hex
        .chunks(2)
        .map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?))
        .collect();
    postcard::from_bytes(&bytes?).ok()
}

/// Saves a value for [`load_compact`].
pub fn save_compact<T: serde::Serialize>(key: &str, value: &T) {
    if let Ok(bytes) = postcard::to_allocvec(value) {
        let mut hex = String::with_capacity(bytes.len() * 2);
        for b in bytes {
            hex.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
            hex.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
        }
        save_text(key, &hex);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Removes the element with this id (the static "loading" line of index.html).
pub fn remove_id(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.remove();
    }
}

/// Sets a CSS custom property on the root element (the ward's theme colour).
pub fn set_css_var(name: &str, value: &str) {
    if let Some(el) = document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.style().set_property(name, value);
    }
}

pub fn set_html_lang(code: &str) {
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", code);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Moves focus to the element with this id (after the current render).
pub fn focus_id(id: &str) {
    let id = id.to_string();
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = document().and_then(|d| d.get_element_by_id(&id)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                // The browser scrolls to it only if it is out of sight: a page's heading is at the
                // top, and aligning it there would hide the back link above it.
                let _ = el.focus();
            }
        }
    })
    .forget();
}

/// Seconds since the Unix epoch.
pub fn now() -> Timestamp {
    Timestamp::from_unix((js_sys::Date::now() / 1000.0) as i64)
}

/// Today's date in Vietnam (UTC+7), whatever the phone's time zone.
pub fn today_vn() -> Date {
    Timestamp::vietnam(js_sys::Date::now()).date
}

/// The response to a GET of `url`, if it succeeded (2xx).
async fn fetch_ok(url: &str) -> Option<web_sys::Response> {
    let window = web_sys::window()?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    resp.ok().then_some(resp)
}

pub async fn fetch_text(url: &str) -> Option<String> {
    let resp = fetch_ok(url).await?;
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}

pub async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let resp = fetch_ok(url).await?;
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

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
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The share data `{files: [file]}` for the phone's share sheet, if this browser can share it
/// (Web Share with files: `navigator.canShare`); `None` where it cannot (most desktops).
pub fn shareable(bytes: &[u8], file_name: &str, mime: &str) -> Option<js_sys::Object> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let can: js_sys::Function = js_sys::Reflect::get(&nav, &"canShare".into()).ok()?.dyn_into().ok()?;
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence_and_options(&parts, file_name, &opts).ok()?;
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

/// Offers bytes as a file download.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
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

/// The parameters of a query string (`?a=1&b=x%20y`), decoded by the browser's URLSearchParams.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let pair = js_sys::Array::from(&e.ok()?);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Waits until the browser has painted the next frame (a requestAnimationFrame callback runs just
/// before the paint; the task after it runs after).
pub async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| match web_sys::window() {
        Some(w) if w.request_animation_frame(&resolve).is_ok() => {}
        _ => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    yield_now().await;
}

/// Lets the browser run other tasks (input, paint) before going on.
pub async fn yield_now() {
    gloo::timers::future::TimeoutFuture::new(0).await;
    mark_task_start();
}

thread_local! {
    /// When the running task began, as far as the app knows (`task_start`).
    static TASK_START: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Notes that a task of the app's begins now: after [`yield_now`], and in a navigation's handler.
pub fn mark_task_start() {
    TASK_START.with(|t| t.set(js_sys::Date::now()));
}

/// When the running task began, if it was noted ([`mark_task_start`]); otherwise an earlier
/// time, so work timed from it (a form page's slices) yields sooner rather than later.
pub fn task_start() -> f64 {
    TASK_START.with(std::cell::Cell::get)
}
