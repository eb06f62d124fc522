//! One field of the declaration or one question: one frame (label or legend, hint, inline
//! message) around one widget per field type (`choice`, `ethnicity`, `place`, `text`). Each
//! input's `name` is its field id and its element id `f-<field id>`, which the error summary links
//! to. Messages come from the engine.
//!
//! Accessibility: the label (or, for radios, the fieldset's legend) names the input; the hint and
//! the message are tied to it with `aria-describedby`, and `aria-invalid` marks an error; the
//! message starts with a visually hidden "Lỗi:" / "Cảnh báo:"; an optional field says so in its
//! label; on a one-question page the question is the page heading, inside the legend.

mod choice;
mod ethnicity;
mod place;
mod text;

use crate::engine::catalog::{Field, FieldKind, Severity};
use crate::engine::text::I18n;
use crate::engine::validate::Issue;
use crate::i18n;
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

pub fn input_id(field_id: &str) -> String {
    format!("f-{field_id}")
}

/// What a widget needs from its frame.
#[derive(Clone)]
struct Widget {
    field_id: String,
    /// The input's element id (`f-<field id>`).
    id: String,
    described_by: Signal<Option<String>>,
    invalid: Signal<bool>,
    value: Memo<String>,
    set: Callback<String>,
}

#[component]
pub fn FieldInput(
    proc_id: String,
    field: Field,
    issues: Signal<Vec<Issue>>,
    /// On a one-question page the question is the page heading (inside the legend).
    #[prop(default = None)]
    heading: Option<I18n>,
) -> impl IntoView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let fid = field.id.clone();
    let id = input_id(&fid);
    let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-error"));
    let issue = Memo::new({
        let fid = fid.clone();
        move |_| issues.with(|is| is.iter().find(|i| i.field == fid).cloned())
    });
    let invalid = Signal::derive(move || {
        issue.with(|i| i.as_ref().is_some_and(|i| i.severity == Severity::Error))
    });
    let described_by = Signal::derive({
        let (h, e, has_hint) = (hint_id.clone(), err_id.clone(), field.hint.is_some());
        move || {
            let parts: Vec<&str> = [
                (has_hint, h.as_str()),
                (issue.with(Option::is_some), e.as_str()),
            ]
            .into_iter()
            .filter_map(|(on, id)| on.then_some(id))
            .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    });
    let w = Widget {
        field_id: fid.clone(),
        id: id.clone(),
        described_by,
        invalid,
        value: drafts.answer_memo(&proc_id, &fid),
        set: Callback::new({
            let (p, f) = (proc_id.clone(), fid.clone());
            move |v: String| drafts.set_answer(&p, &f, v)
        }),
    };
    let message = move || {
        issue.get().map(|i| {
            let lang = prefs.lang.get();
            let (class, prefix) = match i.severity {
                Severity::Error => ("field-error", i18n::ERROR_PREFIX),
                Severity::Warning => ("field-warning", i18n::WARNING_PREFIX),
            };
            view! {
                <p id=err_id.clone() class=class>
                    <span class="visually-hidden">{prefix.get(lang)}" "</span>
                    {i.message.get(lang).to_string()}
                </p>
            }
        })
    };
    let label = {
        let (label, required) = (field.label.clone(), field.required);
        move || {
            let lang = prefs.lang.get();
            let optional = if required {
                ""
            } else {
                i18n::OPTIONAL.get(lang)
            };
            let sep = if required { "" } else { " " };
            format!("{}{sep}{optional}", label.get(lang))
        }
    };
    let hint = field.hint.clone().map(|h| {
        view! { <p id=hint_id class="hint">{move || h.get(prefs.lang.get()).to_string()}</p> }
    });
    let frame_class = move || {
        if invalid.get() {
            "field field--error"
        } else {
            "field"
        }
    };
    match field.kind.clone() {
        FieldKind::Choice { .. } | FieldKind::Sex => {
            let legend_class = if heading.is_some() {
                "legend legend--heading"
            } else {
                "legend"
            };
            let legend = match heading {
                Some(h) => view! { <h1 class="page-title" id="page-title" tabindex="-1">{move || h.get(prefs.lang.get()).to_string()}</h1> }.into_any(),
                None => view! { <span>{label}</span> }.into_any(),
            };
            view! {
                <div class=frame_class>
                    <fieldset class="fieldset" aria-describedby=described_by>
                        <legend class=legend_class>{legend}</legend>
                        {hint}
                        {message}
                        {choice::radios(&w, &field.kind)}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        kind => {
            let widget = match kind {
                FieldKind::Ethnicity => ethnicity::select(&w),
                FieldKind::Place => place::search(w.clone()),
                other => text::input(&w, &other),
            };
            view! {
                <div class=frame_class>
                    <label class="label" for=id>{label}</label>
                    {hint}
                    {message}
                    {widget}
                </div>
            }
            .into_any()
        }
    }
}
