//! One file per page of the URL map (`crate::routes`): `/` home, `/p/<id>` info, `/p/<id>/s/<page>`
//! step, `…/checklist`, `…/attachments`, `…/review`, `…/done`, `…/portal` (copy into the portal),
//! `…/counter` (the counter card), and not-found. The journey pages
//! (all but home and not-found) live in the lazily loaded parts of the wasm (`super::lazy`).

mod attachments;
mod checklist;
mod counter;
mod done;
mod home;
mod info;
mod not_found;
mod portal;
mod review;
mod step;

pub use attachments::AttachmentsPage;
pub use checklist::ChecklistPage;
pub use counter::CounterPage;
pub use done::DonePage;
pub use home::Home;
pub use info::ProcedureInfo;
pub use not_found::NotFoundPage;
pub use portal::PortalPage;
pub use review::ReviewPage;
pub use step::StepPage;

use super::data::use_data;
use super::drafts::Drafts;
use super::router::Location;
use crate::engine::catalog::Procedure;
use crate::engine::journey::Step;
use crate::routes::{procedure_of, step_url};
use leptos::prelude::*;

/// One filing of a procedure (`crate::routes::procedure_of`): the procedure, and the key its draft,
/// its attachments, its package and its URLs go by.
#[derive(Clone, Copy, Debug)]
pub struct Filing {
    pub p: &'static Procedure,
    pub key: &'static str,
}

/// A filing key that lives as long as the app (few: one per filing the resident opens).
fn interned(key: &str) -> &'static str {
    thread_local!(static KEYS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) });
    KEYS.with_borrow_mut(|keys| match keys.iter().find(|k| **k == key) {
        Some(k) => *k,
        None => {
            let k: &'static str = Box::leak(key.to_string().into_boxed_str());
            keys.push(k);
            k
        }
    })
}

/// The filing of the current address, once its procedure is loaded.
fn use_filing() -> Signal<Option<Filing>> {
    let loc = expect_context::<Location>();
    let data = use_data();
    Signal::derive(move || {
        let route = loc.route();
        let key = route.filing()?;
        let p = data.procedure(procedure_of(key))?;
        Some(Filing {
            p,
            key: interned(key),
        })
    })
}

/// Where "Continue" leads from `step`: the engine decides the order.
fn after(f: Filing, step: Step<'static>, drafts: Drafts) -> String {
    let answers = drafts.answers_of_untracked(f.key);
    step_url(f.key, f.p.step_after(step, &answers))
}

/// Where "Back" leads from `step` (reactive).
fn before(f: Filing, step: Step<'static>, drafts: Drafts) -> String {
    step_url(f.key, f.p.step_before(step, &drafts.answers_of(f.key)))
}

/// A journey page's body for the filing of the address, or not-found.
fn with_filing(page: impl Fn(Filing) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let filing = use_filing();
    move || match filing.get() {
        Some(f) => page(f),
        None => view! { <super::components::NotFound/> }.into_any(),
    }
}
