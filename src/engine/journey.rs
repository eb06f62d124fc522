//! The order of a journey: procedure page → questions → checklist → declaration → attachments →
//! check your answers → confirmation. Pages that do not apply to the answers are skipped.

use super::catalog::{Answers, Page, PageKind, Procedure};

#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    Info,
    Page(&'a Page),
    Checklist,
    Attachments,
    Review,
    Done,
}

impl PartialEq for Step<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Step::Page(a), Step::Page(b)) => a.id == b.id,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Procedure {
    /// Every step that applies to these answers, in order.
    pub fn journey<'a>(&'a self, answers: &Answers) -> Vec<Step<'a>> {
        let pages: Vec<&Page> = self.active_pages(answers).collect();
        let mut out = vec![Step::Info];
        out.extend(
            pages
                .iter()
                .filter(|p| p.kind == PageKind::Question)
                .map(|p| Step::Page(p)),
        );
        out.push(Step::Checklist);
        out.extend(
            pages
                .iter()
                .filter(|p| p.kind == PageKind::Form)
                .map(|p| Step::Page(p)),
        );
        out.extend([Step::Attachments, Step::Review, Step::Done]);
        out
    }

    /// The step "Continue" leads to.
    pub fn step_after<'a>(&'a self, step: Step<'_>, answers: &Answers) -> Step<'a> {
        let j = self.journey(answers);
        match j.iter().position(|s| *s == step) {
            Some(i) if i + 1 < j.len() => j[i + 1],
            _ => Step::Done,
        }
    }

    /// The step "Back" leads to.
    pub fn step_before<'a>(&'a self, step: Step<'_>, answers: &Answers) -> Step<'a> {
        let j = self.journey(answers);
        match j.iter().position(|s| *s == step) {
            Some(i) if i > 0 => j[i - 1],
            _ => Step::Info,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    fn ids(j: &[Step]) -> Vec<String> {
        j.iter()
            .map(|s| match s {
                Step::Page(p) => p.id.clone(),
                other => format!("{other:?}").to_lowercase(),
            })
            .collect()
    }

    #[test]
    fn birth_journey_follows_the_answers() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let mut a = p.sample_answers.clone();
        assert_eq!(
            ids(&p.journey(&a)),
            [
                "info",
                "noi-nop",
                "giay-chung-sinh",
                "nguoi-nop",
                "mang-thai-ho",
                "bo-roi",
                "biet-cha",
                "cach-nop",
                "checklist",
                "tre",
                "me",
                "cha",
                "ket-hon-cha-me",
                "nguoi-yeu-cau",
                "ban-sao",
                "attachments",
                "review",
                "done"
            ]
        );
        a.insert("biet_cha".into(), "khong".into());
        a.insert("co_giay_chung_sinh".into(), "khong".into());
        let j = ids(&p.journey(&a));
        assert!(j.contains(&"chung-minh-sinh".to_string()) && !j.contains(&"cha".to_string()));
        let me = p.page("me").unwrap();
        assert_eq!(
            p.step_after(Step::Page(me), &a),
            Step::Page(p.page("nguoi-yeu-cau").unwrap())
        );
        assert_eq!(
            p.step_before(Step::Page(p.page("tre").unwrap()), &a),
            Step::Checklist
        );
        assert_eq!(
            p.step_after(Step::Page(p.page("cach-nop").unwrap()), &a),
            Step::Checklist
        );
        assert_eq!(
            p.step_after(Step::Page(p.page("ban-sao").unwrap()), &a),
            Step::Attachments
        );
        assert_eq!(p.step_before(Step::Info, &a), Step::Info);
    }
}
