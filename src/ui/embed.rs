//! Ward settings in the browser (`settings.json`, or `/settings/<name>.json` chosen with
//! `?cau-hinh=<name>`, and URL parameters), and the messages an embedded wizard sends to its
//! host page. The rules are in `engine::settings`; this is plumbing.

use crate::engine::catalog::CatalogIndex;
use crate::engine::settings::{Settings, Value};
use crate::engine::text::{fill, I18n, Lang};
use crate::i18n;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/embed.js")]
extern "C" {
    fn embed_start(origins: js_sys::Array);
    fn embed_post(message: &JsValue);
}

fn to_value(v: &JsValue) -> Value {
    if let Some(s) = v.as_string() {
        return Value::Text(s);
    }
    if js_sys::Array::is_array(v) {
        return Value::List(
            js_sys::Array::from(v)
                .iter()
                .map(|x| to_value(&x))
                .collect(),
        );
    }
    if v.is_object() {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        return Value::Map(
            entries
                .iter()
                .filter_map(|e| {
                    let pair = js_sys::Array::from(&e);
                    Some((pair.get(0).as_string()?, to_value(&pair.get(1))))
                })
                .collect(),
        );
    }
    Value::Other(
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    )
}

const SETTING_KEYS: [&str; 8] = [
    "cau-hinh",
    "settings",
    "xa",
    "commune",
    "thu-tuc",
    "procedures",
    "lang",
    "theme",
];
const SESSION_KEY: &str = "hoso:settings-query";

/// The URL's settings parameters. The app's own links drop the query, so the parameters the tab
/// (or iframe) was opened with are kept for it in sessionStorage and apply after a reload too.
pub fn query_pairs() -> Vec<(String, String)> {
    let w = web_sys::window();
    let session = w.as_ref().and_then(|w| w.session_storage().ok().flatten());
    let search = w
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let here: Vec<(String, String)> = super::web::parse_query(&search)
        .into_iter()
        .filter(|(k, _)| SETTING_KEYS.contains(&k.as_str()))
        .collect();
    if !here.is_empty() {
        if let (Some(s), Some(w)) = (&session, &w) {
            let _ = s.set_item(SESSION_KEY, &w.location().search().unwrap_or_default());
        }
        return here;
    }
    let kept = session
        .and_then(|s| s.get_item(SESSION_KEY).ok().flatten())
        .unwrap_or_default();
    super::web::parse_query(&kept)
        .into_iter()
        .filter(|(k, _)| SETTING_KEYS.contains(&k.as_str()))
        .collect()
}

/// Reads the settings file (if the site has one) and the URL parameters. Problems are written to
/// the browser console for the site's maintainer and returned (shown with `?kiem-tra-cau-hinh`).
/// index.html's boot script preloads the same file by the same rule (first `cau-hinh` or
/// `settings` parameter, `[a-z0-9-]{1,40}`): change both together (`tests/e2e/start.spec.js`
/// fails when they disagree).
pub async fn load() -> (Settings, Vec<I18n>) {
    let q = query_pairs();
    let idx = CatalogIndex::bundled();
    let mut problems = Vec::new();
    let name = q
        .iter()
        .find(|(k, _)| k == "cau-hinh" || k == "settings")
        .map(|(_, v)| v.clone());
    let url = match &name {
        Some(n)
            if !n.is_empty()
                && n.len() <= 40
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
        {
            format!("/settings/{n}.json")
        }
        Some(n) => {
            problems.push(fill(i18n::EMBED_SETTINGS_NAME, &[("name", n.into())]));
            "/settings.json".to_string()
        }
        None => "/settings.json".to_string(),
    };
    let mut settings = Settings::default();
    match super::web::fetch_text(&url).await {
        Some(text) => match js_sys::JSON::parse(&text) {
            Ok(v) => {
                let (s, p) = Settings::from_value(&to_value(&v), idx, None);
                settings = s;
                problems.extend(p);
            }
            Err(_) => problems.push(fill(i18n::EMBED_NOT_JSON, &[("url", (&url).into())])),
        },
        None if name.is_some() => {
            problems.push(fill(i18n::EMBED_NOT_LOADED, &[("url", (&url).into())]))
        }
        None => {}
    }
    let (from_url, p) = Settings::from_query(&q, idx, None);
    problems.extend(p);
    for m in &problems {
        let all: Vec<&str> = Lang::ALL.iter().map(|l| m.get(*l)).collect();
        web_sys::console::warn_1(&format!("hoso: {}", all.join(" / ")).into());
    }
    (settings.merged(from_url), problems)
}

/// Starts talking to the host page, if embedded by an allowed origin.
pub fn start(settings: &Settings) {
    let origins = js_sys::Array::new();
    for o in &settings.embed_origins {
        origins.push(&o.as_str().into());
    }
    embed_start(origins);
}

fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// Tells the host page which step the resident is on.
pub fn step(path: &str, procedure: Option<&str>) {
    embed_post(&message(
        "hoso:step",
        &[
            ("path", path.into()),
            (
                "procedure",
                procedure.map(JsValue::from).unwrap_or(JsValue::NULL),
            ),
        ],
    ));
}

/// Hands the finished package to the host page (bytes and manifest), for its own upload.
pub fn package(file_name: &str, reference: &str, manifest_json: &str, zip: &crate::engine::package::Zip) {
    // One Uint8Array of the whole zip, filled part by part (no whole copy in the wasm's memory).
    let bytes = js_sys::Uint8Array::new_with_length(zip.len() as u32);
    let mut at = 0;
    for p in zip.parts() {
        bytes.set(&js_sys::Uint8Array::from(p), at);
        at += p.len() as u32;
    }
    embed_post(&message(
        "hoso:package",
        &[
            ("fileName", file_name.into()),
            ("reference", reference.into()),
            ("manifest", manifest_json.into()),
            ("bytes", bytes.into()),
        ],
    ));
}
