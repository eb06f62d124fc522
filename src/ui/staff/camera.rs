//! The staff page's camera: reads the resident's counter QR codes off their phone's screen and
//! hands each code to the same [`Reader`] as the scanner box; stops once every code of the package
//! is in, or on "Dừng". The camera's script (`src/ui/camera.js`: the browser's `BarcodeDetector`
//! where it reads QR codes, else jsQR) is fetched when the camera is first opened, so the page
//! itself carries only this button.

use super::scan::Reader;
use crate::i18n;
use crate::ui::prefs::use_prefs;
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where scripts/build/build.sh puts the camera's script (a name made of its content).
const SCRIPT: &str = match option_env!("HOSO_CAMERA_JS") {
    Some(s) => s,
    None => "/staff/camera.js",
};

/// The camera script's functions (`hosoCamera`), if it is loaded.
fn loaded() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"hosoCamera".into())
        .ok()
        .filter(JsValue::is_object)
}

/// Loads the camera's script (once).
async fn load() -> Option<JsValue> {
    if let Some(c) = loaded() {
        return Some(c);
    }
    let doc = web_sys::window()?.document()?;
    let s: web_sys::HtmlElement = doc.create_element("script").ok()?.unchecked_into();
    s.set_attribute("src", SCRIPT).ok()?;
    let done = Promise::new(&mut |ok, fail| {
        s.set_onload(Some(&ok));
        s.set_onerror(Some(&fail));
    });
    doc.body()?.append_child(&s).ok()?;
    JsFuture::from(done).await.ok()?;
    loaded()
}

/// `hosoCamera[f](arg)`.
fn call_now(cam: &JsValue, f: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    Reflect::get(cam, &f.into())?
        .unchecked_into::<Function>()
        .call1(cam, arg)
}

/// `hosoCamera[f](arg)`, awaited.
async fn call(cam: &JsValue, f: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::resolve(&call_now(cam, f, arg)?)).await
}

fn stop() {
    if let Some(c) = loaded() {
        let _ = call_now(&c, "stop", &JsValue::UNDEFINED);
    }
}

/// The button that opens and stops the camera (its picture is put after it by the script).
pub(super) fn camera(reader: Reader) -> impl IntoView {
    let prefs = use_prefs();
    let on = RwSignal::new(false);
    let click = move |_| {
        let start = !on.get_untracked();
        on.set(start);
        stop();
        if !start {
            return;
        }
        reader.say(None);
        leptos::task::spawn_local(async move {
            let Some(cam) = load().await else {
                reader.say(Some(i18n::STAFF_CAMERA_MISSING.into()));
                on.set(false);
                return;
            };
            if !on.get_untracked() {
                return; // stopped while the script was loading
            }
            match call(&cam, "start", &"qr-camera".into()).await {
                Ok(_) => {
                    reader.say(Some(i18n::STAFF_CAMERA_AIM.into()));
                    let mut read = false;
                    while let Some(t) = call(&cam, "next", &JsValue::NULL).await.ok().and_then(|t| t.as_string()) {
                        read = true;
                        if reader.take(t) {
                            break;
                        }
                    }
                    stop();
                    if !read {
                        reader.say(None);
                    }
                }
                // Stopped (or started again) while opening.
                Err(e) if e.as_string().as_deref() == Some("stopped") => return,
                Err(e) => reader.say(Some(
                    match e.as_string().as_deref() {
                        Some("NotAllowedError" | "SecurityError") => i18n::STAFF_CAMERA_DENIED,
                        _ => i18n::STAFF_CAMERA_MISSING,
                    }
                    .into(),
                )),
            }
            on.set(false);
        });
    };
    view! {
        <button type="button" id="qr-camera" class="button button--secondary no-print" on:click=click>
            {move || prefs.t(if on.get() { i18n::STAFF_CAMERA_STOP } else { i18n::STAFF_CAMERA })}
        </button>
    }
}
