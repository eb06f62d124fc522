//! The pages of a journey: start → procedure → questions → checklist → declaration →
//! attachments → check your answers → confirmation. Each has its own URL.

use super::draft_views::{Confirm, DraftList, ImportDraft, StorageProblem};
use super::fields::{ErrorSummary, FieldInput};
use super::router::{navigate, Location, Route};
use super::{web, AppState, Finished};
use crate::engine::catalog::{CatalogIndex, DocAction, Field, Page, PageKind, Procedure, Severity};
use crate::engine::journey::Step;
use crate::engine::media;
use crate::engine::package::{self, Attachment, BuildInput};
use crate::engine::text::{format_size, Arg, Lang};
use crate::engine::validate::{self, Context, Issue};
use crate::i18n::{self, Tx};
use leptos::prelude::*;
use std::sync::Arc;

use crate::routes::step_url;

/// Sets the document title and moves focus to the page heading (or the error summary).
fn announce_page(title: String) {
    web::set_title(&format!("{title} – Hồ sơ"));
    web::focus_id("page-title");
}

fn index() -> &'static CatalogIndex {
    CatalogIndex::bundled()
}

fn use_procedure() -> Signal<Option<&'static Procedure>> {
    let loc = expect_context::<Location>();
    let state = expect_context::<AppState>();
    Signal::derive(move || loc.route().procedure().and_then(|id| state.procedure(id)))
}

fn ctx_for(
    state: &AppState,
) -> (
    Option<Arc<crate::engine::units::AdminUnits>>,
    crate::engine::date::Date,
) {
    (state.units_now(), web::today_vn())
}

#[component]
fn BackLink(href: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! { <a class="back-link" href=href>{move || state.t(i18n::BACK)}</a> }
}

/// Top of a journey page: back link, procedure name, heading; sets the document title and moves
/// focus to the heading.
#[component]
fn PageHead(back: Signal<String>, p: &'static Procedure, title: Tx) -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| {
        let lang = state.lang.get();
        announce_page(format!("{} – {}", title.get(lang), p.name.get(lang)));
    });
    view! {
        <a class="back-link" href=back>{move || state.t(i18n::BACK)}</a>
        <p class="caption">{move || p.name.get(state.lang.get()).to_string()}</p>
        <Title text=Signal::derive(move || state.t(title).to_string())/>
    }
}

/// The primary button of every step: "Tiếp tục" / "Continue" (a stable hook for tests).
#[component]
fn ContinueButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! { <button type="submit" class="button">{move || state.t(i18n::CONTINUE)}</button> }
}

#[component]
fn Title(text: Signal<String>) -> impl IntoView {
    view! { <h1 class="page-title" id="page-title" tabindex="-1">{text}</h1> }
}

#[component]
pub fn LoadFailed() -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| announce_page(state.t(i18n::LOAD_FAILED_TITLE).to_string()));
    view! {
        <Title text=Signal::derive(move || state.t(i18n::LOAD_FAILED_TITLE).to_string())/>
        <p>{move || state.t(i18n::LOAD_FAILED_BODY)}</p>
        <p><a href="/">{move || state.t(i18n::HOME)}</a></p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| announce_page(state.t(i18n::NOT_FOUND_TITLE).to_string()));
    view! {
        <Title text=Signal::derive(move || state.t(i18n::NOT_FOUND_TITLE).to_string())/>
        <p>{move || state.t(i18n::NOT_FOUND_BODY)}</p>
        <p><a href="/">{move || state.t(i18n::HOME)}</a></p>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| {
        state.lang.track();
        web::set_title(state.t(i18n::APP_NAME));
    });
    let loc = expect_context::<Location>();
    let query = RwSignal::new(String::new());
    let card = move |p: &'static crate::engine::catalog::ProcedureSummary, lang: Lang| {
        view! {
            <li class="card">
                <a class="card-link" href=step_url(&p.id, Step::Info)>{p.name.get(lang).to_string()}</a>
                <p class="card-text">{p.summary.get(lang).to_string()}</p>
                <p class="card-meta">{i18n::NATIONAL_CODE.get(lang)}" "{p.national_codes.join(", ")}" · "{p.area.get(lang).to_string()}</p>
            </li>
        }
    };
    // With a query: the matches. Without: every procedure grouped by life event or by field
    // (`?by=field`), most common first within each group.
    let by_event = move || loc.query("by").as_deref() != Some("field");
    let procs = move || {
        let lang = state.lang.get();
        let q = query.get();
        if !q.trim().is_empty() {
            let offered = state.settings.with_value(|s| s.procedures.clone());
            let mut hits = index().search(&q);
            if !offered.is_empty() {
                hits.retain(|p| offered.contains(&p.id));
            }
            if hits.is_empty() {
                return view! { <p class="hint">{i18n::SEARCH_NONE.get(lang)}</p> }.into_any();
            }
            return view! { <ul class="cards">{hits.into_iter().map(|p| card(p, lang)).collect_view()}</ul> }.into_any();
        }
        // A ward's own selection, in its order.
        let offered = state.settings.with_value(|s| s.procedures.clone());
        if !offered.is_empty() {
            let list = offered
                .iter()
                .filter_map(|id| index().get(id))
                .map(|p| card(p, lang))
                .collect_view();
            return view! { <ul class="cards">{list}</ul> }.into_any();
        }
        index()
            .grouped(by_event())
            .into_iter()
            .map(|(g, members)| {
                view! {
                    <h2 class="group-title">{g.label.get(lang).to_string()}</h2>
                    <ul class="cards">{members.into_iter().map(|p| card(p, lang)).collect_view()}</ul>
                }
            })
            .collect_view()
            .into_any()
    };
    let tab = move |field: bool, label: Tx| {
        let current = move || (by_event() != field).then_some("page");
        view! {
            <a class="tab" href=if field { "/?by=field" } else { "/" } aria-current=current>{move || state.t(label)}</a>
        }
    };
    view! {
        <h1 class="page-title" id="page-title" tabindex="-1">{move || state.t(i18n::START_CHOOSE)}</h1>
        <p class="lead">{move || state.t(i18n::APP_TAGLINE)}</p>
        <StorageProblem/>
        <DraftList/>
        <div class="field">
            <label class="label" for="proc-search">{move || state.t(i18n::SEARCH_LABEL)}</label>
            <p class="hint" id="proc-search-hint">{move || state.t(i18n::SEARCH_HINT)}</p>
            <input
                id="proc-search"
                name="q"
                type="search"
                class="input input--wide"
                autocomplete="off"
                aria-describedby="proc-search-hint"
                aria-controls="procedures"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        {state.settings.with_value(|s| s.procedures.is_empty()).then(|| view! {
            <nav class="tabs" aria-label=move || state.t(i18n::GROUPING)>{tab(false, i18n::BY_EVENT)}{tab(true, i18n::BY_DOMAIN)}</nav>
        })}
        <div id="procedures" aria-live="polite">{procs}</div>
        <p class="note">{move || state.t(i18n::PRIVACY_NOTE)}</p>
        <ImportDraft/>
        <DeleteAllData/>
        <p class="note"><a href="/staff/">{move || state.t(i18n::FOR_STAFF)}</a></p>
    }
}

/// "Delete all my data on this device", with a confirmation step.
#[component]
fn DeleteAllData() -> impl IntoView {
    let state = expect_context::<AppState>();
    let asking = RwSignal::new(false);
    let done = RwSignal::new(false);
    view! {
        <div class="note">
            {move || (!asking.get()).then(|| view! {
                <button type="button" class="link-button" id="delete-all" on:click=move |_| {
                    done.set(false);
                    asking.set(true);
                    web::focus_id("delete-confirm");
                }>{move || state.t(i18n::DELETE_ALL)}</button>
            })}
            <Confirm
                id="delete-confirm".to_string()
                back_to="delete-all".to_string()
                asking=asking
                question=i18n::DELETE_ALL_Q
                yes=i18n::DELETE_ALL_YES
                no=i18n::DELETE_ALL_NO
                on_yes=Callback::new(move |()| {
                    state.forget_all();
                    asking.set(false);
                    done.set(true);
                })
            />
            <p role="status">{move || done.get().then(|| state.t(i18n::DELETE_ALL_DONE))}</p>
        </div>
    }
}

#[component]
pub fn ProcedureInfo() -> impl IntoView {
    let state = expect_context::<AppState>();
    let proc = use_procedure();
    move || {
        let Some(p) = proc.get() else {
            return view! { <NotFound/> }.into_any();
        };
        Effect::new(move |_| announce_page(p.name.get(state.lang.get()).to_string()));
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let answers = state.answers_of(&p.id);
            navigate(&step_url(&p.id, p.step_after(Step::Info, &answers)));
        };
        let facts = move || {
            let lang = state.lang.get();
            p.facts
                .iter()
                .map(|f| {
                    view! {
                        <div class="summary-row">
                            <dt>{f.label.get(lang).to_string()}</dt>
                            <dd>
                                {f.value.get(lang).to_string()}
                                {(!f.verified).then(|| view! { <strong class="tag tag--unverified">{i18n::UNVERIFIED.get(lang)}</strong> })}
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        };
        let docs = move || {
            let lang = state.lang.get();
            p.documents
                .iter()
                .map(|d| view! { <li>{d.name.get(lang).to_string()}</li> })
                .collect_view()
        };
        view! {
            <BackLink href="/".to_string()/>
            <p class="caption">{move || format!("{} {}", state.t(i18n::NATIONAL_CODE), p.national_codes.join(", "))}</p>
            <Title text=Signal::derive(move || p.name.get(state.lang.get()).to_string())/>
            <p class="lead">{move || p.summary.get(state.lang.get()).to_string()}</p>
            <dl class="summary">
                <div class="summary-row">
                    <dt>{move || state.t(i18n::WHO_MAY_FILE)}</dt>
                    <dd>{move || p.who_may_file.get(state.lang.get()).to_string()}</dd>
                </div>
                <div class="summary-row">
                    <dt>{move || state.t(i18n::AGENCY)}</dt>
                    <dd>{move || p.agency.get(state.lang.get()).to_string()}</dd>
                </div>
                {facts}
            </dl>
            <h2>{move || state.t(i18n::WHAT_TO_BRING)}</h2>
            <ul class="list">{docs}</ul>
            <p>{move || state.t(i18n::WHAT_TO_BRING_NOTE)}</p>
            <form on:submit=on_submit novalidate>
                <ContinueButton/>
            </form>
            <details class="details">
                <summary>{move || state.t(i18n::LEGAL_BASIS)}</summary>
                <ul class="list">{p.legal_basis.iter().map(|l| view! { <li lang="vi">{l.clone()}</li> }).collect_view()}</ul>
                <p>{move || i18n::RULES_FROM.fill(state.lang.get(), &[("date", (&crate::engine::date::Date::parse_iso(&p.effective_from).map(|d| d.display()).unwrap_or_default()).into())])}</p>
                <h3>{move || state.t(i18n::SOURCES)}</h3>
                <ul class="list">
                    {p.sources.iter().map(|s| view! { <li lang="vi">{s.title.clone()}{s.url.clone().map(|u| view! { " — " <span class="url">{u}</span> })}</li> }).collect_view()}
                </ul>
            </details>
        }
        .into_any()
    }
}

/// Where "Continue" and "Back" lead: the engine decides the order.
fn after(p: &'static Procedure, step: Step<'static>, state: AppState) -> String {
    let answers = state.answers_of_untracked(&p.id);
    step_url(&p.id, p.step_after(step, &answers))
}

fn before(p: &'static Procedure, step: Step<'static>, state: AppState) -> String {
    step_url(&p.id, p.step_before(step, &state.answers_of(&p.id)))
}

#[component]
pub fn StepPage() -> impl IntoView {
    let loc = expect_context::<Location>();
    let proc = use_procedure();
    move || {
        let page_id = match loc.route() {
            Route::Step(_, s) => s,
            _ => String::new(),
        };
        match proc.get().and_then(|p| p.page(&page_id).map(|pg| (p, pg))) {
            Some((p, page)) => view! { <StepForm p=p page=page/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// How long (ms) a form page goes on building fields before it lets the browser paint and
/// answer a tap (see `StepForm`). With the CPU slowed 4× a field takes 20–40 ms, so a slow phone
/// builds one per task; a fast computer builds several.
const SLICE_MS: f64 = 8.0;

#[component]
fn StepForm(p: &'static Procedure, page: &'static Page) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loc = expect_context::<Location>();
    let issues: RwSignal<Vec<Issue>> = RwSignal::new(Vec::new());
    let shown_warnings: StoredValue<Vec<Issue>> = StoredValue::new(Vec::new());
    let is_question = page.kind == PageKind::Question;
    // A question page asks one thing: its heading is the question.
    let single_choice = is_question
        && page.fields.len() == 1
        && p.field(&page.fields[0]).is_some_and(|f| {
            matches!(
                f.kind,
                crate::engine::catalog::FieldKind::Choice { .. }
                    | crate::engine::catalog::FieldKind::Sex
            )
        });
    Effect::new(move |_| {
        let lang = state.lang.get();
        let prefix = if issues.with(|i| i.iter().any(|x| x.severity == Severity::Error)) {
            format!("{} ", i18n::ERROR_PREFIX.get(lang))
        } else {
            String::new()
        };
        web::set_title(&format!(
            "{prefix}{} – {} – Hồ sơ",
            page.title.get(lang),
            p.name.get(lang)
        ));
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = state.answers_of(&p.id);
        let (units, today) = ctx_for(&state);
        let out = validate::validate_page(
            p,
            &page.id,
            &answers,
            &Context {
                today,
                units: units.as_deref(),
            },
        );
        let has_errors = out.issues.iter().any(|i| i.severity == Severity::Error);
        let warnings: Vec<Issue> = out.warnings().cloned().collect();
        if has_errors || (!warnings.is_empty() && shown_warnings.get_value() != warnings) {
            shown_warnings.set_value(warnings);
            issues.set(out.issues);
            web::focus_id("error-summary");
            return;
        }
        let to_review = loc.query("return").as_deref() == Some("review");
        let next = if to_review {
            step_url(&p.id, Step::Review)
        } else {
            after(p, Step::Page(page), state)
        };
        navigate(&next);
    };
    // Fields shown only for some answers (e.g. "other purpose: say which") appear and disappear
    // on their own; the rest of the page is not rebuilt, so focus stays on the radio just chosen.
    let field_view = move |f: &'static Field| {
        let heading = single_choice.then(|| page.title.clone());
        let input = move || {
            view! {
                <FieldInput
                    proc_id=p.id.clone()
                    field=f.clone()
                    issues=issues.into()
                    heading=heading.clone()
                />
            }
        };
        if f.when.is_none() {
            input().into_any()
        } else {
            let shown = Memo::new(move |_| p.field_active(f, &state.answers_of(&p.id)));
            (move || shown.get().then(input.clone())).into_any()
        }
    };
    // A page is built in slices of about SLICE_MS: its frame, then field after field, so a slow
    // phone paints the heading sooner and answers a tap between the slices (issue #7: the
    // form page's blocking time); a fast one builds the whole page in one go. Continue comes
    // with the last field: nothing on the screen is pushed down by later fields (and outside an
    // iframe `main` is at least a screen high, so the footer is out of sight). The first slice
    // is timed from the start of the task that builds the page, not of this component: on a
    // link, that task has also built the app's frame and this page's heading.
    let started = web::task_start();
    // One piece per field (a page without fields has one empty piece, for Continue).
    let mut pieces: Vec<Option<&'static Field>> = page
        .fields
        .iter()
        .filter_map(|fid| p.field(fid))
        .map(Some)
        .collect();
    if pieces.is_empty() {
        pieces.push(None);
    }
    let last = pieces.len() - 1;
    let ready: Vec<RwSignal<bool>> = (0..pieces.len()).map(|_| RwSignal::new(false)).collect();
    leptos::task::spawn_local({
        let ready = ready.clone();
        async move {
            let mut slice = started;
            for (i, r) in ready.into_iter().enumerate() {
                if js_sys::Date::now() - slice >= SLICE_MS {
                    web::yield_now().await;
                    slice = web::task_start();
                }
                // Gone when the resident has already left the page.
                if r.try_set(true).is_some() {
                    break;
                }
                // The field is built by the executor's next tick, still in this task.
                leptos::task::tick().await;
                if i == 0 {
                    // The heading takes focus once it is there: on a question page it is the
                    // first field's legend.
                    web::focus_id("page-title");
                }
            }
        }
    });
    // (Plain vectors of `AnyView`, whose rendering code the app has already: an `Option` or a
    // separate closure for Continue cost 2 KB gzip more.)
    let fields = pieces
        .into_iter()
        .zip(ready)
        .enumerate()
        .map(|(i, (piece, r))| {
            (move || {
                let mut v: Vec<AnyView> = Vec::new();
                if r.get() {
                    if let Some(f) = piece {
                        v.push(field_view(f));
                    }
                    if i == last {
                        v.push(view! { <ContinueButton/> }.into_any());
                    }
                }
                v
            })
            .into_any()
        })
        .collect::<Vec<AnyView>>();
    let back = move || before(p, Step::Page(page), state);
    // "Never asked twice": people already named elsewhere in the journey, offered for this page.
    let filled = RwSignal::new(false);
    let offers = move || {
        let lang = state.lang.get();
        let answers = state.answers_of(&p.id);
        p.person_offers(&page.id, &answers)
            .into_iter()
            .map(|(from, to)| {
                let name = from.fields.get("full_name").and_then(|f| answers.get(f)).cloned().unwrap_or_default();
                let fill = move |_| {
                    let a = state.answers_of_untracked(&p.id);
                    state.set_answers(&p.id, p.copy_person(&from.id, &to.id, &a));
                    filled.set(true);
                };
                view! {
                    <div class="offer">
                        <p class="offer-text">
                            <strong>{i18n::SAME_PERSON.get(lang)}</strong>" "
                            {i18n::SAME_PERSON_Q.fill(lang, &[("name", (&name).into()), ("part", (&from.label).into())])}
                        </p>
                        <button type="button" class="button button--secondary" on:click=fill>
                            {i18n::SAME_PERSON_FILL.fill(lang, &[("name", (&name).into()), ("part", (&to.label).into())])}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <a class="back-link" href=back>{move || state.t(i18n::BACK)}</a>
        <ErrorSummary issues=issues.into()/>
        <p class="caption">
            {move || {
                let lang = state.lang.get();
                let part = if is_question { i18n::STEP_QUESTIONS } else { i18n::STEP_DECLARATION };
                format!("{} · {}", p.name.get(lang), part.get(lang))
            }}
        </p>
        {(!single_choice).then(|| view! { <Title text=Signal::derive(move || page.title.get(state.lang.get()).to_string())/> })}
        {page.intro.as_ref().map(|t| view! { <p class="lead">{move || t.get(state.lang.get()).to_string()}</p> })}
        {(!page.verified).then(|| view! { <p class="tag tag--unverified">{move || state.t(i18n::PAGE_UNVERIFIED)}</p> })}
        {offers}
        <p class="visually-hidden" role="status">{move || filled.get().then(|| state.t(i18n::SAME_PERSON_DONE))}</p>
        <form class="form" on:submit=on_submit novalidate>
            {fields}
        </form>
    }
}

fn doc_action_text(a: DocAction) -> Tx {
    match a {
        DocAction::Submit => i18n::ACTION_SUBMIT,
        DocAction::Show => i18n::ACTION_SHOW,
        DocAction::Generated => i18n::ACTION_GENERATED,
    }
}

#[component]
pub fn ChecklistPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let proc = use_procedure();
    move || {
        let Some(p) = proc.get() else {
            return view! { <NotFound/> }.into_any();
        };
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            navigate(&after(p, Step::Checklist, state));
        };
        let back = move || before(p, Step::Checklist, state);
        let items = move || {
            let lang = state.lang.get();
            let answers = state.answers_of(&p.id);
            p.checklist(&answers)
                .into_iter()
                .map(|d| {
                    view! {
                        <li class="doc" id=format!("doc-{}", d.id)>
                            <h2 class="doc-title">{d.name.get(lang).to_string()}</h2>
                            <dl class="doc-facts">
                                <dt>{i18n::WHY.get(lang)}</dt>
                                <dd>{d.why.get(lang).to_string()}</dd>
                                <dt>{i18n::FORM.get(lang)}</dt>
                                <dd>{d.form.label().get(lang).to_string()}</dd>
                                <dt>{i18n::COUNT.get(lang)}</dt>
                                <dd>{d.count}</dd>
                            </dl>
                            <p class="doc-action">{doc_action_text(d.action).get(lang)}</p>
                            {d.note.as_ref().map(|n| view! { <p class="hint">{n.get(lang).to_string()}</p> })}
                            {(!d.verified).then(|| view! { <p><strong class="tag tag--unverified">{i18n::UNVERIFIED.get(lang)}</strong></p> })}
                        </li>
                    }
                })
                .collect_view()
        };
        view! {
            <PageHead back=Signal::derive(back) p=p title=i18n::CHECKLIST_TITLE/>
            <p class="lead">{move || state.t(i18n::CHECKLIST_INTRO)}</p>
            <ol class="docs">{items}</ol>
            <form on:submit=on_submit novalidate>
                <ContinueButton/>
            </form>
        }
        .into_any()
    }
}

#[component]
pub fn AttachmentsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let proc = use_procedure();
    move || {
        let Some(p) = proc.get() else {
            return view! { <NotFound/> }.into_any();
        };
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            navigate(&after(p, Step::Attachments, state));
        };
        let docs = move || {
            let answers = state.answers_of(&p.id);
            p.checklist(&answers)
                .into_iter()
                .filter(|d| d.action == DocAction::Submit)
                .cloned()
                .collect::<Vec<_>>()
        };
        let not_needed = move || {
            let lang = state.lang.get();
            let answers = state.answers_of(&p.id);
            let names: Vec<String> = p
                .checklist(&answers)
                .into_iter()
                .filter(|d| d.action != DocAction::Submit)
                .map(|d| d.name.get(lang).to_string())
                .collect();
            (!names.is_empty()).then(|| view! { <p class="hint">{i18n::ATTACH_NOT_NEEDED.get(lang)}" "{names.join("; ")}</p> })
        };
        let back = move || before(p, Step::Attachments, state);
        view! {
            <PageHead back=Signal::derive(back) p=p title=i18n::ATTACH_TITLE/>
            <p class="lead">{move || state.t(i18n::ATTACH_INTRO)}</p>
            <p class="hint" id="limits">
                {move || {
                    let used = state.attachments.with(|a| a.iter().filter(|x| x.procedure == p.id).map(|x| x.bytes.len() as u64).sum());
                    media::limits_text(used).get(state.lang.get()).to_string()
                }}
                " "{move || state.t(i18n::ATTACH_PHOTOS_NOTE)}
            </p>
            <StorageProblem/>
            <form class="form" on:submit=on_submit novalidate>
                {move || docs().into_iter().map(|d| view! { <AttachSlot proc_id=p.id.clone() doc=d/> }).collect_view()}
                {not_needed}
                <ContinueButton/>
            </form>
        }
        .into_any()
    }
}

#[component]
fn AttachSlot(proc_id: String, doc: crate::engine::catalog::Document) -> impl IntoView {
    let state = expect_context::<AppState>();
    let input_id = format!("f-{}", doc.id);
    let camera_id = format!("f-{}-camera", doc.id);
    let err_id = format!("{input_id}-error");
    let errors: RwSignal<Vec<crate::engine::text::I18n>> = RwSignal::new(Vec::new());
    let working = RwSignal::new(false);
    let (pid, did) = (proc_id.clone(), doc.id.clone());
    let files = Memo::new(move |_| {
        state.attachments.with(|a| {
            a.iter()
                .filter(|x| x.procedure == pid && x.document_id == did)
                .map(|x| x.key)
                .collect::<Vec<_>>()
        })
    });
    let (pid2, did2) = (proc_id.clone(), doc.id.clone());
    let on_change = move |ev: leptos::ev::Event| {
        let picked = web::picked_files(&ev);
        if picked.is_empty() {
            return;
        }
        let (pid, did) = (pid2.clone(), did2.clone());
        working.set(true);
        leptos::task::spawn_local(async move {
            let mut errs = Vec::new();
            for f in picked {
                let total: u64 = state.attachments.with_untracked(|a| {
                    a.iter()
                        .filter(|x| x.procedure == pid)
                        .map(|x| x.bytes.len() as u64)
                        .sum()
                });
                match super::photos::prepare(&f, total).await {
                    Ok((media, bytes)) => state.add_attachment(&pid, &did, f.name(), media, bytes),
                    Err(m) => errs.push(m),
                }
            }
            errors.set(errs);
            working.set(false);
        });
    };
    let has_err = move || errors.with(|e| !e.is_empty());
    let doc_name = doc.name.clone();
    let err_id2 = err_id.clone();
    let described = move || has_err().then(|| err_id2.clone());
    view! {
        <div class=move || if has_err() { "field field--error attach" } else { "field attach" }>
            <h2 class="attach-title">{move || doc_name.get(state.lang.get()).to_string()}</h2>
            {move || {
                let lang = state.lang.get();
                let id = err_id.clone();
                errors.get().into_iter().map(|e| view! {
                    <p class="field-error" id=id.clone()><span class="visually-hidden">{i18n::ERROR_PREFIX.get(lang)}" "</span>{e.get(lang).to_string()}</p>
                }).collect_view()
            }}
            {move || {
                let keys = files.get();
                let n = keys.len();
                if n == 0 {
                    return view! { <p class="hint">{state.t(i18n::ATTACH_NONE)}</p> }.into_any();
                }
                view! {
                    <ol class="files">
                        {keys.into_iter().enumerate().map(|(pos, key)| view! { <PageItem key=key pos=pos count=n/> }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p class="hint" role="status">{move || working.get().then(|| state.t(i18n::ATTACH_WORKING))}</p>
            <div class="attach-actions">
                <div>
                <label class="file-label" for=camera_id.clone()>{move || state.t(i18n::ATTACH_TAKE_PHOTO)}</label>
                <input
                    id=camera_id.clone()
                    name=format!("{}-camera", doc.id)
                    type="file"
                    class="file-input"
                    accept="image/*"
                    capture="environment"
                    aria-describedby=described.clone()
                    on:change=on_change.clone()
                />
                </div>
                <div>
                <label class="file-label" for=input_id.clone()>{move || state.t(i18n::ATTACH_CHOOSE)}</label>
                <input
                    id=input_id.clone()
                    name=doc.id.clone()
                    type="file"
                    class="file-input"
                    accept="image/jpeg,image/png,image/webp,application/pdf,image/*"
                    multiple
                    aria-describedby=described
                    on:change=on_change
                />
                </div>
            </div>
        </div>
    }
}

/// One page of a document: thumbnail, name, size, move and remove.
#[component]
fn PageItem(key: u32, pos: usize, count: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(f) = state
        .attachments
        .with_untracked(|a| a.iter().find(|x| x.key == key).cloned())
    else {
        return ().into_any();
    };
    let thumb: RwSignal<Option<String>> = RwSignal::new(None);
    if f.media.is_image() {
        let (bytes, media) = (f.bytes.clone(), f.media);
        leptos::task::spawn_local(async move {
            let url = super::photos::thumb_url(key, &bytes, media).await;
            let _ = thumb.try_set(url);
        });
    }
    let is_image = f.media.is_image();
    let name = f.name.clone();
    let (n2, n3, n4) = (name.clone(), name.clone(), name.clone());
    view! {
        <li class="file">
            {move || match thumb.get() {
                Some(url) => view! { <img class="thumb" src=url alt="" width="64" height="64"/> }.into_any(),
                None if is_image => view! { <span class="thumb" aria-hidden="true"></span> }.into_any(),
                None => view! { <span class="thumb thumb--pdf" aria-hidden="true">"PDF"</span> }.into_any(),
            }}
            <span class="file-text">
                <span class="file-page">{move || state.t(i18n::ATTACH_PAGE)}" "{pos + 1}": "</span>
                <span class="file-name">{name}</span>
                " "
                <span class="file-size">{move || format_size(f.bytes.len() as u64, state.lang.get())}</span>
            </span>
            <span class="file-actions">
                {(pos > 0).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| state.move_attachment(key, true)>
                        <span aria-hidden="true">"↑ "</span>{move || state.t(i18n::ATTACH_UP)}
                        <span class="visually-hidden">" – "{move || state.t(i18n::ATTACH_MOVE_UP)}" "{n2.clone()}</span>
                    </button>
                })}
                {(pos + 1 < count).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| state.move_attachment(key, false)>
                        <span aria-hidden="true">"↓ "</span>{move || state.t(i18n::ATTACH_DOWN)}
                        <span class="visually-hidden">" – "{move || state.t(i18n::ATTACH_MOVE_DOWN)}" "{n3.clone()}</span>
                    </button>
                })}
                <button type="button" class="link-button" on:click=move |_| {
                    state.remove_attachment(key);
                    super::photos::drop_thumb(key);
                }>
                    {move || state.t(i18n::ATTACH_REMOVE)}<span class="visually-hidden">" "{n4.clone()}</span>
                </button>
            </span>
        </li>
    }
    .into_any()
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let proc = use_procedure();
    move || {
        let Some(p) = proc.get() else {
            return view! { <NotFound/> }.into_any();
        };
        super::load_units(state);
        let problems: RwSignal<Vec<crate::engine::text::I18n>> = RwSignal::new(Vec::new());
        let building = RwSignal::new(false);
        let on_submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if building.get_untracked() {
                return;
            }
            let Some(units) = state.units_now() else {
                problems.set(vec![i18n::PLACE_LOADING.into()]);
                web::focus_id("build-errors");
                return;
            };
            // Large packages take a moment on a slow phone: say so first, then build.
            building.set(true);
            leptos::task::spawn_local(async move {
                gloo::timers::future::TimeoutFuture::new(40).await;
                let answers = state.answers_of_untracked(&p.id);
                let attachments: Vec<Attachment> = state.attachments.with_untracked(|a| {
                    a.iter()
                        .filter(|x| x.procedure == p.id)
                        .filter(|x| p.checklist(&answers).iter().any(|d| d.id == x.document_id))
                        .map(|x| Attachment {
                            document_id: x.document_id.clone(),
                            name: x.name.clone(),
                            bytes: (*x.bytes).clone(),
                        })
                        .collect()
                });
                let cat = index();
                let input = BuildInput {
                    procedure: p,
                    catalog_version: &cat.version,
                    answers: &answers,
                    attachments: &attachments,
                    created_at: web::now(),
                    today: web::today_vn(),
                    lang: state.lang.get_untracked(),
                    units: &units,
                };
                match package::build(&input) {
                    Ok(built) => {
                        let file_name = format!("hoso-{}-{}.zip", p.id, built.manifest.reference);
                        if state.settings.with_value(|s| !s.embed_origins.is_empty()) {
                            let manifest =
                                serde_json::to_string(&built.manifest).unwrap_or_default();
                            super::embed::package(
                                &file_name,
                                &built.manifest.reference,
                                &manifest,
                                &built.zip,
                            );
                        }
                        state.finished.set(Some(Finished {
                            procedure: p.id.clone(),
                            reference: built.manifest.reference.clone(),
                            package_id: built.manifest.package_id.clone(),
                            file_name,
                            zip: Arc::new(built.zip),
                        }));
                        navigate(&step_url(&p.id, Step::Done));
                    }
                    Err(e) => {
                        problems.set(e.0);
                        web::focus_id("build-errors");
                    }
                }
                building.set(false);
            });
        };
        let outcome = Memo::new(move |_| {
            let answers = state.answers_of(&p.id);
            let units = state.units.with(|u| u.as_ref().ok().cloned());
            validate::validate(
                p,
                &answers,
                &Context {
                    today: web::today_vn(),
                    units: units.as_deref(),
                },
            )
        });
        let sections = move || {
            let lang = state.lang.get();
            let answers = state.answers_of(&p.id);
            let out = outcome.get();
            let units = state.units.with(|u| u.as_ref().ok().cloned());
            p.active_pages(&answers)
                .map(|pg| {
                    let rows = pg
                        .fields
                        .iter()
                        .filter_map(|fid| p.field(fid))
                        .filter(|f| p.field_active(f, &answers))
                        .map(|f| {
                            let value = out
                                .canonical
                                .get(&f.id)
                                .map(|v| validate::display_value(p, &f.id, v, lang, units.as_deref()))
                                .or_else(|| answers.get(&f.id).filter(|v| !v.trim().is_empty()).cloned());
                            let issue = out.for_field(&f.id).first().map(|i| (*i).clone());
                            let change = format!("{}?return=review", step_url(&p.id, Step::Page(pg)));
                            let label = f.label.get(lang).to_string();
                            view! {
                                <div class="summary-row">
                                    <dt>{label.clone()}</dt>
                                    <dd>
                                        {value.unwrap_or_else(|| i18n::NOT_ANSWERED.get(lang).to_string())}
                                        {issue.map(|i| {
                                            let class = if i.severity == Severity::Error { "field-error" } else { "field-warning" };
                                            view! { <span class=class>{i.message.get(lang).to_string()}</span> }
                                        })}
                                    </dd>
                                    <dd class="summary-actions">
                                        <a href=change>{i18n::CHANGE.get(lang)}<span class="visually-hidden">" "{label}</span></a>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2 class="section-title">{pg.title.get(lang).to_string()}</h2>
                        <dl class="summary">{rows}</dl>
                    }
                })
                .collect_view()
        };
        let attach_rows = move || {
            let lang = state.lang.get();
            let answers = state.answers_of(&p.id);
            p.checklist(&answers)
                .into_iter()
                .filter(|d| d.action == DocAction::Submit)
                .map(|d| {
                    let (n, size) = state.attachments.with(|a| {
                        let fs: Vec<_> = a.iter().filter(|x| x.procedure == p.id && x.document_id == d.id).collect();
                        (fs.len(), fs.iter().map(|x| x.bytes.len() as u64).sum::<u64>())
                    });
                    let value = if n == 0 {
                        i18n::NO_FILE_BRING_PAPER.get(lang).to_string()
                    } else {
                        i18n::FILES.fill(lang, &[("count", n.into()), ("size", Arg::Size(size))])
                    };
                    view! {
                        <div class="summary-row">
                            <dt>{d.name.get(lang).to_string()}</dt>
                            <dd>{value}</dd>
                            <dd class="summary-actions">
                                <a href=step_url(&p.id, Step::Attachments)>{i18n::CHANGE.get(lang)}<span class="visually-hidden">" "{d.name.get(lang).to_string()}</span></a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        };
        let back = move || before(p, Step::Review, state);
        view! {
            <PageHead back=Signal::derive(back) p=p title=i18n::REVIEW_TITLE/>
            <Show when=move || !problems.with(|p| p.is_empty())>
                <div id="build-errors" class="error-summary" tabindex="-1" role="alert">
                    <h2 class="summary-title">{move || state.t(i18n::BUILD_FAILED)}</h2>
                    <ul class="summary-list">
                        {move || { let lang = state.lang.get(); problems.get().into_iter().map(|m| view! { <li>{m.get(lang).to_string()}</li> }).collect_view() }}
                    </ul>
                </div>
            </Show>
            <p class="lead">{move || state.t(i18n::REVIEW_INTRO)}</p>
            {sections}
            <h2 class="section-title">{move || state.t(i18n::ATTACHMENTS)}</h2>
            <dl class="summary">{attach_rows}</dl>
            <form on:submit=on_submit novalidate>
                <ContinueButton/>
            </form>
            <p class="loading" role="status">{move || building.get().then(|| state.t(i18n::BUILDING))}</p>
        }
        .into_any()
    }
}

#[component]
pub fn DonePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let proc = use_procedure();
    move || {
        let Some(p) = proc.get() else {
            return view! { <NotFound/> }.into_any();
        };
        Effect::new(move |_| {
            announce_page(format!(
                "{} – {}",
                state.t(i18n::DONE_TITLE),
                p.name.get(state.lang.get())
            ))
        });
        let finished = move || state.finished.get().filter(|f| f.procedure == p.id);
        view! {
            {move || match finished() {
                None => view! {
                    <Title text=Signal::derive(move || state.t(i18n::NO_PACKAGE).to_string())/>
                    <p><a href=step_url(&p.id, Step::Review)>{move || state.t(i18n::TO_REVIEW)}</a></p>
                }.into_any(),
                Some(f) => {
                    let f2 = f.clone();
                    view! {
                        <div class="panel">
                            <Title text=Signal::derive(move || state.t(i18n::DONE_TITLE).to_string())/>
                            <p class="panel-label">{move || state.t(i18n::DONE_REFERENCE)}</p>
                            <p class="panel-ref" id="package-reference"><strong>{f.reference.clone()}</strong></p>
                            // Same QR code as on the printed declaration (generated here, no markup from answers).
                            <div class="panel-qr" inner_html=crate::engine::qr::svg(
                                &crate::engine::qr::package_payload(&f.reference, &f.package_id),
                                160,
                                &format!("QR {}", f.reference),
                            ).unwrap_or_default()></div>
                        </div>
                        <p>
                            <button type="button" class="button" id="download" on:click=move |_| {
                                let _ = web::download(&f2.zip, &f2.file_name, "application/zip");
                            }>
                                {move || state.t(i18n::DOWNLOAD)}
                            </button>
                        </p>
                        <p class="hint">{move || state.t(i18n::DOWNLOAD_NOTE)}" "{move || format_size(f.zip.len() as u64, state.lang.get())}</p>
                        <Centre/>
                        <h2>{move || state.t(i18n::NEXT_STEPS)}</h2>
                        <ol class="list list--numbered">
                            {move || { let lang = state.lang.get(); p.next_steps.iter().map(|s| view! { <li>{s.get(lang).to_string()}</li> }).collect_view() }}
                        </ol>
                    }.into_any()
                }
            }}
        }
        .into_any()
    }
}

#[allow(dead_code)]
fn lang_of(state: &AppState) -> Lang {
    state.lang.get_untracked()
}

/// The ward's centre and portal, when its settings give them.
#[component]
fn Centre() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = state.settings.get_value();
    let c = s.centre.clone();
    if c.name.is_none() && c.address.is_none() && s.portal.is_none() {
        return ().into_any();
    }
    let portal = s.portal.clone();
    view! {
        <section class="centre" aria-labelledby="centre-title">
            <h2 id="centre-title">{move || state.t(i18n::CENTRE_TITLE)}</h2>
            {c.name.clone().map(|n| view! { <p><strong>{move || n.get(state.lang.get()).to_string()}</strong></p> })}
            {c.address.clone().map(|a| view! { <p>{a}</p> })}
            {c.phone.clone().map(|ph| {
                let tel = format!("tel:{}", ph.replace([' ', '.'], ""));
                view! { <p>{move || state.t(i18n::CENTRE_PHONE)}" "<a href=tel>{ph}</a></p> }
            })}
            {c.hours.clone().map(|h| view! { <p>{move || state.t(i18n::CENTRE_HOURS)}" "{move || h.get(state.lang.get()).to_string()}</p> })}
            {portal.map(|u| view! { <p><a href=u rel="noopener">{move || state.t(i18n::PORTAL_LINK)}</a></p> })}
        </section>
    }
    .into_any()
}
