//! The answers as people read them: one section per page of the journey that applies, in the
//! order of the form, each a list of rows (the field's label and its value as displayed). The
//! review page, the staff page and the package's declaration all show this one structure.

use super::catalog::{Answers, Field, FieldKind, PageKind, Procedure};
use super::text::I18n;
use super::units::AdminUnits;
use super::validate::{display_value, group_rows, Outcome};

/// One answer as it reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub field: String,
    pub label: I18n,
    /// The value as people read it (dates dd/mm/yyyy, places with their province, choices by
    /// their label); `None` when the field was left empty.
    pub value: Option<I18n>,
}

/// One page's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub page: String,
    pub kind: PageKind,
    pub title: I18n,
    pub rows: Vec<Row>,
}

impl Section {
    /// The rows that have a value.
    pub fn answered(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.value.is_some())
    }
}

/// The summary of `answers` (as entered) for `p`: every page and field that applies to them.
/// A valid answer reads in its canonical form (`outcome.canonical`); an answer with a problem
/// reads as it was typed, so the resident sees what to change.
pub fn sections(
    p: &Procedure,
    answers: &Answers,
    outcome: &Outcome,
    units: Option<&AdminUnits>,
) -> Vec<Section> {
    p.active_pages(answers)
        .map(|pg| Section {
            page: pg.id.clone(),
            kind: pg.kind,
            title: pg.title.clone(),
            rows: pg
                .fields
                .iter()
                .filter_map(|fid| p.field(fid))
                .filter(|f| p.field_active(f, answers))
                .map(|f| Row {
                    field: f.id.clone(),
                    label: f.label.clone(),
                    value: match outcome.canonical.get(&f.id) {
                        _ if matches!(f.kind, FieldKind::Group { .. }) => {
                            group_value(p, f, answers, outcome, units)
                        }
                        Some(c) => Some(I18n::from_fn(|lang| {
                            display_value(p, &f.id, c, lang, units)
                        })),
                        None => answers
                            .get(&f.id)
                            .filter(|v| !v.trim().is_empty())
                            .map(|v| I18n::same(v)),
                    },
                })
                .collect(),
        })
        .collect()
}

/// A table's rows as one value: "1. Nguyễn Văn A, 01/01/2000, Nam; 2. …".
fn group_value(
    p: &Procedure,
    f: &Field,
    answers: &Answers,
    outcome: &Outcome,
    units: Option<&AdminUnits>,
) -> Option<I18n> {
    let FieldKind::Group { columns, .. } = &f.kind else {
        return None;
    };
    let rows = group_rows(f, answers);
    if rows.is_empty() {
        return None;
    }
    Some(I18n::from_fn(|lang| {
        rows.iter()
            .map(|n| {
                let cells: Vec<String> = columns
                    .iter()
                    .filter_map(|c| {
                        let id = format!("{}.{n}.{}", f.id, c.id);
                        match outcome.canonical.get(&id) {
                            Some(v) => Some(display_value(p, &id, v, lang, units)),
                            None => answers.get(&id).filter(|v| !v.trim().is_empty()).cloned(),
                        }
                    })
                    .collect();
                format!("{n}. {}", cells.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;
    use crate::engine::date::Date;
    use crate::engine::text::Lang;
    use crate::engine::validate::{validate, Context};

    #[test]
    fn sections_follow_the_form_and_read_as_displayed() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let mut a: Answers =
            serde_json::from_str(include_str!("../../tests/answers/khai-sinh.json")).unwrap();
        a.insert("tre_ho_ten".into(), "Nguyễn Văn 1".into());
        let units = AdminUnits::bundled();
        let ctx = Context {
            today: Date::from_ymd(2026, 11, 22).unwrap(),
            units: Some(units),
        };
        let out = validate(p, &a, &ctx);
        let s = sections(p, &a, &out, Some(units));
        let pages: Vec<&str> = s.iter().map(|x| x.page.as_str()).collect();
        let order: Vec<&str> = p.active_pages(&a).map(|pg| pg.id.as_str()).collect();
        assert_eq!(pages, order, "in the order of the journey");
        let row = |f: &str| {
            s.iter()
                .flat_map(|x| &x.rows)
                .find(|r| r.field == f)
                .cloned()
                .unwrap()
        };
        // A date reads dd/mm/yyyy; a choice by its label, in each language.
        assert_eq!(
            row("tre_ngay_sinh").value.unwrap().get(Lang::Vi),
            "01/11/2026"
        );
        let sex = row("tre_gioi_tinh").value.unwrap();
        assert_ne!(sex.get(Lang::Vi), sex.get(Lang::En));
        // An answer with a problem reads as typed.
        assert_eq!(
            row("tre_ho_ten").value.unwrap().get(Lang::Vi),
            "Nguyễn Văn 1"
        );
        // Every row is a field of its page.
        for sec in &s {
            let pg = p.page(&sec.page).unwrap();
            assert!(sec.rows.iter().all(|r| pg.fields.contains(&r.field)));
        }
    }
}
