//! One field of the declaration or one question: one frame (label or legend, hint, inline
//! message) around one widget per field type (`choice`, `ethnicity`, `group`, `place`, `text`). Each
//! input's `name` is its field id and its element id `f-<field id>`, which the error summary links
//! to. Messages come from the engine.
//!
//! Accessibility: the label (or, for radios, the fieldset's legend) names the input; the hint and
//! the message are tied to it with `aria-describedby`, and `aria-invalid` marks an error; the
//! message starts with a visually hidden "Lỗi:" / "Cảnh báo:"; an optional field says so in its
//! label; on a one-question page the question is the page heading, inside the legend.

mod choice;
mod ethnicity;
mod group;
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

/// The inline message of the field's issue, if any: "Lỗi:" / "Cảnh báo:" for screen readers, then
/// the engine's message.
fn message(issue: Memo<Option<Issue>>, err_id: String) -> impl Fn() -> Option<AnyView> {
    let prefs = use_prefs();
    move || {
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
            .into_any()
        })
    }
}

/// The label (or legend) text, with "(không bắt buộc)" / "(optional)" for an optional field.
fn label(field: &Field) -> impl Fn() -> String {
    let prefs = use_prefs();
    let (label, required) = (field.label.clone(), field.required);
    move || {
        let lang = prefs.lang.get();
        match required {
            true => label.get(lang).to_string(),
            false => format!("{} {}", label.get(lang), i18n::OPTIONAL.get(lang)),
        }
    }
}

/// What a widget needs, for the field `field` of procedure `proc_id`.
fn widget(proc_id: &str, field: &Field, issue: Memo<Option<Issue>>) -> Widget {
    let drafts = use_drafts();
    let id = input_id(&field.id);
    let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-error"));
    let has_hint = field.hint.is_some();
    let described_by = Signal::derive(move || {
        let parts: Vec<&str> = [
            (has_hint, hint_id.as_str()),
            (issue.with(Option::is_some), err_id.as_str()),
        ]
        .into_iter()
        .filter_map(|(on, id)| on.then_some(id))
        .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    });
    let (p, f) = (proc_id.to_string(), field.id.clone());
    Widget {
        field_id: field.id.clone(),
        id,
        described_by,
        invalid: Signal::derive(move || {
            issue.with(|i| i.as_ref().is_some_and(|i| i.severity == Severity::Error))
        }),
        value: drafts.answer_memo(proc_id, &field.id),
        set: Callback::new(move |v: String| drafts.set_answer(&p, &f, v)),
    }
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
    let prefs = use_prefs();
    let issue = Memo::new({
        let fid = field.id.clone();
        move |_| issues.with(|is| is.iter().find(|i| i.field == fid).cloned())
    });
    let w = widget(&proc_id, &field, issue);
    let message = message(issue, format!("{}-error", w.id));
    let hint = field.hint.clone().map(|h| {
        view! { <p id=format!("{}-hint", w.id) class="hint">{move || h.get(prefs.lang.get()).to_string()}</p> }
    });
    let invalid = w.invalid;
    let frame_class = move || {
        if invalid.get() {
            "field field--error"
        } else {
            "field"
        }
    };
    if matches!(field.kind, FieldKind::Group { .. }) {
        return view! {
            <div class=frame_class id=w.id.clone() tabindex="-1">
                <fieldset class="fieldset" aria-describedby=w.described_by>
                    <legend class="legend">{label(&field)}</legend>
                    {hint}
                    {message}
                    {group::rows(proc_id, field.clone(), issues)}
                </fieldset>
            </div>
        }
        .into_any();
    }
    if matches!(field.kind, FieldKind::Choice { .. } | FieldKind::Sex) {
        let legend_class = if heading.is_some() {
            "legend legend--heading"
        } else {
            "legend"
        };
        let legend = match heading {
            Some(h) => view! { <h1 class="page-title" id="page-title" tabindex="-1">{move || h.get(prefs.lang.get()).to_string()}</h1> }.into_any(),
            None => view! { <span>{label(&field)}</span> }.into_any(),
        };
        return view! {
            <div class=frame_class>
                <fieldset class="fieldset" aria-describedby=w.described_by>
                    <legend class=legend_class>{legend}</legend>
                    {hint}
                    {message}
                    {choice::radios(&w, &field.kind)}
                </fieldset>
            </div>
        }
        .into_any();
    }
    let control = match &field.kind {
        FieldKind::Ethnicity => ethnicity::select(&w),
        FieldKind::Place => place::search(w.clone()),
        other => text::input(&w, other),
    };
    view! {
        <div class=frame_class>
            <label class="label" for=w.id.clone()>{label(&field)}</label>
            {hint}
            {message}
            {control}
        </div>
    }
    .into_any()
}
