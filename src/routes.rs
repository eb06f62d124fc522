//! The app's URLs: each step has its own. Pure parsing, tested natively.

use crate::engine::journey::Step;

/// The URL of a journey step.
pub fn step_url(proc_id: &str, step: Step) -> String {
    match step {
        Step::Info => format!("/p/{proc_id}"),
        Step::Page(p) => format!("/p/{proc_id}/s/{}", p.id),
        Step::Checklist => format!("/p/{proc_id}/checklist"),
        Step::Attachments => format!("/p/{proc_id}/attachments"),
        Step::Review => format!("/p/{proc_id}/review"),
        Step::Done => format!("/p/{proc_id}/done"),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Procedure(String),
    Step(String, String),
    Checklist(String),
    Attachments(String),
    Review(String),
    Done(String),
    NotFound,
}

impl Route {
    pub fn parse(path: &str) -> Route {
        let parts: Vec<&str> = path
            .trim_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        let ok = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        match parts.as_slice() {
            [] => Route::Home,
            ["p", p] if ok(p) => Route::Procedure(p.to_string()),
            ["p", p, "s", s] if ok(p) && ok(s) => Route::Step(p.to_string(), s.to_string()),
            ["p", p, "checklist"] if ok(p) => Route::Checklist(p.to_string()),
            ["p", p, "attachments"] if ok(p) => Route::Attachments(p.to_string()),
            ["p", p, "review"] if ok(p) => Route::Review(p.to_string()),
            ["p", p, "done"] if ok(p) => Route::Done(p.to_string()),
            _ => Route::NotFound,
        }
    }

    pub fn procedure(&self) -> Option<&str> {
        match self {
            Route::Procedure(p)
            | Route::Step(p, _)
            | Route::Checklist(p)
            | Route::Attachments(p)
            | Route::Review(p)
            | Route::Done(p) => Some(p),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_routes() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(
            Route::parse("/p/khai-sinh"),
            Route::Procedure("khai-sinh".into())
        );
        assert_eq!(
            Route::parse("/p/khai-sinh/s/tre"),
            Route::Step("khai-sinh".into(), "tre".into())
        );
        assert_eq!(
            Route::parse("/p/khai-sinh/done/"),
            Route::Done("khai-sinh".into())
        );
        assert_eq!(Route::parse("/p/<x>/s/tre"), Route::NotFound);
        assert_eq!(Route::parse("/x"), Route::NotFound);
    }
}
