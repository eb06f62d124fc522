//! Radios for a choice (or a person's sex): one per option, each with its own hint if any.

use super::Widget;
use crate::engine::catalog::FieldKind;
use crate::engine::ids::Sex;
use crate::engine::text::I18n;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

pub(super) fn radios(w: &Widget, kind: &FieldKind) -> AnyView {
    let prefs = use_prefs();
    let options: Vec<(String, I18n, Option<I18n>)> = match kind {
        FieldKind::Choice { options } => options
            .iter()
            .map(|o| (o.value.clone(), o.label.clone(), o.hint.clone()))
            .collect(),
        _ => [Sex::Male, Sex::Female]
            .into_iter()
            .map(|s| (s.code().to_string(), s.label(), None))
            .collect(),
    };
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label, hint))| {
            let rid = if i == 0 { w.id.clone() } else { format!("{}-{i}", w.id) };
            let hint_id = format!("{rid}-hint");
            let (current, set) = (w.value, w.set);
            let v = value.clone();
            let described = hint.is_some().then(|| hint_id.clone());
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=rid.clone()
                        name=w.field_id.clone()
                        value=value.clone()
                        prop:checked=move || current.with(|c| *c == v)
                        aria-describedby=described
                        on:change=move |_| set.run(value.clone())
                    />
                    <label for=rid>{move || label.get(prefs.lang.get()).to_string()}</label>
                    {hint.map(|h| view! { <p id=hint_id class="hint radio-hint">{move || h.get(prefs.lang.get()).to_string()}</p> })}
                </div>
            }
        })
        .collect_view();
    view! { <div class="radios">{radios}</div> }.into_any()
}
