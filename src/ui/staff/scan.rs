//! A resident's counter QR codes (`engine::counter`), read by a handheld scanner typing into a box
//! (it ends each code with Enter), pasted, or read off the resident's screen by the camera
//! (`camera.rs`): once every code of the package is in, the answers are shown as for a package —
//! the rule check, the declaration, the checklist — marked "from the QR: no attachments".

#[cfg(feature = "staff-page")]
use super::camera::camera;
use super::Package;
use crate::engine::counter::{self, Payload};
use crate::engine::msg;
use crate::engine::summary;
use crate::engine::text::I18n;
use crate::engine::validate::{self, Context};
use crate::i18n;
use crate::ui::components::{summary_list, SummaryRow};
use crate::ui::data::{use_data, Data};
use crate::ui::prefs::use_prefs;
use crate::ui::web;
use leptos::prelude::*;
use std::sync::Arc;

/// What has been read of a package's codes so far, from the box or the camera (`camera.rs`),
/// and what the staff are told about it.
#[derive(Clone, Copy)]
pub(super) struct Reader {
    pkg: RwSignal<Package>,
    data: Data,
    codes: RwSignal<Vec<String>>,
    status: RwSignal<Option<I18n>>,
}

impl Reader {
    /// Shows a message in the status line (`None` clears it).
    #[cfg_attr(not(feature = "staff-page"), allow(dead_code))]
    pub(super) fn say(self, m: Option<I18n>) {
        self.status.set(m);
    }

    /// Takes one code's text. `true` once every code of the package is in: the answers are then
    /// shown, or why they cannot be. A code already read is taken once.
    #[inline(never)]
    pub(super) fn take(self, t: String) -> bool {
        let Reader {
            pkg,
            data,
            codes,
            status,
        } = self;
        if let Err(m) = counter::part(&t) {
            status.set(Some(m));
            return false;
        }
        if !codes.with_untracked(|c| c.contains(&t)) {
            codes.update(|c| c.push(t.clone()));
        }
        let all = codes.get_untracked();
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let zipped = match counter::joined(&refs) {
            Ok(z) => z,
            Err(m) => {
                // A missing code: keep what was read; anything else: start again.
                if counter::part(&t).is_ok_and(|(_, n, _)| all.len() >= n) {
                    codes.set(Vec::new());
                }
                status.set(Some(m));
                return false;
            }
        };
        codes.set(Vec::new());
        leptos::task::spawn_local(async move {
            let body = web::inflate_zlib(&zipped).await;
            match body
                .ok_or_else(|| msg::QR_DAMAGED.into())
                .and_then(|b| counter::from_body(&b))
            {
                // The answers' view is in the page's `check` part (`part.rs`).
                Ok(_) if !super::part::ready_for_scanned().await => {
                    status.set(Some(i18n::STAFF_PART_FAILED.into()))
                }
                Ok(p) => {
                    status.set(None);
                    data.load_procedure(&p.procedure);
                    data.load_units();
                    pkg.set(Package::Scanned(Arc::new(p)));
                }
                Err(m) => status.set(Some(m)),
            }
        });
        true
    }
}

/// The box a scanner types into, the camera, and what they have read so far.
#[component]
pub(super) fn ScanBox(pkg: RwSignal<Package>) -> impl IntoView {
    let prefs = use_prefs();
    let status = RwSignal::new(None);
    let reader = Reader {
        pkg,
        data: use_data(),
        codes: RwSignal::new(Vec::new()),
        status,
    };
    let text = RwSignal::new(String::new());
    let take = move || {
        let t = text.get_untracked();
        if !t.trim().is_empty() {
            text.set(String::new());
            reader.take(t);
        }
    };
    view! {
        <form class="no-print" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); take(); }
            on:focusin=move |_| super::part::prefetch()>
            <label class="label" for="qr-text">{move || prefs.t(i18n::STAFF_QR_LABEL)}</label>
            <p class="hint" id="qr-hint">{move || prefs.t(i18n::STAFF_QR_HINT)}</p>
            <input id="qr-text" name="qr" class="input input--wide" autocomplete="off" spellcheck="false"
                aria-describedby="qr-hint qr-status"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
        </form>
        <p id="qr-status" class="no-print" role="status">{move || status.get().map(|m| m.get(prefs.lang.get()).to_string())}</p>
        {camera(reader)}
    }
}

/// The resident app's bundle links this module too, without the camera.
#[cfg(not(feature = "staff-page"))]
fn camera(_: Reader) {}

/// What the codes carry, checked under the catalog's rules.
#[component]
pub(super) fn ScannedView(payload: Arc<Payload>) -> impl IntoView {
    let (prefs, data) = (use_prefs(), use_data());
    let p_id = payload.procedure.clone();
    // The verdict takes the focus once it is there: when the procedure and the units have loaded.
    let id = p_id.clone();
    Effect::new(move |shown: Option<bool>| {
        let now = shown == Some(true) || (data.procedure(&id).is_some() && data.units().is_some());
        if now && shown != Some(true) {
            web::focus_id("verdict");
        }
        now
    });
    let content = move || {
        let lang = prefs.lang.get();
        let (Some(p), Some(units)) = (data.procedure(&p_id), data.units()) else {
            return view! { <p class="loading">{i18n::LOADING.get(lang)}</p> }.into_any();
        };
        let ctx = Context { today: web::today_vn(), units: Some(&units) };
        let out = validate::validate(p, &payload.answers, &ctx);
        let errors: Vec<_> = out.errors().map(|i| i.message.get(lang).to_string()).collect();
        let (class, title) = match errors.len() {
            0 => ("verdict verdict--ok", i18n::STAFF_QR_VALID.get(lang).to_string()),
            n => ("verdict verdict--bad", i18n::STAFF_PROBLEMS.fill(lang, &[("count", n.into())])),
        };
        let facts = vec![
            SummaryRow::new(i18n::STAFF_REFERENCE.get(lang), payload.reference.clone()),
            SummaryRow::new(i18n::STAFF_PROCEDURE.get(lang), format!("{} ({})", p.name.get(lang), p.national_codes.join(", "))),
            SummaryRow::new(i18n::STAFF_PACKAGE_ID.get(lang), payload.package_id.clone()),
            SummaryRow::new(i18n::STAFF_CATALOG.get(lang), payload.catalog_version.clone()),
        ];
        let sections = summary::sections(p, &payload.answers, &out, Some(&units))
            .into_iter()
            .map(|s| {
                let rows = s
                    .rows
                    .into_iter()
                    .map(|r| SummaryRow::new(r.label.get(lang), r.value.map(|v| v.get(lang).to_string()).unwrap_or_default()))
                    .collect();
                view! { <h3>{s.title.get(lang).to_string()}</h3>{summary_list(rows)} }
            })
            .collect_view();
        let checklist = p
            .checklist(&out.canonical)
            .into_iter()
            .map(|d| view! { <li>{d.name.get(lang).to_string()}" — "{d.form.label().get(lang).to_string()}</li> })
            .collect_view();
        view! {
            <div class=class id="verdict" tabindex="-1" role="status">
                <h2>{title}</h2>
                <p><strong>{i18n::STAFF_QR_FROM.get(lang)}</strong></p>
                <ul class="list">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
            {summary_list(facts)}
            <h2 class="section-title">{i18n::STAFF_DECLARATION.get(lang)}</h2>
            <div class="declaration">{sections}</div>
            <h2 class="section-title">{i18n::STAFF_CHECKLIST.get(lang)}</h2>
            <ul class="list">{checklist}</ul>
        }
        .into_any()
    };
    view! { <section aria-label="QR">{content}</section> }
}
