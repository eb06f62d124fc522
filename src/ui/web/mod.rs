//! Browser plumbing: fetch, focus, title, clock, the query string and frames; storage, files and
//! the browser's own codecs in the modules below. Failures degrade quietly
//! (private mode without storage still works; the resident just loses persistence).

use crate::engine::date::{Date, Timestamp};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

mod files;
mod native;
mod storage;

pub use files::*;
pub use native::*;
pub use storage::*;

pub(crate) fn document() -> Option<web_sys::Document> {
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

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
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
