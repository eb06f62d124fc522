//! A table of rows (people registering together …): a fieldset per row whose columns are fields
//! in the usual frame, answered as `<group>.<n>.<column>`; "Thêm một dòng" adds a row (up to the
//! group's maximum) and each row has its own "Xóa dòng n", which moves the rows below it up.

use super::FieldInput;
use crate::engine::catalog::{Field, FieldKind};
use crate::engine::validate::{group_rows, Issue};
use crate::i18n;
use crate::ui::drafts::use_drafts;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;

/// The cell `n` (from 1) of `column` in `group`.
fn cell(group: &str, n: usize, column: &Field) -> Field {
    Field {
        id: format!("{group}.{n}.{}", column.id),
        ..column.clone()
    }
}

pub fn rows(proc_id: String, group: Field, issues: Signal<Vec<Issue>>) -> AnyView {
    let (prefs, drafts) = (use_prefs(), use_drafts());
    let FieldKind::Group { columns, max_rows } = group.kind.clone() else {
        return ().into_any();
    };
    let max = max_rows as usize;
    let shown = RwSignal::new(group_rows(&group, &drafts.answers_of_untracked(&proc_id)).len().min(max));
    let remove = {
        let (p, g, columns) = (proc_id.clone(), group.id.clone(), columns.clone());
        move |n: usize| {
            let last = shown.get_untracked();
            for k in n..=last {
                for c in &columns {
                    let below = match k < last {
                        true => drafts.answer(&p, &format!("{g}.{}.{}", k + 1, c.id)),
                        false => String::new(),
                    };
                    drafts.set_answer(&p, &format!("{g}.{k}.{}", c.id), below);
                }
            }
            shown.set(last.saturating_sub(1));
        }
    };
    let row = move |n: usize| {
        let cells = columns
            .iter()
            .map(|c| view! { <FieldInput proc_id=proc_id.clone() field=cell(&group.id, n, c) issues=issues/> })
            .collect_view();
        let remove = remove.clone();
        view! {
            <fieldset class="fieldset group-row">
                <legend class="legend">{move || i18n::GROUP_ROW.fill(prefs.lang.get(), &[("n", (n as i64).into())])}</legend>
                {cells}
                <button type="button" class="button button--secondary" on:click=move |_| remove(n)>
                    {move || i18n::GROUP_REMOVE.fill(prefs.lang.get(), &[("n", (n as i64).into())])}
                </button>
            </fieldset>
        }
    };
    // The rows are drawn again when one is added or removed (plain closures: no keyed list or
    // `Show` code in the wasm for this one widget); the values come back from the draft.
    let add = move || {
        (shown.get() < max).then(|| view! {
            <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += 1)>
                {move || prefs.t(i18n::GROUP_ADD)}
            </button>
        })
    };
    view! {
        <div class="group-rows">
            {move || (1..=shown.get()).map(row.clone()).collect_view()}
            {add}
        </div>
    }
    .into_any()
}
