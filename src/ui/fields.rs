//! Form widgets. Each input's `name` is its field id; its element id is `f-<field id>`, which the
//! error summary links to. Messages come from the engine.

use super::{AppState, Units};
use crate::engine::catalog::{Field, FieldKind, Severity};
use crate::engine::refdata::{ETHNIC_GROUPS, FOREIGN_ETHNICITY};
use crate::engine::validate::Issue;
use crate::i18n;
use leptos::prelude::*;

pub fn input_id(field_id: &str) -> String {
    format!("f-{field_id}")
}

/// GOV.UK-style error summary: a list of links to the fields with problems.
#[component]
pub fn ErrorSummary(issues: Signal<Vec<Issue>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_errors = move || issues.with(|i| i.iter().any(|x| x.severity == Severity::Error));
    let has_any = move || issues.with(|i| !i.is_empty());
    view! {
        <Show when=has_any>
            <div
                id="error-summary"
                class=move || if has_errors() { "error-summary" } else { "warning-summary" }
                tabindex="-1"
                role=move || if has_errors() { "alert" } else { "status" }
                aria-labelledby="error-summary-title"
            >
                <h2 id="error-summary-title" class="summary-title">
                    {move || state.t(if has_errors() { i18n::ERROR_SUMMARY_TITLE } else { i18n::WARNING_TITLE })}
                </h2>
                <ul class="summary-list">
                    {move || {
                        let lang = state.lang.get();
                        issues
                            .get()
                            .into_iter()
                            .map(|i| {
                                let target = input_id(&i.field);
                                let href = format!("#{target}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                super::web::focus_id(&target);
                                            }
                                        >
                                            {i.message.get(lang).to_string()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <Show when=move || !has_errors()>
                    <p>{move || state.t(i18n::WARNING_CONTINUE)}</p>
                </Show>
            </div>
        </Show>
    }
}

/// One field of the declaration or one question, with its label, hint and inline message.
#[component]
pub fn FieldInput(
    proc_id: String,
    field: Field,
    issues: Signal<Vec<Issue>>,
    /// On a one-question page the question is the page heading (inside the legend).
    #[prop(default = None)]
    heading: Option<crate::engine::text::I18n>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let fid = field.id.clone();
    let id = input_id(&fid);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let label = field.label.clone();
    let hint = field.hint.clone();
    let required = field.required;
    let my_issue = {
        let fid = fid.clone();
        move || issues.with(|is| is.iter().find(|i| i.field == fid).cloned())
    };
    let has_error = {
        let m = my_issue.clone();
        move || m().is_some_and(|i| i.severity == Severity::Error)
    };
    let current = {
        let value = state.answer_memo(&proc_id, &fid);
        move || value.get()
    };
    let set = {
        let (p, f) = (proc_id.clone(), fid.clone());
        move |v: String| state.set_answer(&p, &f, v)
    };
    let described_by = {
        let (h, e) = (hint_id.clone(), err_id.clone());
        let has_hint = hint.is_some();
        let m = my_issue.clone();
        move || {
            let mut parts = Vec::new();
            if has_hint {
                parts.push(h.clone());
            }
            if m().is_some() {
                parts.push(e.clone());
            }
            if parts.is_empty() {
                None
            } else {
                Some(parts.join(" "))
            }
        }
    };
    let message = {
        let m = my_issue.clone();
        let err_id = err_id.clone();
        move || {
            m().map(|i| {
                let lang = state.lang.get();
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
        }
    };
    let label_text = {
        let label = label.clone();
        move || label.get(state.lang.get()).to_string()
    };
    let optional = move || (!required).then(|| format!(" {}", state.t(i18n::OPTIONAL)));
    let hint_view = hint.clone().map(|h| {
        let hint_id = hint_id.clone();
        view! { <p id=hint_id class="hint">{move || h.get(state.lang.get()).to_string()}</p> }
    });
    let group_class = {
        let e = has_error.clone();
        move || if e() { "field field--error" } else { "field" }
    };

    match field.kind.clone() {
        FieldKind::Choice { .. } | FieldKind::Sex => {
            let options: Vec<(
                String,
                crate::engine::text::I18n,
                Option<crate::engine::text::I18n>,
            )> = match &field.kind {
                FieldKind::Choice { options } => options
                    .iter()
                    .map(|o| (o.value.clone(), o.label.clone(), o.hint.clone()))
                    .collect(),
                _ => vec![
                    ("nam".into(), crate::engine::ids::Sex::Male.label(), None),
                    ("nu".into(), crate::engine::ids::Sex::Female.label(), None),
                ],
            };
            let legend_class = if heading.is_some() {
                "legend legend--heading"
            } else {
                "legend"
            };
            let radios = options
                .into_iter()
                .enumerate()
                .map(|(i, (value, olabel, ohint))| {
                    let rid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                    let ohint_id = format!("{rid}-hint");
                    let v2 = value.clone();
                    let cur = current.clone();
                    let set = set.clone();
                    let has_ohint = ohint.is_some();
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                id=rid.clone()
                                name=fid.clone()
                                value=value.clone()
                                prop:checked=move || cur() == v2
                                aria-describedby=has_ohint.then(|| ohint_id.clone())
                                on:change=move |_| set(value.clone())
                            />
                            <label for=rid>{move || olabel.get(state.lang.get()).to_string()}</label>
                            {ohint.map(|h| view! { <p id=ohint_id.clone() class="hint radio-hint">{move || h.get(state.lang.get()).to_string()}</p> })}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class=group_class>
                    <fieldset class="fieldset" aria-describedby=described_by>
                        <legend class=legend_class>
                            {if let Some(h) = heading {
                                view! { <h1 class="page-title" id="page-title" tabindex="-1">{move || h.get(state.lang.get()).to_string()}</h1> }.into_any()
                            } else {
                                view! { <span>{label_text}{optional}</span> }.into_any()
                            }}
                        </legend>
                        {hint_view}
                        {message}
                        <div class="radios">{radios}</div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        FieldKind::Ethnicity => {
            // The 56 options are one piece of markup (one DOM call instead of some 170), written by
            // one effect that then sets the choice; built as views with an effect each, this select
            // was most of the cost of building the page on a slow phone.
            let select = NodeRef::<leptos::html::Select>::new();
            let groups: String = ETHNIC_GROUPS
                .iter()
                .map(|(_, n)| *n)
                .chain(std::iter::once(FOREIGN_ETHNICITY))
                .map(|n| {
                    let n = crate::engine::text::escape_html(n);
                    format!("<option value=\"{n}\">{n}</option>")
                })
                .collect();
            let cur = current.clone();
            Effect::new(move |written: Option<Option<crate::engine::text::Lang>>| {
                let lang = state.lang.get();
                let v = cur();
                let el = select.get()?;
                if written.flatten() != Some(lang) {
                    let choose = crate::engine::text::escape_html(i18n::CHOOSE.get(lang));
                    el.set_inner_html(&format!("<option value=\"\">{choose}</option>{groups}"));
                }
                el.set_value(&v);
                if el.selected_index() < 0 {
                    el.set_selected_index(0);
                }
                Some(lang)
            });
            view! {
                <div class=group_class>
                    <label class="label" for=id.clone()>{label_text}{optional}</label>
                    {hint_view}
                    {message}
                    <select
                        id=id.clone()
                        name=fid.clone()
                        class="select"
                        node_ref=select
                        aria-describedby=described_by
                        aria-invalid=move || has_error().then_some("true")
                        on:change=move |ev| set(event_target_value(&ev))
                    ></select>
                </div>
            }
            .into_any()
        }
        FieldKind::Place => view! {
            <div class=group_class>
                <label class="label" for=id.clone()>{label_text}{optional}</label>
                {hint_view}
                {message}
                <PlaceSearch
                    proc_id=proc_id.clone()
                    field_id=fid.clone()
                    described_by=Signal::derive(described_by)
                    invalid=Signal::derive(has_error)
                />
            </div>
        }
        .into_any(),
        kind => {
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
            view! {
                <div class=group_class>
                    <label class="label" for=id.clone()>{label_text}{optional}</label>
                    {hint_view}
                    {message}
                    <input
                        id=id.clone()
                        name=fid.clone()
                        type=input_type
                        class=format!("input {width}")
                        inputmode=inputmode
                        autocomplete=autocomplete.unwrap_or("off")
                        spellcheck="false"
                        placeholder=placeholder
                        aria-describedby=described_by
                        aria-invalid=move || has_error().then_some("true")
                        prop:value=current
                        on:input=move |ev| set(event_target_value(&ev))
                    />
                </div>
            }
            .into_any()
        }
    }
}

/// Place picker: type a name (accents optional), then choose one of the matching communes.
/// The stored answer is the 5-digit commune code; the text box keeps what was typed.
#[component]
fn PlaceSearch(
    proc_id: String,
    field_id: String,
    described_by: Signal<Option<String>>,
    invalid: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    super::load_units(state);
    let id = input_id(&field_id);
    let results_id = format!("{id}-results");
    let selected = {
        let value = state.answer_memo(&proc_id, &field_id);
        move || value.get()
    };
    let label_of = move |code: &str| -> Option<String> {
        state
            .units
            .with(|u| u.as_ref().ok().and_then(|u| u.commune_label(code)))
    };
    // The text box starts with the chosen place's name, if any.
    let query = RwSignal::new(String::new());
    {
        let sel = selected.clone();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let code = sel();
            match label_of(&code) {
                Some(l) => {
                    query.set(l);
                    true
                }
                None => code.is_empty(),
            }
        });
    }
    let set = {
        let (p, f) = (proc_id.clone(), field_id.clone());
        move |v: String| state.set_answer(&p, &f, v)
    };
    let hits = move || -> Vec<(String, String)> {
        let q = query.get();
        if crate::engine::text::fold_compact(&q).chars().count() < 2 {
            return Vec::new();
        }
        state.units.with(|u| match u {
            Ok(u) => u
                .search(&q, 8)
                .into_iter()
                .map(|h| {
                    let c = &u.communes[h.index];
                    (
                        c.code.clone(),
                        format!("{}, {}", c.name, u.province_of(c).name),
                    )
                })
                .collect(),
            Err(_) => Vec::new(),
        })
    };
    let hits = Memo::new(move |_| hits());
    let sel2 = selected.clone();
    let showing_results = move || {
        let code = sel2();
        let q = query.get();
        !hits.with(|h| h.iter().any(|(c, l)| *c == code && *l == q))
    };
    let status = {
        let sr = showing_results.clone();
        move || {
            let lang = state.lang.get();
            match state.units.get() {
                Err(Units::Loading) => i18n::PLACE_LOADING.get(lang).to_string(),
                Err(Units::Failed) => i18n::PLACE_LOAD_FAILED.get(lang).to_string(),
                Ok(_) => {
                    let n = hits.with(|h| h.len());
                    let typed = crate::engine::text::fold_compact(&query.get())
                        .chars()
                        .count();
                    if typed < 2 {
                        i18n::PLACE_SEARCH_HINT.get(lang).to_string()
                    } else if n == 0 {
                        i18n::PLACE_NONE.get(lang).to_string()
                    } else if sr() {
                        i18n::PLACE_RESULTS.fill(lang, &[("count", n.into())])
                    } else {
                        String::new()
                    }
                }
            }
        }
    };
    let sel3 = selected.clone();
    let chosen = move || {
        let code = sel3();
        label_of(&code).map(|l| {
            view! {
                <p class="place-selected">
                    <strong>{move || state.t(i18n::PLACE_SELECTED)}</strong>" "{l}
                </p>
            }
        })
    };
    let set2 = set.clone();
    view! {
        <input
            id=id.clone()
            name=field_id.clone()
            type="search"
            class="input input--wide"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=move || {
                let mut d = described_by.get().unwrap_or_default();
                if !d.is_empty() { d.push(' '); }
                d.push_str(&format!("{id}-status"));
                d
            }
            aria-controls=results_id.clone()
            aria-invalid=move || invalid.get().then_some("true")
            prop:value=move || query.get()
            on:input=move |ev| {
                query.set(event_target_value(&ev));
                set2(String::new());
            }
        />
        <p id=format!("{}-status", input_id(&field_id)) class="hint place-status" aria-live="polite">{status}</p>
        {chosen}
        <ul id=results_id class="place-results">
            {move || {
                if !showing_results() {
                    return Vec::new();
                }
                hits.get()
                    .into_iter()
                    .map(|(code, label)| {
                        let set = set.clone();
                        let l2 = label.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="place-option"
                                    on:click=move |_| {
                                        query.set(l2.clone());
                                        set(code.clone());
                                    }
                                >
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </ul>
    }
}
