//! How the resident files — online (National Public Service Portal or VNeID), at the centre, or by
//! post — and what that changes in each document: online, papers the system looks up need no
//! upload and the rest are uploaded as photos or scans; by post, papers that would be shown at the
//! counter go as certified copies. A procedure lists the routes it offers (its `channels` fact
//! says so, with its source); each document says what differs on a route (`routes` in its JSON),
//! and [`super::catalog::Procedure::checklist`] applies it. The route is an answer like any other
//! (field [`FIELD`], asked on page [`PAGE`] just before the checklist), so the draft, the package,
//! the counter QR and the staff check all carry it without anything more.

use super::catalog::{
    ChoiceOption, DocAction, DocForm, Document, Field, FieldKind, Page, PageKind, Procedure,
};
use super::msg;
use super::text::I18n;
use serde::{Deserialize, Serialize};

/// The answer holding the route.
pub const FIELD: &str = "cach_nop";
/// The question page asking it.
pub const PAGE: &str = "cach-nop";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// On the National Public Service Portal or in the VNeID app.
    Online,
    /// At the commune's Public Administrative Service Centre (or the commune police for
    /// residence).
    Centre,
    /// By post.
    Post,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Online, Route::Centre, Route::Post];

    /// The answer's value.
    pub fn code(self) -> &'static str {
        match self {
            Route::Online => "truc-tuyen",
            Route::Centre => "truc-tiep",
            Route::Post => "buu-chinh",
        }
    }

    pub fn from_code(code: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> I18n {
        match self {
            Route::Online => msg::ROUTE_ONLINE.into(),
            Route::Centre => msg::ROUTE_CENTRE.into(),
            Route::Post => msg::ROUTE_POST.into(),
        }
    }

    pub fn hint(self) -> I18n {
        match self {
            Route::Online => msg::ROUTE_ONLINE_HINT.into(),
            Route::Centre => msg::ROUTE_CENTRE_HINT.into(),
            Route::Post => msg::ROUTE_POST_HINT.into(),
        }
    }
}

/// What differs for a document online and by post (at the centre it is as the document says).
/// Two plain fields rather than a map keyed by route: the same JSON, and less decoding code in
/// the wasm.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocRoutes {
    #[serde(default)]
    pub online: Option<RouteDoc>,
    #[serde(default)]
    pub post: Option<RouteDoc>,
}

impl DocRoutes {
    pub fn get(&self, route: Route) -> Option<&RouteDoc> {
        match route {
            Route::Online => self.online.as_ref(),
            Route::Post => self.post.as_ref(),
            Route::Centre => None,
        }
    }

    /// The routes with data, and their data.
    pub fn iter(&self) -> impl Iterator<Item = (Route, &RouteDoc)> {
        [Route::Online, Route::Post]
            .into_iter()
            .filter_map(|r| self.get(r).map(|d| (r, d)))
    }
}

/// What differs for a document on one route; what is absent stays as the document says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteDoc {
    #[serde(default)]
    pub action: Option<DocAction>,
    #[serde(default)]
    pub form: Option<DocForm>,
    /// The portal's component code on this route (for a looked-up paper, the component saying
    /// so, e.g. "000.00.00.G15-KQ005008").
    #[serde(default)]
    pub component: Option<String>,
    #[serde(default)]
    pub note: Option<I18n>,
    /// Id of an entry in the procedure's `sources` (the document's own when absent).
    #[serde(default)]
    pub source: Option<String>,
}

impl Document {
    /// This document as it is on `route`.
    pub fn on(&self, route: Route) -> Document {
        let mut d = self.clone();
        if let Some(r) = self.routes.get(route) {
            if let Some(a) = r.action {
                d.action = a;
            }
            if let Some(f) = r.form {
                d.form = f;
            }
            if r.component.is_some() {
                d.component = r.component.clone();
            }
            if r.note.is_some() {
                d.note = r.note.clone();
            }
            if let Some(s) = &r.source {
                d.source = s.clone();
            }
        }
        d.routes = Default::default();
        d
    }
}

impl Procedure {
    /// The route these answers chose; before they choose (or when the procedure offers one
    /// route), the first the procedure offers — the centre for most.
    pub fn route(&self, answers: &super::catalog::Answers) -> Route {
        answers
            .get(FIELD)
            .and_then(|c| Route::from_code(c))
            .filter(|r| self.routes.contains(r))
            .or_else(|| {
                self.routes
                    .contains(&Route::Centre)
                    .then_some(Route::Centre)
            })
            .or_else(|| self.routes.first().copied())
            .unwrap_or(Route::Centre)
    }

    /// Adds the route question (field [`FIELD`] on page [`PAGE`], the last question before the
    /// checklist) when the procedure offers more than one route. Done once, when the procedure
    /// file is read natively; the compact file the browser loads carries the result.
    pub(super) fn add_route_question(&mut self) {
        if self.routes.len() < 2 || self.pages.iter().any(|p| p.id == PAGE) {
            return;
        }
        self.fields.push(Field {
            id: FIELD.into(),
            kind: FieldKind::Choice {
                options: self
                    .routes
                    .iter()
                    .map(|r| ChoiceOption {
                        value: r.code().into(),
                        label: r.label(),
                        hint: Some(r.hint()),
                    })
                    .collect(),
            },
            label: msg::ROUTE_LABEL.into(),
            hint: None,
            required: true,
            when: None,
            default: None,
        });
        let at = self
            .pages
            .iter()
            .rposition(|p| p.kind == PageKind::Question)
            .map_or(0, |i| i + 1);
        self.pages.insert(
            at,
            Page {
                id: PAGE.into(),
                kind: PageKind::Question,
                title: msg::ROUTE_TITLE.into(),
                intro: Some(msg::ROUTE_INTRO.into()),
                when: None,
                verified: true,
                fields: vec![FIELD.into()],
            },
        );
    }

    /// Problems in the routes' data (part of [`Procedure::lint`]).
    pub(super) fn lint_routes(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.routes.is_empty() {
            out.push("routes: none offered".into());
        }
        if self.routes != [Route::Centre] && !self.facts.iter().any(|f| f.id == "channels") {
            out.push("routes: no `channels` fact saying which routes the procedure offers".into());
        }
        for d in &self.documents {
            for (r, rd) in d.routes.iter() {
                let r = &r;
                if !self.routes.contains(r) {
                    out.push(format!("document {}: data for route {r:?}, not offered", d.id));
                }
                if let Some(s) = &rd.source {
                    if !self.sources.iter().any(|x| &x.id == s) {
                        out.push(format!("document {} ({r:?}) cites unknown source {s}", d.id));
                    }
                }
                if let Some(n) = &rd.note {
                    if !n.is_complete() {
                        out.push(format!("document {} ({r:?}) note lacks a language", d.id));
                    }
                }
                if rd.action == Some(DocAction::LookedUp) && rd.note.is_none() {
                    out.push(format!(
                        "document {} ({r:?}): looked up, but no note says by whom and what if not",
                        d.id
                    ));
                }
                let on = d.on(*r);
                if (on.action == DocAction::Generated) != (d.action == DocAction::Generated) {
                    out.push(format!(
                        "document {} ({r:?}): a generated form stays generated on every route",
                        d.id
                    ));
                }
            }
            // What the counter asks to see cannot be shown online or by post: say what instead.
            for r in [Route::Online, Route::Post] {
                if self.routes.contains(&r) && d.on(r).action == DocAction::Show {
                    out.push(format!(
                        "document {}: shown at the counter, but route {r:?} has no data for it",
                        d.id
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::{Answers, Catalog};

    fn with_route(p: &Procedure, r: Route) -> Answers {
        let mut a = p.sample_answers.clone();
        a.insert(FIELD.into(), r.code().into());
        a
    }

    #[test]
    fn every_procedure_offering_a_choice_asks_it_before_the_checklist() {
        for p in &Catalog::bundled().procedures {
            let asked = p.page(PAGE).is_some();
            assert_eq!(asked, p.routes.len() > 1, "{}", p.id);
            if asked {
                let j = p.journey(&p.sample_answers);
                let at = j
                    .iter()
                    .position(|s| matches!(s, crate::engine::journey::Step::Page(pg) if pg.id == PAGE))
                    .unwrap();
                assert!(matches!(j[at + 1], crate::engine::journey::Step::Checklist), "{}", p.id);
            }
        }
    }

    #[test]
    fn online_drops_the_looked_up_identity_paper_and_post_asks_certified_copies() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let doc = |r: Route| {
            p.checklist(&with_route(p, r))
                .into_iter()
                .find(|d| d.id == "giay-to-tuy-than")
                .unwrap()
        };
        assert_eq!(doc(Route::Centre).action, DocAction::Show);
        let online = doc(Route::Online);
        assert_eq!(online.action, DocAction::LookedUp);
        assert_eq!(online.component.as_deref(), Some("000.00.00.G15-KQ005008"));
        let post = doc(Route::Post);
        assert_eq!((post.action, post.form), (DocAction::Submit, DocForm::CertifiedCopy));
        // Papers handed in are uploaded as photos or scans online.
        let mut a = with_route(p, Route::Online);
        a.insert("co_giay_chung_sinh".into(), "co".into());
        let notice = p.checklist(&a).into_iter().find(|d| d.id == "giay-chung-sinh").unwrap();
        assert_eq!((notice.action, notice.form), (DocAction::Submit, DocForm::Scan));
        // The declaration stays generated: the package always carries it.
        assert!(p
            .checklist(&with_route(p, Route::Online))
            .iter()
            .any(|d| d.id == "to-khai" && d.action == DocAction::Generated));
    }

    #[test]
    fn no_answer_means_the_centre_and_a_route_not_offered_is_ignored() {
        let p = Catalog::bundled().procedure("tam-tru").unwrap();
        assert_eq!(p.route(&Answers::new()), Route::Centre);
        assert_eq!(p.route(&with_route(p, Route::Post)), Route::Centre);
        assert_eq!(p.route(&with_route(p, Route::Online)), Route::Online);
        let signature = Catalog::bundled().procedure("chung-thuc-chu-ky").unwrap();
        assert_eq!(signature.routes, [Route::Centre]);
        assert!(signature.page(PAGE).is_none());
    }

    #[test]
    fn no_paper_is_left_to_show_at_a_counter_the_route_has_not() {
        for p in &Catalog::bundled().procedures {
            let problems = p.lint_routes();
            assert!(problems.is_empty(), "{}: {problems:#?}", p.id);
        }
    }
}
