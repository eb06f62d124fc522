//! The start page's list of drafts, drawn with the `finish` part (`draft_list_view`): a device
//! without drafts — every first visit — never fetches it.

use super::{draft_list_view, fetch, load, state, Load, NOTIFY};
use crate::ui::components::loading_line;
use futures::FutureExt;
use leptos::prelude::*;
use std::cell::Cell;

/// Waits until the start page's list of drafts can be drawn (the `finish` part is there, as it
/// is once a draft file has been read), so what opened a draft can then move the focus to it.
pub async fn draft_list_ready() -> bool {
    state(1) == Load::Ready(()) || fetch(1).await
}

/// The start page's list of drafts, from the `finish` part: nothing on a device without drafts (a
/// first visit never fetches the part), a loading line while the part is fetched, and a message if
/// it cannot be (offline before the app was kept for offline use). The drafts stay on the device
/// either way; the next visit tries again.
pub fn draft_list() -> impl IntoView {
    let drafts = crate::ui::drafts::use_drafts();
    // Once shown, the list stays (built once: its own state, such as "the draft was deleted" for
    // the last one, must outlive changes to the drafts).
    let wanted =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || drafts.any());
    move || {
        if let Some(n) = NOTIFY.with(Cell::get) {
            n.track();
        }
        if !wanted.get() {
            return ().into_any();
        }
        match state(1) {
            Load::Ready(()) => {
                if let Some(Ok(v)) = draft_list_view().now_or_never() {
                    return v;
                }
                ().into_any()
            }
            Load::Failed => view! { <DraftsUnavailable/> }.into_any(),
            Load::Idle => {
                load(1);
                loading_line()
            }
            Load::Loading => loading_line(),
        }
    }
}

/// Said in place of the list of drafts when its part cannot be fetched.
#[component]
fn DraftsUnavailable() -> impl IntoView {
    let prefs = crate::ui::prefs::use_prefs();
    view! {
        <section class="warning-box drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title" class="group-title" tabindex="-1">{move || prefs.t(crate::i18n::DRAFTS_TITLE)}</h2>
            <p>{move || prefs.t(crate::i18n::DRAFTS_UNAVAILABLE)}</p>
        </section>
    }
}
