//! The answers laid out to copy into the portal's own e-form (National Public Service Portal or
//! VNeID: there is no import, the resident types them in). First the applicant's step, then the
//! declaration's pages in the form's order; each row the label, the value to type (Vietnamese, as
//! the portal is) and whether the portal fills it in itself from the national population
//! database once the resident has logged in with VNeID (portal component KQ005010: "được hệ thống
//! điền tự động") — those are to check, not to retype.
//!
//! Unverified: the portal's e-form labels are not in the reference, so the labels are those of the
//! official paper form ([`CopySheet::verified`] is false and the page says so).

use super::catalog::{Answers, PageKind, Procedure};
use super::msg;
use super::summary::{self, Section};
use super::text::I18n;
use super::units::AdminUnits;
use super::validate::Outcome;

/// The people who file, by the catalog's person ids (the one the portal's applicant step is
/// about, logged in with VNeID).
const APPLICANTS: [&str; 4] = ["nguoi-yeu-cau", "nguoi-dang-ky", "nguoi-ky", "nguoi-nop"];
/// The details the portal fills in for the logged-in applicant from the population database.
const PREFILLED_ROLES: [&str; 7] = [
    "full_name",
    "birth_date",
    "sex",
    "personal_id",
    "ethnicity",
    "nationality",
    "residence",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyRow {
    pub field: String,
    pub label: I18n,
    /// What to type, as the portal reads it (Vietnamese).
    pub value: String,
    /// The portal fills it in itself: check it, don't retype.
    pub prefilled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopySection {
    pub title: I18n,
    pub rows: Vec<CopyRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopySheet {
    /// The procedure to choose on the portal: its national code and name.
    pub code: String,
    pub name: I18n,
    pub sections: Vec<CopySection>,
    /// What to have ready before starting.
    pub ready: Vec<I18n>,
    /// The labels have been checked against the portal's e-form (never yet).
    pub verified: bool,
}

/// The copy sheet of `answers` for `p`.
pub fn sheet(
    p: &Procedure,
    answers: &Answers,
    outcome: &Outcome,
    units: Option<&AdminUnits>,
) -> CopySheet {
    let applicant = p.persons.iter().find(|x| APPLICANTS.contains(&x.id.as_str()));
    let prefilled: Vec<&str> = applicant
        .map(|a| {
            a.fields
                .iter()
                .filter(|(role, _)| PREFILLED_ROLES.contains(&role.as_str()))
                .map(|(_, f)| f.as_str())
                .collect()
        })
        .unwrap_or_default();
    let of_applicant = |f: &str| applicant.is_some_and(|a| a.fields.values().any(|x| x == f));
    let rows = |s: &Section, applicant_step: bool| -> Vec<CopyRow> {
        s.answered()
            .filter(|r| of_applicant(&r.field) == applicant_step)
            .map(|r| CopyRow {
                field: r.field.clone(),
                label: r.label.clone(),
                value: r.value.as_ref().map(|v| v.vi.clone()).unwrap_or_default(),
                prefilled: prefilled.contains(&r.field.as_str()),
            })
            .collect()
    };
    let form: Vec<Section> = summary::sections(p, answers, outcome, units)
        .into_iter()
        .filter(|s| s.kind == PageKind::Form)
        .collect();
    let mut sections = vec![CopySection {
        title: msg::PORTAL_APPLICANT_STEP.into(),
        rows: form.iter().flat_map(|s| rows(s, true)).collect(),
    }];
    sections.extend(form.iter().map(|s| CopySection {
        title: s.title.clone(),
        rows: rows(s, false),
    }));
    sections.retain(|s| !s.rows.is_empty());
    let mut ready = vec![I18n::from(msg::PORTAL_READY_VNEID), msg::PORTAL_READY_FILES.into()];
    if p.domain == "civil-status" {
        ready.push(msg::PORTAL_READY_DRAFT.into());
    }
    CopySheet {
        code: p.national_codes.first().cloned().unwrap_or_default(),
        name: p.name.clone(),
        sections,
        ready,
        verified: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;
    use crate::engine::date::Date;
    use crate::engine::validate::{validate, Context};

    fn sheet_of(id: &str) -> CopySheet {
        sheet_with(id, &[])
    }

    fn sheet_with(id: &str, more: &[(&str, &str)]) -> CopySheet {
        let p = Catalog::bundled().procedure(id).unwrap();
        let mut a = p.sample_answers.clone();
        a.extend(more.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let units = AdminUnits::bundled();
        let ctx = Context {
            today: Date::from_ymd(2026, 11, 22).unwrap(),
            units: Some(units),
        };
        let out = validate(p, &a, &ctx);
        sheet(p, &a, &out, Some(units))
    }

    #[test]
    fn the_applicant_step_comes_first_and_what_the_portal_fills_is_marked() {
        let s = sheet_of("khai-sinh");
        assert_eq!(s.code, "1.001193");
        assert_eq!(s.sections[0].title, I18n::from(msg::PORTAL_APPLICANT_STEP));
        let all: Vec<&CopyRow> = s.sections.iter().flat_map(|x| &x.rows).collect();
        // Every answered declaration field once, none twice.
        let mut ids: Vec<&str> = all.iter().map(|r| r.field.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        let row = |f: &str| all.iter().find(|r| r.field == f).copied();
        // The child's date of birth reads as typed on the portal: dd/mm/yyyy.
        assert_eq!(row("tre_ngay_sinh").unwrap().value, "01/11/2026");
        assert!(!row("tre_ngay_sinh").unwrap().prefilled);
        // The mother registers: her details are the form's; the applicant step has her phone.
        assert_eq!(s.sections[0].rows[0].field, "nyc_dien_thoai");
        assert!(!s.sections[0].rows[0].prefilled, "a phone number is typed");
        assert!(s.ready.len() == 3 && !s.verified);
        // A requester typed in full: name, birth date and ID number are the portal's to fill.
        let s = sheet_with(
            "xac-nhan-tinh-trang-hon-nhan",
            &[
                ("nguoi_nop", "uy-quyen"),
                ("nyc_ho_ten", "Lê Văn Bình"),
                ("nyc_ngay_sinh", "1970-01-02"),
                ("nyc_so_dinh_danh", "046070012345"),
            ],
        );
        let first = &s.sections[0];
        assert_eq!(first.title, I18n::from(msg::PORTAL_APPLICANT_STEP));
        assert!(first.rows.iter().filter(|r| r.prefilled).count() >= 3, "{first:#?}");
    }

    #[test]
    fn every_procedure_has_a_sheet_with_its_values() {
        for p in &Catalog::bundled().procedures {
            let s = sheet_of(&p.id);
            assert!(!s.sections.is_empty(), "{}", p.id);
            assert!(
                s.sections.iter().flat_map(|x| &x.rows).all(|r| !r.value.is_empty()),
                "{}",
                p.id
            );
        }
    }
}
