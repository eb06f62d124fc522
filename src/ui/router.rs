//! A small router: the URL is the state. Same-origin links are intercepted and pushed onto the
//! history; back/forward restore the route. (leptos_router did the same at about 60 KB of wasm;
//! the app only needs these seven flat routes.)

pub use crate::routes::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current location, as signals.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

impl Location {
    pub fn route(&self) -> Route {
        Route::parse(&self.path.get())
    }

    /// A query parameter of the current URL (`?return=review`).
    pub fn query(&self, key: &str) -> Option<String> {
        self.search.with_untracked(|s| {
            super::web::parse_query(s)
                .into_iter()
                .find_map(|(k, v)| (k == key).then_some(v))
        })
    }
}

fn current() -> (String, String) {
    let loc = web_sys::window().map(|w| w.location());
    let path = loc
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    let search = loc
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    (path, search)
}

thread_local! {
    static CURRENT: std::cell::Cell<Option<Location>> = const { std::cell::Cell::new(None) };
}

/// Creates the location signals, listens to back/forward and to clicks on local links.
pub fn provide_location() -> Location {
    let (path, search) = current();
    let loc = Location {
        path: RwSignal::new(path),
        search: RwSignal::new(search),
    };
    provide_context(loc);
    CURRENT.with(|c| c.set(Some(loc)));
    if let Some(w) = web_sys::window() {
        gloo::events::EventListener::new(&w, "popstate", move |_| {
            super::web::mark_task_start();
            let (p, s) = current();
            loc.path.set(p);
            loc.search.set(s);
        })
        .forget();
        if let Some(doc) = w.document() {
            let opts = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&doc, "click", opts, move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
                    return;
                };
                if ev.default_prevented()
                    || ev.button() != 0
                    || ev.meta_key()
                    || ev.ctrl_key()
                    || ev.shift_key()
                    || ev.alt_key()
                {
                    return;
                }
                let Some(a) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("a[href]").ok().flatten())
                else {
                    return;
                };
                let href = a.get_attribute("href").unwrap_or_default();
                // The staff page is another app: let the browser load it.
                if !href.starts_with('/')
                    || href.starts_with("//")
                    || href.starts_with("/staff")
                    || a.has_attribute("download")
                    || a.has_attribute("target")
                {
                    return;
                }
                ev.prevent_default();
                navigate(&href);
            })
            .forget();
        }
    }
    loc
}

/// Goes to a local URL (path and optional query), adding a history entry.
pub fn navigate(to: &str) {
    super::web::mark_task_start();
    let Some(loc) = CURRENT.with(|c| c.get()) else {
        return;
    };
    let (path, search) = match to.split_once('?') {
        Some((p, q)) => (p.to_string(), format!("?{q}")),
        None => (to.to_string(), String::new()),
    };
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
        }
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    loc.search.set(search);
    loc.path.set(path);
}
