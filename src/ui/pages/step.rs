//! `/p/<id>/s/<page>`: one page of questions or of the declaration. Continue validates the page
//! with the engine: errors stop the resident (error summary, inline messages); warnings are shown
//! once and then let them on. People already named elsewhere are offered to fill in.

use super::{after, before, use_filing, Filing};
use crate::engine::catalog::{Field, FieldKind, Page, PageKind, Severity};
use crate::engine::journey::Step;
use crate::engine::validate::{self, Context, Issue};
use crate::i18n;
use crate::routes::step_url;
use crate::ui::components::{BackLink, ContinueButton, ErrorSummary, FieldInput, NotFound, Title};
use crate::ui::data::use_data;
use crate::ui::drafts::{use_drafts, Drafts};
use crate::ui::prefs::use_prefs;
use crate::ui::router::{navigate, Location, Route};
use crate::ui::web;
use leptos::prelude::*;

#[component]
pub fn StepPage() -> impl IntoView {
    let loc = expect_context::<Location>();
    let filing = use_filing();
    move || {
        let page_id = match loc.route() {
            Route::Step(_, s) => s,
            _ => String::new(),
        };
        match filing.get().and_then(|f| f.p.page(&page_id).map(|pg| (f, pg))) {
            Some((f, page)) => view! { <StepForm f=f page=page/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// How long (ms) a form page goes on building fields before it lets the browser paint and
/// answer a tap (see `slices`). With the CPU slowed 4× a field takes 20–40 ms, so a slow phone
/// builds one per task; a fast computer builds several.
const SLICE_MS: f64 = 8.0;

/// One flag per piece of the page, set in turn in slices of about SLICE_MS: a slow phone paints
/// the heading sooner and answers a tap between the slices (issue #7: the form page's blocking
/// time); a fast one builds the whole page in one go. The first slice is timed from the start of
/// the task that builds the page, not of this component: on a link, that task has also built the
/// app's frame and this page's heading.
fn slices(n: usize) -> Vec<RwSignal<bool>> {
    let started = web::task_start();
    let ready: Vec<RwSignal<bool>> = (0..n).map(|_| RwSignal::new(false)).collect();
    let flags = ready.clone();
    leptos::task::spawn_local(async move {
        let mut slice = started;
        for (i, r) in flags.into_iter().enumerate() {
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
                // The heading takes focus once it is there: on a question page it is the first
                // field's legend.
                web::focus_id("page-title");
            }
        }
    });
    ready
}

/// "Never asked twice": people already named elsewhere in the journey, offered for this page.
fn offers(
    f: Filing,
    page: &'static Page,
    drafts: Drafts,
    filled: RwSignal<bool>,
) -> impl Fn() -> AnyView {
    let p = f.p;
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        let answers = drafts.answers_of(f.key);
        p.person_offers(&page.id, &answers)
            .into_iter()
            .map(|(from, to)| {
                let name = from.fields.get("full_name").and_then(|f| answers.get(f)).cloned().unwrap_or_default();
                let fill = move |_| {
                    let a = drafts.answers_of_untracked(f.key);
                    drafts.set_answers(f.key, p.copy_person(&from.id, &to.id, &a));
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
            .into_any()
    }
}

/// Validates the page; on errors, or on warnings not yet shown, shows them and stays.
fn submit(
    f: Filing,
    page: &'static Page,
    issues: RwSignal<Vec<Issue>>,
    shown: StoredValue<Vec<Issue>>,
) -> impl Fn(leptos::ev::SubmitEvent) {
    let p = f.p;
    let (drafts, data, loc) = (use_drafts(), use_data(), expect_context::<Location>());
    move |ev| {
        ev.prevent_default();
        let answers = drafts.answers_of_untracked(f.key);
        let units = data.units_now();
        let ctx = Context {
            today: web::today_vn(),
            units: units.as_deref(),
        };
        let out = validate::validate_page(p, &page.id, &answers, &ctx);
        let has_errors = out.issues.iter().any(|i| i.severity == Severity::Error);
        let warnings: Vec<Issue> = out.warnings().cloned().collect();
        if has_errors || (!warnings.is_empty() && shown.get_value() != warnings) {
            shown.set_value(warnings);
            issues.set(out.issues);
            web::focus_id("error-summary");
            return;
        }
        let next = if loc.query("return").as_deref() == Some("review") {
            step_url(f.key, Step::Review)
        } else {
            after(f, Step::Page(page), drafts)
        };
        navigate(&next);
    }
}

/// The page's fields, built in slices, Continue with the last. Fields shown only for some answers
/// (e.g. "other purpose: say which") appear and disappear on their own; the rest of the page is
/// not rebuilt, so focus stays on the radio just chosen.
fn fields(
    f: Filing,
    page: &'static Page,
    issues: RwSignal<Vec<Issue>>,
    single_choice: bool,
) -> Vec<AnyView> {
    let (p, key) = (f.p, f.key);
    let drafts = use_drafts();
    let field_view = move |f: &'static Field| {
        let heading = single_choice.then(|| page.title.clone());
        let input = move || view! { <FieldInput proc_id=key.to_string() field=f.clone() issues=issues.into() heading=heading.clone()/> };
        if f.when.is_none() {
            return input().into_any();
        }
        let shown = Memo::new(move |_| p.field_active(f, &drafts.answers_of(key)));
        (move || shown.get().then(input.clone())).into_any()
    };
    // One piece per field (a page without fields has one empty piece, for Continue). Continue
    // comes with the last field: nothing on the screen is pushed down by later fields (and
    // outside an iframe `main` is at least a screen high, so the footer is out of sight).
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
    let ready = slices(pieces.len());
    // (Plain vectors of `AnyView`, whose rendering code the app has already: an `Option` or a
    // separate closure for Continue cost 2 KB gzip more.)
    pieces
        .into_iter()
        .zip(ready)
        .enumerate()
        .map(|(i, (piece, r))| {
            (move || {
                let mut v: Vec<AnyView> = Vec::new();
                if r.get() {
                    v.extend(piece.map(field_view));
                    if i == last {
                        v.push(view! { <ContinueButton/> }.into_any());
                    }
                }
                v
            })
            .into_any()
        })
        .collect::<Vec<AnyView>>()
}

#[component]
fn StepForm(f: Filing, page: &'static Page) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let issues: RwSignal<Vec<Issue>> = RwSignal::new(Vec::new());
    let shown: StoredValue<Vec<Issue>> = StoredValue::new(Vec::new());
    let is_question = page.kind == PageKind::Question;
    // A question page asks one thing: its heading is the question.
    let single_choice = is_question
        && page.fields.len() == 1
        && p.field(&page.fields[0])
            .is_some_and(|f| matches!(f.kind, FieldKind::Choice { .. } | FieldKind::Sex));
    Effect::new(move |_| {
        let lang = prefs.lang.get();
        let prefix = match issues.with(|i| i.iter().any(|x| x.severity == Severity::Error)) {
            true => format!("{} ", i18n::ERROR_PREFIX.get(lang)),
            false => String::new(),
        };
        web::set_title(&format!(
            "{prefix}{} – {} – Hồ sơ",
            page.title.get(lang),
            p.name.get(lang)
        ));
    });
    let on_submit = submit(f, page, issues, shown);
    let fields = fields(f, page, issues, single_choice);
    let filled = RwSignal::new(false);
    let caption = move || {
        let lang = prefs.lang.get();
        let part = if is_question {
            i18n::STEP_QUESTIONS
        } else {
            i18n::STEP_DECLARATION
        };
        format!("{} · {}", p.name.get(lang), part.get(lang))
    };
    view! {
        <BackLink href=Signal::derive(move || before(f, Step::Page(page), drafts))/>
        <ErrorSummary issues=issues.into()/>
        <p class="caption">{caption}</p>
        {(!single_choice).then(|| view! { <Title text=Signal::derive(move || page.title.get(prefs.lang.get()).to_string())/> })}
        {page.intro.as_ref().map(|t| view! { <p class="lead">{move || t.get(prefs.lang.get()).to_string()}</p> })}
        {(!page.verified).then(|| view! { <p class="tag tag--unverified">{move || prefs.t(i18n::PAGE_UNVERIFIED)}</p> })}
        {offers(f, page, drafts, filled)}
        <p class="visually-hidden" role="status">{move || filled.get().then(|| prefs.t(i18n::SAME_PERSON_DONE))}</p>
        <form class="form" on:submit=on_submit novalidate>
            {fields}
        </form>
    }
}
