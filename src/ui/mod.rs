//! The browser app. It renders what the engine decides: pages, fields, messages and the package
//! all come from `crate::engine`; this module holds views and browser plumbing only.
//!
//! Its shape follows the URL map (`crate::routes`): `pages/` one file per page, `components/`
//! what pages share, `drafts/` the resident's drafts (context, device storage, views), `staff/`
//! the staff page. State is three narrow contexts: `Prefs` (language, ward settings), `Data`
//! (what is loaded on demand) and `Drafts` (answers, attachments, the built package).

pub mod components;
pub mod data;
pub mod drafts;
pub mod embed;
pub mod lazy;
pub mod pages;
mod photos;
pub mod prefs;
pub mod router;
pub mod staff;
pub mod web;

pub use components::{ErrorSummary, FieldInput};

use crate::engine::catalog::CatalogIndex;
use crate::engine::settings::Settings;
use crate::engine::text::{I18n, Lang, LANG_COUNT};
use crate::i18n;
use components::{loading_line, LoadFailed};
use data::{use_data, Data, Load};
use drafts::{Drafts, Restored};
use leptos::prelude::*;
use pages::{Home, NotFoundPage};
use prefs::{use_prefs, Prefs};
use router::Route;

/// Provides the resident app's three contexts, the drafts read from the device and the ward's
/// settings applied (tests mount pieces of the app with `Restored::default()`).
pub fn provide_app(restored: Restored, settings: Settings) -> (Prefs, Data, Drafts) {
    let prefs = Prefs::new();
    let ward_commune = settings.commune.clone();
    prefs.apply(settings);
    let data = Data::with_decoder(lazy::procedure_decoder);
    let drafts = Drafts::new(restored, data, ward_commune);
    provide_context(prefs);
    provide_context(data);
    provide_context(drafts);
    (prefs, data, drafts)
}

/// Marks the device whose start page would not look like the static one in `index.html`
/// (English, drafts, a ward's own list or logo), so the next visit shows the loading line
/// instead of a page that would change under the resident's finger (src/start_page.rs).
const START_KEY: &str = "hoso:start";
fn mark_start_page(prefs: Prefs, drafts: Drafts) {
    // A memo, so storage is written when the answer changes, not on every keystroke.
    let differs = Memo::new(move |_| {
        prefs.lang.get() != Lang::default()
            || drafts.any()
            || prefs
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

/// `?kiem-tra-cau-hinh` / `?check-settings`: the ward settings' problems, for its maintainer.
fn settings_report(problems: Vec<I18n>) -> impl IntoView {
    let prefs = use_prefs();
    let n = problems.len();
    view! {
        <section class="warning-box" aria-labelledby="settings-check">
            <h2 id="settings-check">{move || prefs.t(i18n::SETTINGS_CHECK)}" ("{n}")"</h2>
            {(n == 0).then(|| view! { <p>{move || prefs.t(i18n::SETTINGS_OK)}</p> })}
            <ul>{problems.into_iter().map(|m| view! { <li>{move || m.get(prefs.lang.get()).to_string()}</li> }).collect_view()}</ul>
        </section>
    }
}

/// The page of `route`: the start page and not-found at once; a journey page once its procedure
/// and its part of the wasm are loaded (a loading line until then).
fn page(route: Route, loaded: RwSignal<u32>) -> AnyView {
    lazy::start(&route);
    let Some(key) = route.filing() else {
        return match route {
            Route::Home => view! { <Home/> }.into_any(),
            _ => view! { <NotFoundPage/> }.into_any(),
        };
    };
    let id = crate::routes::procedure_of(key);
    if CatalogIndex::bundled().get(id).is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let data = use_data();
    match data.procedure_load(id) {
        Load::Ready(_) => lazy::page(&route, loaded),
        // Said once; the next visit tries again (its part too: the definition is decoded by the
        // page's part). Retrying here would try again at once, and again, while offline.
        Load::Failed => {
            data.forget_failure(id);
            lazy::forget_failure(&route);
            view! { <LoadFailed/> }.into_any()
        }
        Load::Idle => {
            data.load_procedure(id);
            loading_line()
        }
        Load::Loading => loading_line(),
    }
}

/// The resident app. `restored`: the drafts read from the device before the first render;
/// `settings`: the ward's settings and their problems (tests mount it without either).
#[component]
pub fn App(
    #[prop(optional)] restored: Option<Restored>,
    #[prop(optional)] settings: Option<(Settings, Vec<I18n>)>,
) -> impl IntoView {
    let restored = restored.unwrap_or_default();
    let (settings, problems) = settings.unwrap_or_default();
    embed::start(&settings);
    let (prefs, _, drafts) = provide_app(restored, settings);
    lazy::provide_packer();
    prefs.persist();
    mark_start_page(prefs, drafts);
    // (The drafts are written to the device by the parts that change them:
    // `drafts::writer::ensure_keeping`.)
    let loc = router::provide_location();
    Effect::new(move |_| {
        let path = loc.path.get();
        embed::step(&path, loc.route().filing().map(crate::routes::procedure_of));
    });
    let check = loc.query("kiem-tra-cau-hinh").is_some() || loc.query("check-settings").is_some();
    let report = check.then(|| settings_report(problems));
    let loaded = RwSignal::new(0u32);
    lazy::notify_on(loaded);
    // On a journey page the frame (header, footer, loading line) comes first and the page a task
    // later: on a link, the first render is the first run of much of the app's code, each function
    // compiled as it is first called, and one long task of it keeps a slow phone from answering
    // (issue #7: blocking time). The start page renders at once, in place of its static copy.
    let framed = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        web::yield_now().await;
        let _ = framed.try_set(true); // unless the app is gone
    });
    let body = move || {
        let route = loc.route();
        // (`framed` is read only off the start page, so the start page is not built again.)
        if route != Route::Home && !framed.get() {
            return loading_line();
        }
        page(route, loaded)
    };
    view! {
        <a class="skip-link" href="#main">{move || prefs.t(i18n::SKIP_TO_CONTENT)}</a>
        <Header/>
        <main id="main" class="container" tabindex="-1">{report}{body}</main>
        <footer class="footer container">
            <p>{move || prefs.t(i18n::FOOTER)}</p>
        </footer>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let prefs = use_prefs();
    let logo = prefs.settings.with_value(|s| s.logo.clone());
    view! {
        <header class="header">
            <div class="container header-row">
                <a class="brand" href="/">
                    {logo.map(|src| view! { <img class="logo" src=src alt="" height="32"/> })}
                    {move || prefs.t(i18n::APP_NAME)}
                </a>
                {lang_switches(prefs)}
            </div>
        </header>
    }
}

/// One button per other language, each with the language's name in itself (with two languages,
/// one button offering the other). A button keeps its place when the language changes and shows
/// the next other language, so focus stays on it; `start_page` writes the same buttons.
fn lang_switches(prefs: Prefs) -> impl IntoView {
    std::array::from_fn::<_, { LANG_COUNT - 1 }, _>(|slot| {
        let target = move || prefs.lang.get().others().nth(slot).unwrap_or_default();
        view! {
            <button
                type="button"
                class="lang-switch"
                lang=move || target().code()
                aria-label=move || target().switch_to()
                on:click=move |_| prefs.lang.update(|l| *l = l.others().nth(slot).unwrap_or(*l))
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
