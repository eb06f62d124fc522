//! What the app loads as it needs it: procedure definitions (`/data/catalog/<id>.bin`) and the
//! 2025 unit list (`/data/units-2025.bin`), each fetched once and kept for the session. One
//! loading state for everything loaded (`Load<T>`, also used by the lazy parts of the wasm).

use crate::engine::catalog::{CatalogIndex, Procedure};
use crate::engine::units::AdminUnits;
use futures::future::LocalBoxFuture;
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
    /// Turns a fetched `.bin` into a procedure: in the resident app, in a part of the wasm of its
    /// own (`lazy::procedure_decoder`), so the start page carries no catalog decoder.
    decode: Decoder,
}

/// Decodes a procedure definition's compact file (`None`: not one).
pub type Decoder = fn(Vec<u8>) -> LocalBoxFuture<'static, Option<Procedure>>;

/// The engine's decoder, called here (the staff page, the component tests).
fn decode_here(bytes: Vec<u8>) -> LocalBoxFuture<'static, Option<Procedure>> {
    Box::pin(async move { Procedure::from_compact(&bytes).ok() })
}

impl Data {
    /// With the decoder called here (the staff page, the component tests).
    pub fn new() -> Data {
        Data::with_decoder(decode_here)
    }

    pub fn with_decoder(decode: Decoder) -> Data {
        Data {
            procedures: RwSignal::new(BTreeMap::new()),
            units: RwSignal::new(Load::Idle),
            decode,
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
        let (procedures, id, decode) = (self.procedures, id.to_string(), self.decode);
        procedures.update(|m| {
            m.insert(id.clone(), Load::Loading);
        });
        leptos::task::spawn_local(async move {
            let loaded = match fetch_procedure(&id, decode).await {
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

    /// Forgets that loading `id` failed, without telling the pages (the failure is on screen):
    /// the next page that needs it loads it again.
    pub fn forget_failure(&self, id: &str) {
        self.procedures.update_untracked(|m| {
            if let Some(l) = m.get_mut(id).filter(|l| matches!(l, Load::Failed)) {
                *l = Load::Idle;
            }
        });
    }

    /// The procedure, fetching it if this session has not yet.
    pub async fn procedure_now(&self, id: &str) -> Option<&'static Procedure> {
        if let Some(p) = untrack(|| self.procedure(id)) {
            return Some(p);
        }
        let p = fetch_procedure(id, self.decode).await?;
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
async fn fetch_procedure(id: &str, decode: Decoder) -> Option<&'static Procedure> {
    let bytes = super::web::fetch_bytes(&format!("/data/catalog/{id}.bin")).await?;
    Some(Box::leak(Box::new(decode(bytes).await?)))
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
