//! The browser app. It renders what the engine decides: pages, fields, messages and the package
//! all come from `crate::engine`; this module holds only views and browser plumbing.

mod drafts;
mod fields;
mod pages;
pub mod router;
pub mod staff;
pub mod web;

use crate::engine::catalog::{Answers, CatalogIndex, Procedure};
use crate::engine::media::MediaType;
use crate::engine::text::Lang;
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
    /// The device refused to store an attachment (full or blocked storage).
    pub storage_problem: RwSignal<bool>,
}

const LANG_KEY: &str = "hoso:lang";
/// Answers of every procedure, postcard as hex (see `web::save_compact`).
pub const ANSWERS_KEY: &str = "hoso:answers:2";

impl AppState {
    pub fn new() -> AppState {
        // (Older builds stored the code JSON-quoted.)
        let lang = web::load_text(LANG_KEY)
            .and_then(|s| Lang::parse(s.trim_matches('"')))
            .unwrap_or_default();
        let answers = web::load_compact::<BTreeMap<String, Answers>>(ANSWERS_KEY).unwrap_or_default();
        AppState {
            lang: RwSignal::new(lang),
            answers: RwSignal::new(answers),
            attachments: RwSignal::new(Vec::new()),
            units: RwSignal::new(Err(Units::Loading)),
            procedures: RwSignal::new(BTreeMap::new()),
            finished: RwSignal::new(None),
            next_key: StoredValue::new(1),
            units_loading: StoredValue::new(false),
            storage_problem: RwSignal::new(false),
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
                Some(p) => p.with_defaults(&a),
                None => a,
            }
        })
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

    /// Removes one procedure's answers and attachments from this device.
    /// Removes every answer and attachment from this device ("delete all my data").
    pub fn forget_all(&self) {
        self.answers.set(BTreeMap::new());
        self.attachments.set(Vec::new());
        self.finished.set(None);
        web::remove(ANSWERS_KEY);
    }

    pub fn forget(&self, proc_id: &str) {
        self.answers.update(|all| {
            all.remove(proc_id);
        });
        self.attachments
            .update(|a| a.retain(|x| x.procedure != proc_id));
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
        let loaded = match web::fetch_bytes(&format!("/data/catalog/{id}.bin")).await {
            Some(bytes) => match Procedure::from_compact(&bytes) {
                Ok(p) => Loaded::Ready(Box::leak(Box::new(p))),
                Err(_) => Loaded::Failed,
            },
            None => Loaded::Failed,
        };
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

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    persist_language(state);
    Effect::new(move |_| state.answers.with(|a| web::save_compact(ANSWERS_KEY, a)));
    drafts::keep(state);
    let loc = router::provide_location();
    let page = move || {
        let route = loc.route();
        if let Some(id) = route.procedure() {
            if CatalogIndex::bundled().get(id).is_none() {
                return view! { <NotFound/> }.into_any();
            }
            load_procedure(state, id);
            match state.procedures.with(|m| m.get(id).copied()) {
                Some(Loaded::Ready(_)) => {}
                Some(Loaded::Failed) => return view! { <LoadFailed/> }.into_any(),
                _ => return view! { <p class="loading" role="status">{move || state.t(i18n::LOADING)}</p> }.into_any(),
            }
        }
        page_for(route)
    };
    view! {
        <a class="skip-link" href="#main">{move || state.t(i18n::SKIP_TO_CONTENT)}</a>
        <Header/>
        <main id="main" class="container" tabindex="-1">{page}</main>
        <footer class="footer container">
            <p>{move || state.t(i18n::FOOTER)}</p>
        </footer>
    }
}

fn page_for(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Procedure(_) => view! { <ProcedureInfo/> }.into_any(),
        Route::Step(_, _) => view! { <StepPage/> }.into_any(),
        Route::Checklist(_) => view! { <ChecklistPage/> }.into_any(),
        Route::Attachments(_) => view! { <AttachmentsPage/> }.into_any(),
        Route::Review(_) => view! { <ReviewPage/> }.into_any(),
        Route::Done(_) => view! { <DonePage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <header class="header">
            <div class="container header-row">
                <a class="brand" href="/">{move || state.t(i18n::APP_NAME)}</a>
                <button
                    type="button"
                    class="lang-switch"
                    lang=move || state.lang.get().other().code()
                    aria-label=move || state.t(i18n::SWITCH_LANG_LABEL)
                    on:click=move |_| state.lang.update(|l| *l = l.other())
                >
                    {move || state.t(i18n::SWITCH_LANG)}
                </button>
            </div>
        </header>
    }
}

/// Mounts the app on the page body.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
