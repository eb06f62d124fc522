//! One file per page of the URL map (`crate::routes`): `/` home, `/p/<id>` info, `/p/<id>/s/<page>`
//! step, `…/checklist`, `…/attachments`, `…/review`, `…/done`, and not-found. The journey pages
//! (all but home and not-found) live in the lazily loaded parts of the wasm (`super::lazy`).

mod attachments;
mod checklist;
mod done;
mod home;
mod info;
mod not_found;
mod review;
mod step;

pub use attachments::AttachmentsPage;
pub use checklist::ChecklistPage;
pub use done::DonePage;
pub use home::Home;
pub use info::ProcedureInfo;
pub use not_found::NotFoundPage;
pub use review::ReviewPage;
pub use step::StepPage;

use super::data::use_data;
use super::drafts::Drafts;
use super::router::Location;
use crate::engine::catalog::Procedure;
use crate::engine::journey::Step;
use crate::routes::step_url;
use leptos::prelude::*;

/// The procedure of the current address, once loaded.
fn use_procedure() -> Signal<Option<&'static Procedure>> {
    let loc = expect_context::<Location>();
    let data = use_data();
    Signal::derive(move || loc.route().procedure().and_then(|id| data.procedure(id)))
}

/// Where "Continue" leads from `step`: the engine decides the order.
fn after(p: &'static Procedure, step: Step<'static>, drafts: Drafts) -> String {
    let answers = drafts.answers_of_untracked(&p.id);
    step_url(&p.id, p.step_after(step, &answers))
}

/// Where "Back" leads from `step` (reactive).
fn before(p: &'static Procedure, step: Step<'static>, drafts: Drafts) -> String {
    step_url(&p.id, p.step_before(step, &drafts.answers_of(&p.id)))
}

/// A journey page's body for the procedure of the address, or not-found.
fn with_procedure(
    page: impl Fn(&'static Procedure) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let proc = use_procedure();
    move || match proc.get() {
        Some(p) => page(p),
        None => view! { <super::components::NotFound/> }.into_any(),
    }
}
