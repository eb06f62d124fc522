//! A text box, typed for what it holds: the keyboard a phone shows (`inputmode`), autofill, width.

use super::Widget;
use crate::engine::catalog::FieldKind;
use leptos::prelude::*;

pub(super) fn input(w: &Widget, kind: &FieldKind) -> AnyView {
    let (input_type, inputmode, autocomplete, width) = match kind {
        FieldKind::FullName => ("text", None, Some("name"), "input--wide"),
        FieldKind::Date { .. } => ("text", Some("numeric"), None, "input--date"),
        FieldKind::PersonalId { .. } => ("text", Some("numeric"), None, "input--id"),
        FieldKind::Phone => ("tel", Some("tel"), Some("tel"), "input--id"),
        FieldKind::Email => ("email", Some("email"), Some("email"), "input--wide"),
        FieldKind::Integer { .. } => ("text", Some("numeric"), None, "input--short"),
        FieldKind::Decimal { .. } => ("text", Some("decimal"), None, "input--short"),
        FieldKind::TaxCode => ("text", Some("numeric"), None, "input--medium"),
        FieldKind::Passport => ("text", None, None, "input--medium"),
        _ => ("text", None, None, "input--wide"),
    };
    let placeholder = matches!(kind, FieldKind::Date { .. }).then_some("dd/mm/yyyy");
    let (value, set, invalid) = (w.value, w.set, w.invalid);
    view! {
        <input
            id=w.id.clone()
            name=w.field_id.clone()
            type=input_type
            class=format!("input {width}")
            inputmode=inputmode
            autocomplete=autocomplete.unwrap_or("off")
            spellcheck="false"
            placeholder=placeholder
            aria-describedby=w.described_by
            aria-invalid=move || invalid.get().then_some("true")
            prop:value=move || value.get()
            on:input=move |ev| set.run(event_target_value(&ev))
        />
    }
    .into_any()
}
