//! What the app loads as it needs it: procedure definitions (`/data/catalog/<id>.bin`) and the
//! 2025 unit list (`/data/units-2025.bin`), each fetched once and kept for the session. One
//! loading state for everything loaded (`Load<T>`, also used by the lazy parts of the wasm).

use crate::engine::catalog::{CatalogIndex, Procedure};
use crate::engine::units::AdminUnits;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where something loaded on demand stands.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Load<T> {
    #[default]
    Idle,
    Loading,
    Ready(T),
    Failed,
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(t) => Some(t),
            _ => None,
        }
    }

    /// Loading or loaded: nothing to start.
    pub fn started(&self) -> bool {
        matches!(self, Load::Loading | Load::Ready(_))
    }
}

/// The loaded data, shared through context (`Copy`).
#[derive(Clone, Copy)]
pub struct Data {
    /// Procedure definitions by id (leaked once per procedure so pages can hold `&'static`).
    pub procedures: RwSignal<BTreeMap<String, Load<&'static Procedure>>>,
    pub units: RwSignal<Load<Arc<AdminUnits>>>,
}

impl Data {
    pub fn new() -> Data {
        Data {
            procedures: RwSignal::new(BTreeMap::new()),
            units: RwSignal::new(Load::Idle),
        }
    }

    /// Where the procedure `id` stands (reactive).
    pub fn procedure_load(&self, id: &str) -> Load<&'static Procedure> {
        self.procedures
            .with(|m| m.get(id).cloned().unwrap_or_default())
    }

    /// The procedure, if loaded (reactive).
    pub fn procedure(&self, id: &str) -> Option<&'static Procedure> {
        self.procedures
            .with(|m| m.get(id).and_then(|l| l.ready().copied()))
    }

    /// The unit list, if loaded (not reactive).
    pub fn units_now(&self) -> Option<Arc<AdminUnits>> {
        self.units.with_untracked(|u| u.ready().cloned())
    }

    /// The unit list, if loaded (reactive).
    pub fn units(&self) -> Option<Arc<AdminUnits>> {
        self.units.with(|u| u.ready().cloned())
    }

    /// Starts loading a procedure definition (once; again after a failure).
    pub fn load_procedure(&self, id: &str) {
        if CatalogIndex::bundled().get(id).is_none()
            || self
                .procedures
                .with_untracked(|m| m.get(id).is_some_and(Load::started))
        {
            return;
        }
        let (procedures, id) = (self.procedures, id.to_string());
        procedures.update(|m| {
            m.insert(id.clone(), Load::Loading);
        });
        leptos::task::spawn_local(async move {
            let loaded = match fetch_procedure(&id).await {
                Some(p) => Load::Ready(p),
                None => Load::Failed,
            };
            // Decoding and building the page are two tasks, not one long one on a slow phone.
            super::web::yield_now().await;
            procedures.update(|m| {
                m.insert(id, loaded);
            });
        });
    }

    /// The procedure, fetching it if this session has not yet.
    pub async fn procedure_now(&self, id: &str) -> Option<&'static Procedure> {
        if let Some(p) = untrack(|| self.procedure(id)) {
            return Some(p);
        }
        let p = fetch_procedure(id).await?;
        self.procedures.update(|m| {
            m.insert(id.to_string(), Load::Ready(p));
        });
        Some(p)
    }

    /// Starts loading the unit list (once). Called by the first page that needs it, so the start
    /// page does not download it.
    pub fn load_units(&self) {
        if self.units.with_untracked(Load::started) {
            return;
        }
        let units = self.units;
        units.set(Load::Loading);
        leptos::task::spawn_local(async move {
            // After the page that needs it has painted: the list is not needed to show the page.
            super::web::after_paint().await;
            let loaded = super::web::fetch_bytes("/data/units-2025.bin")
                .await
                .and_then(|b| AdminUnits::from_compact(&b).ok());
            units.set(match loaded {
                Some(u) => Load::Ready(Arc::new(u)),
                None => Load::Failed,
            });
        });
    }
}

impl Default for Data {
    fn default() -> Self {
        Self::new()
    }
}

/// Fetches and decodes a procedure definition, kept for the session.
async fn fetch_procedure(id: &str) -> Option<&'static Procedure> {
    let bytes = super::web::fetch_bytes(&format!("/data/catalog/{id}.bin")).await?;
    Some(Box::leak(Box::new(Procedure::from_compact(&bytes).ok()?)))
}

pub fn use_data() -> Data {
    expect_context::<Data>()
}

thread_local! {
    static FONTS: std::cell::Cell<Option<crate::engine::pdf::Fonts<'static>>> = const { std::cell::Cell::new(None) };
}

/// The fonts of the printed forms (`/fonts/*.ttf`, kept offline by the service worker), fetched
/// when the first document is made and kept for the session.
pub async fn fonts() -> Option<crate::engine::pdf::Fonts<'static>> {
    if let Some(f) = FONTS.with(std::cell::Cell::get) {
        return Some(f);
    }
    let [r, b] = crate::engine::pdf::FONT_URLS;
    let (regular, bold) =
        futures::future::join(super::web::fetch_bytes(r), super::web::fetch_bytes(b)).await;
    let fonts = crate::engine::pdf::Fonts {
        regular: Box::leak(regular?.into_boxed_slice()),
        bold: Box::leak(bold?.into_boxed_slice()),
    };
    FONTS.with(|c| c.set(Some(fonts)));
    Some(fonts)
}
