//! `/p/<id>/checklist`: the documents these answers call for, each with why, in what form, how
//! many, and what to do with it (attach, show at the centre, made by hoso).

use super::{after, before, with_filing, Filing};
use crate::engine::catalog::DocAction;
use crate::engine::journey::Step;
use crate::i18n::{self, Tx};
use crate::ui::components::{ContinueButton, PageHead};
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use crate::ui::router::navigate;
use leptos::prelude::*;

pub(super) fn action_text(a: DocAction) -> Tx {
    match a {
        DocAction::Submit => i18n::ACTION_SUBMIT,
        DocAction::Show => i18n::ACTION_SHOW,
        DocAction::Generated => i18n::ACTION_GENERATED,
    }
}

#[component]
pub fn ChecklistPage() -> impl IntoView {
    with_filing(|f| view! { <Checklist f=f/> }.into_any())
}

#[component]
fn Checklist(f: Filing) -> impl IntoView {
    let p = f.p;
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&after(f, Step::Checklist, drafts));
    };
    let items = move || {
        let lang = prefs.lang.get();
        p.checklist(&drafts.answers_of(f.key))
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
                        <p class="doc-action">{action_text(d.action).get(lang)}</p>
                        {d.note.as_ref().map(|n| view! { <p class="hint">{n.get(lang).to_string()}</p> })}
                        {(!d.verified).then(|| view! { <p><strong class="tag tag--unverified">{i18n::UNVERIFIED.get(lang)}</strong></p> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <PageHead back=Signal::derive(move || before(f, Step::Checklist, drafts)) p=p title=i18n::CHECKLIST_TITLE/>
        <p class="lead">{move || prefs.t(i18n::CHECKLIST_INTRO)}</p>
        <ol class="docs">{items}</ol>
        <form on:submit=on_submit novalidate>
            <ContinueButton/>
        </form>
    }
}
