//! The browser app. It renders what the engine decides: pages, fields, messages and the package
//! all come from `crate::engine`; this module holds only views and browser plumbing.

mod draft_views;
pub mod drafts;
pub mod embed;
mod fields;
mod lazy;
mod pages;
mod photos;
pub mod router;
pub mod staff;
pub mod web;

use crate::engine::catalog::{Answers, CatalogIndex, Procedure};
use crate::engine::media::MediaType;
use crate::engine::settings::Settings;
use crate::engine::text::{Lang, LANG_COUNT};
use crate::engine::units::AdminUnits;
use crate::i18n::{self, Tx};
use leptos::prelude::*;
use router::Route;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use fields::{ErrorSummary, FieldInput};
pub use pages::*;

/// One attached file, kept in memory for the package.
#[derive(Clone, Debug, PartialEq)]
pub struct Attached {
    pub key: u32,
    pub procedure: String,
    pub document_id: String,
    pub name: String,
    pub media: MediaType,
    pub bytes: Arc<Vec<u8>>,
}

/// The finished package, ready to download.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    pub procedure: String,
    pub reference: String,
    pub package_id: String,
    pub file_name: String,
    pub zip: Arc<Vec<u8>>,
}

/// A procedure definition as the browser gets it: fetched from `/data/catalog/<id>.bin` on first
/// use, then kept for the session (leaked once per procedure so pages can hold `&'static`).
#[derive(Clone, Copy, Debug)]
pub enum Loaded {
    Loading,
    Failed,
    Ready(&'static Procedure),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    Loading,
    Failed,
}

/// Application state shared through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// Answers per procedure id, saved on the device as they are typed.
    pub answers: RwSignal<BTreeMap<String, Answers>>,
    pub attachments: RwSignal<Vec<Attached>>,
    pub units: RwSignal<Result<Arc<AdminUnits>, Units>>,
    pub procedures: RwSignal<BTreeMap<String, Loaded>>,
    pub finished: RwSignal<Option<Finished>>,
    pub next_key: StoredValue<u32>,
    pub units_loading: StoredValue<bool>,
    /// The device refused to store something: `drafts::FILES_NOT_SAVED` | `ANSWERS_NOT_SAVED`.
    pub storage_problem: RwSignal<u8>,
    /// Last change of each draft (ms since the epoch), for the list of drafts.
    pub touched: RwSignal<BTreeMap<String, f64>>,
    /// The ward's settings (`embed::load`), fixed for the session.
    pub settings: StoredValue<Arc<Settings>>,
}

const LANG_KEY: &str = "hoso:lang";
/// Where builds before November 2026 kept answers (postcard as hex); moved to IndexedDB on start.
pub const ANSWERS_KEY: &str = "hoso:answers:2";

impl AppState {
    pub fn new() -> AppState {
        Self::from_restored(drafts::Restored::default())
    }

    /// The state with the drafts read from the device (`drafts::restore`).
    pub fn from_restored(r: drafts::Restored) -> AppState {
        // (Older builds stored the code JSON-quoted.)
        let lang = web::load_text(LANG_KEY)
            .and_then(|s| Lang::parse(s.trim_matches('"')))
            .unwrap_or_default();
        let next = r.attachments.iter().map(|a| a.key + 1).max().unwrap_or(1);
        AppState {
            lang: RwSignal::new(lang),
            answers: RwSignal::new(r.answers),
            attachments: RwSignal::new(r.attachments),
            units: RwSignal::new(Err(Units::Loading)),
            procedures: RwSignal::new(BTreeMap::new()),
            finished: RwSignal::new(None),
            next_key: StoredValue::new(next),
            units_loading: StoredValue::new(false),
            storage_problem: RwSignal::new(0),
            touched: RwSignal::new(r.touched),
            settings: StoredValue::new(Arc::new(Settings::default())),
        }
    }

    /// Text in the current language (reactive).
    pub fn t(&self, tx: Tx) -> &'static str {
        tx.get(self.lang.get())
    }

    /// The procedure, if loaded (reactive).
    pub fn procedure(&self, id: &str) -> Option<&'static Procedure> {
        self.procedures.with(|m| match m.get(id) {
            Some(Loaded::Ready(p)) => Some(*p),
            _ => None,
        })
    }

    /// Answers of one procedure with the catalog's defaults filled in.
    pub fn answers_of(&self, proc_id: &str) -> Answers {
        let p = self.procedure(proc_id);
        self.answers.with(|all| {
            let a = all.get(proc_id).cloned().unwrap_or_default();
            match p {
                Some(p) => {
                    let mut a = p.with_defaults(&a);
                    // The ward's own commune receives the file unless the resident chose another.
                    if let Some(c) = self.settings.with_value(|s| s.commune.clone()) {
                        a.entry(p.receiving_field.clone()).or_insert(c);
                    }
                    a
                }
                None => a,
            }
        })
    }

    /// One answer, with the same defaults as [`Self::answers_of`], without copying the others.
    pub fn answer(&self, proc_id: &str, field: &str) -> String {
        let p = self.procedure(proc_id);
        let value = self.answers.with(|all| {
            let a = all.get(proc_id);
            match p {
                Some(p) => p.answer_or_default(a, field).map(str::to_string),
                None => a.and_then(|a| a.get(field)).cloned(),
            }
        });
        value
            .or_else(|| {
                // The ward's own commune receives the file unless the resident chose another.
                p.filter(|p| p.receiving_field == field)
                    .and_then(|_| self.settings.with_value(|s| s.commune.clone()))
            })
            .unwrap_or_default()
    }

    /// [`Self::answer`] as a memo: its readers hear only of changes to this one answer, not of
    /// every keystroke in another field (a list of 55 options reads it once per option).
    pub fn answer_memo(&self, proc_id: &str, field: &str) -> Memo<String> {
        let (state, p, f) = (*self, proc_id.to_string(), field.to_string());
        Memo::new(move |_| state.answer(&p, &f))
    }

    /// Same, without subscribing the caller to changes.
    pub fn answers_of_untracked(&self, proc_id: &str) -> Answers {
        leptos::prelude::untrack(|| self.answers_of(proc_id))
    }

    pub fn set_answer(&self, proc_id: &str, field: &str, value: String) {
        self.answers.update(|all| {
            all.entry(proc_id.to_string())
                .or_default()
                .insert(field.to_string(), value);
        });
        self.finished.set(None);
    }

    /// Replaces one procedure's answers (e.g. after copying a person's details).
    pub fn set_answers(&self, proc_id: &str, answers: Answers) {
        self.answers.update(|all| {
            all.insert(proc_id.to_string(), answers);
        });
        self.finished.set(None);
    }

    /// Removes every answer and attachment from this device ("delete all my data").
    pub fn forget_all(&self) {
        self.answers.set(BTreeMap::new());
        self.attachments.set(Vec::new());
        self.touched.set(BTreeMap::new());
        self.finished.set(None);
        drafts::clear_all();
    }

    /// Adds a page to a document (after its other pages).
    pub fn add_attachment(
        &self,
        procedure: &str,
        document_id: &str,
        name: String,
        media: MediaType,
        bytes: Vec<u8>,
    ) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.attachments.update(|a| {
            a.push(Attached {
                key,
                procedure: procedure.to_string(),
                document_id: document_id.to_string(),
                name,
                media,
                bytes: Arc::new(bytes),
            })
        });
        self.finished.set(None);
    }

    pub fn remove_attachment(&self, key: u32) {
        self.attachments.update(|a| a.retain(|x| x.key != key));
        self.finished.set(None);
    }

    /// Moves a page one place earlier (`up`) or later among its document's pages.
    pub fn move_attachment(&self, key: u32, up: bool) {
        self.attachments.update(|a| {
            let Some(i) = a.iter().position(|x| x.key == key) else {
                return;
            };
            let same = |j: &usize| {
                a[*j].procedure == a[i].procedure && a[*j].document_id == a[i].document_id
            };
            let other = if up {
                (0..i).rev().find(same)
            } else {
                (i + 1..a.len()).find(same)
            };
            if let Some(j) = other {
                a.swap(i, j);
            }
        });
        self.finished.set(None);
    }

    /// Removes one procedure's answers and attachments from this device.
    pub fn forget(&self, proc_id: &str) {
        self.answers.update(|all| {
            all.remove(proc_id);
        });
        self.attachments
            .update(|a| a.retain(|x| x.procedure != proc_id));
        self.touched.update(|t| {
            t.remove(proc_id);
        });
        self.finished.set(None);
    }

    pub fn units_now(&self) -> Option<Arc<AdminUnits>> {
        self.units.with_untracked(|u| u.as_ref().ok().cloned())
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Fetches and decodes a procedure definition (`/data/catalog/<id>.bin`), kept for the session.
pub async fn fetch_procedure(id: &str) -> Option<&'static Procedure> {
    let bytes = web::fetch_bytes(&format!("/data/catalog/{id}.bin")).await?;
    Some(Box::leak(Box::new(Procedure::from_compact(&bytes).ok()?)))
}

/// Starts loading a procedure definition (once; again after a failure).
pub fn load_procedure(state: AppState, id: &str) {
    if CatalogIndex::bundled().get(id).is_none()
        || state
            .procedures
            .with_untracked(|m| matches!(m.get(id), Some(Loaded::Ready(_)) | Some(Loaded::Loading)))
    {
        return;
    }
    let id = id.to_string();
    state.procedures.update(|m| {
        m.insert(id.clone(), Loaded::Loading);
    });
    leptos::task::spawn_local(async move {
        let loaded = match fetch_procedure(&id).await {
            Some(p) => Loaded::Ready(p),
            None => Loaded::Failed,
        };
        // Decoding and building the page are two tasks, not one long one on a slow phone.
        web::yield_now().await;
        state.procedures.update(|m| {
            m.insert(id, loaded);
        });
    });
}

/// Starts loading the unit list (once) from `/data/units-2025.bin`. Called by the first page
/// that needs it, so the start page does not download it.
pub fn load_units(state: AppState) {
    if state.units.with_untracked(|u| u.is_ok()) || state.units_loading.get_value() {
        return;
    }
    state.units_loading.set_value(true);
    state.units.set(Err(Units::Loading));
    leptos::task::spawn_local(async move {
        // After the page that needs it has painted: the list is not needed to show the page.
        web::after_paint().await;
        match web::fetch_bytes("/data/units-2025.bin").await {
            Some(bytes) => match AdminUnits::from_compact(&bytes) {
                Ok(u) => state.units.set(Ok(Arc::new(u))),
                Err(_) => state.units.set(Err(Units::Failed)),
            },
            None => state.units.set(Err(Units::Failed)),
        }
        state.units_loading.set_value(false);
    });
}

/// Keeps the chosen language on the device and on `<html lang>`.
pub fn persist_language(state: AppState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        web::save_text(LANG_KEY, lang.code());
        web::set_html_lang(lang.code());
    });
}

/// Marks the device whose start page would not look like the static one in `index.html`
/// (English, drafts, a ward's own list or logo), so the next visit shows the loading line
/// instead of a page that would change under the resident's finger (src/start_page.rs).
const START_KEY: &str = "hoso:start";
fn mark_start_page(state: AppState) {
    // A memo, so storage is written when the answer changes, not on every keystroke.
    let differs = Memo::new(move |_| {
        state.lang.get() != Lang::default()
            || state.answers.with(|a| a.values().any(|x| !x.is_empty()))
            || state.attachments.with(|a| !a.is_empty())
            || state
                .settings
                .with_value(|s| !s.procedures.is_empty() || s.logo.is_some())
    });
    Effect::new(move |_| {
        if differs.get() {
            web::save_text(START_KEY, "app");
        } else {
            web::remove(START_KEY);
        }
    });
}

/// The resident app. `restored`: the drafts read from the device before the first render;
/// `settings`: the ward's settings and their problems (tests mount it without either).
#[component]
pub fn App(
    #[prop(optional)] restored: Option<drafts::Restored>,
    #[prop(optional)] settings: Option<(Settings, Vec<crate::engine::text::I18n>)>,
) -> impl IntoView {
    let restored = restored.unwrap_or_default();
    let ok = !restored.unavailable;
    let state = AppState::from_restored(restored);
    let (settings, problems) = settings.unwrap_or_default();
    if let (Some(l), None) = (settings.lang, web::load_text(LANG_KEY)) {
        state.lang.set(l);
    }
    if let Some(t) = &settings.theme {
        web::set_css_var("--brand", t);
    }
    embed::start(&settings);
    state.settings.set_value(Arc::new(settings));
    provide_context(state);
    persist_language(state);
    mark_start_page(state);
    drafts::keep(state, ok);
    let loc = router::provide_location();
    Effect::new(move |_| {
        let path = loc.path.get();
        embed::step(&path, loc.route().procedure());
    });
    let check = loc.query("kiem-tra-cau-hinh").is_some() || loc.query("check-settings").is_some();
    let report = check.then(|| {
        let n = problems.len();
        view! {
            <section class="warning-box" aria-labelledby="settings-check">
                <h2 id="settings-check">{move || state.t(i18n::SETTINGS_CHECK)}" ("{n}")"</h2>
                {(n == 0).then(|| view! { <p>{move || state.t(i18n::SETTINGS_OK)}</p> })}
                <ul>{problems.into_iter().map(|m| view! { <li>{move || m.get(state.lang.get()).to_string()}</li> }).collect_view()}</ul>
            </section>
        }
    });
    let loaded = RwSignal::new(0u32);
    // On a journey page the frame (header, footer, loading line) comes first and the page a task
    // later: on a link, the first render is the first run of much of the app's code, each function
    // compiled as it is first called, and one long task of it keeps a slow phone from answering
    // (issue #7: blocking time). The start page renders at once, in place of its static copy.
    let framed = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        web::yield_now().await;
        let _ = framed.try_set(true); // unless the app is gone
    });
    let page = move || {
        let route = loc.route();
        // (`framed` is read only off the start page, so the start page is not built again.)
        if route != Route::Home && !framed.get() {
            return loading_line(state);
        }
        lazy::start(&route);
        if let Some(id) = route.procedure() {
            if CatalogIndex::bundled().get(id).is_none() {
                return view! { <NotFound/> }.into_any();
            }
            load_procedure(state, id);
            match state.procedures.with(|m| m.get(id).copied()) {
                Some(Loaded::Ready(_)) => {}
                Some(Loaded::Failed) => return view! { <LoadFailed/> }.into_any(),
                _ => return loading_line(state),
            }
        }
        page_for(route, loaded)
    };
    view! {
        <a class="skip-link" href="#main">{move || state.t(i18n::SKIP_TO_CONTENT)}</a>
        <Header/>
        <main id="main" class="container" tabindex="-1">{report}{page}</main>
        <footer class="footer container">
            <p>{move || state.t(i18n::FOOTER)}</p>
        </footer>
    }
}

/// "Đang tải…" while a procedure's definition or a part of the wasm arrives.
fn loading_line(state: AppState) -> AnyView {
    view! { <p class="loading" role="status">{move || state.t(i18n::LOADING)}</p> }.into_any()
}

fn page_for(route: Route, loaded: RwSignal<u32>) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
        other => lazy::page(&other, loaded),
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <header class="header">
            <div class="container header-row">
                <a class="brand" href="/">
                    {state.settings.with_value(|s| s.logo.clone()).map(|src| view! { <img class="logo" src=src alt="" height="32"/> })}
                    {move || state.t(i18n::APP_NAME)}
                </a>
                {lang_switches(state)}
            </div>
        </header>
    }
}

/// One button per other language, each with the language's name in itself (with two languages,
/// one button offering the other). A button keeps its place when the language changes and shows
/// the next other language, so focus stays on it; `start_page` writes the same buttons.
fn lang_switches(state: AppState) -> impl IntoView {
    std::array::from_fn::<_, { LANG_COUNT - 1 }, _>(|slot| {
        let target = move || state.lang.get().others().nth(slot).unwrap_or_default();
        view! {
            <button
                type="button"
                class="lang-switch"
                lang=move || target().code()
                aria-label=move || target().switch_to()
                on:click=move |_| state.lang.update(|l| *l = l.others().nth(slot).unwrap_or(*l))
            >
                {move || target().name()}
            </button>
        }
    })
}

/// Reads the drafts kept on the device, then mounts the app on the page body.
pub fn mount() {
    if let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) {
        lazy::start(&Route::parse(&path));
    }
    wasm_bindgen_futures::spawn_local(async {
        // In a task of its own: the wasm's start-up is one long task already, and the first use
        // of the device's storage takes a while on a slow phone (issue #7: blocking time).
        web::yield_now().await;
        // The drafts (IndexedDB) and the ward's settings (network, preloaded by index.html's
        // boot script) are read at the same time.
        let (restored, settings) = futures::future::join(drafts::restore(), embed::load()).await;
        web::remove_id("boot");
        web::remove_id("boot-start");
        leptos::mount::mount_to_body(move || view! { <App restored=restored settings=settings/> });
    });
}
