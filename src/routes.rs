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

/// The page that lays out a filing's answers to copy into the portal.
pub fn portal_url(key: &str) -> String {
    format!("/p/{key}/portal")
}

/// A filing's counter card.
pub fn counter_url(key: &str) -> String {
    format!("/p/{key}/counter")
}

/// The procedure of a filing's key. A filing is one draft of a procedure: the first one's key is
/// the procedure id, more filings of the same procedure at once (twins' births …) are `<id>.2`,
/// `<id>.3` …; the key is also the filing's segment of its URLs (`/p/khai-sinh.2/review`).
pub fn procedure_of(key: &str) -> &str {
    key.split_once('.').map_or(key, |(p, _)| p)
}

/// The key of filing `n` (from 1) of procedure `proc_id`.
pub fn filing_key(proc_id: &str, n: u32) -> String {
    match n {
        0 | 1 => proc_id.to_string(),
        n => format!("{proc_id}.{n}"),
    }
}

/// The number of a filing's key (1 for the procedure id alone); `None` if it is not a key.
pub fn filing_number(key: &str) -> Option<u32> {
    match key.split_once('.') {
        None => Some(1),
        Some((_, n)) if !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()) => {
            n.parse().ok().filter(|n| (2..=99).contains(n))
        }
        Some(_) => None,
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
    /// `/p/<key>/portal`: the answers laid out to copy into the portal's e-form.
    Portal(String),
    /// `/p/<key>/counter`: the counter card (reference, originals, QR codes), in big print.
    Counter(String),
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
        // A procedure's segment is a filing's key: the procedure id, or `<id>.<n>`.
        let filing = |s: &str| ok(procedure_of(s)) && filing_number(s).is_some();
        match parts.as_slice() {
            [] => Route::Home,
            ["p", p] if filing(p) => Route::Procedure(p.to_string()),
            ["p", p, "s", s] if filing(p) && ok(s) => Route::Step(p.to_string(), s.to_string()),
            ["p", p, "checklist"] if filing(p) => Route::Checklist(p.to_string()),
            ["p", p, "attachments"] if filing(p) => Route::Attachments(p.to_string()),
            ["p", p, "review"] if filing(p) => Route::Review(p.to_string()),
            ["p", p, "done"] if filing(p) => Route::Done(p.to_string()),
            ["p", p, "portal"] if filing(p) => Route::Portal(p.to_string()),
            ["p", p, "counter"] if filing(p) => Route::Counter(p.to_string()),
            _ => Route::NotFound,
        }
    }

    /// The key of the filing the route is about (`procedure_of` gives its procedure).
    pub fn filing(&self) -> Option<&str> {
        match self {
            Route::Procedure(p)
            | Route::Step(p, _)
            | Route::Checklist(p)
            | Route::Attachments(p)
            | Route::Review(p)
            | Route::Done(p)
            | Route::Portal(p)
            | Route::Counter(p) => Some(p),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn a_second_filing_of_a_procedure_has_its_own_urls() {
        use super::{filing_key, filing_number, procedure_of, step_url};
        use crate::engine::journey::Step;
        assert_eq!(filing_key("khai-sinh", 1), "khai-sinh");
        assert_eq!(filing_key("khai-sinh", 2), "khai-sinh.2");
        assert_eq!(procedure_of("khai-sinh.2"), "khai-sinh");
        assert_eq!(procedure_of("khai-sinh"), "khai-sinh");
        assert_eq!(filing_number("khai-sinh.12"), Some(12));
        for bad in ["khai-sinh.1", "khai-sinh.02", "khai-sinh.x", "khai-sinh.", "khai-sinh.100"] {
            assert_eq!(filing_number(bad), None, "{bad}");
            assert_eq!(Route::parse(&format!("/p/{bad}/review")), Route::NotFound, "{bad}");
        }
        assert_eq!(
            Route::parse(&super::portal_url("khai-sinh.2")),
            Route::Portal("khai-sinh.2".into())
        );
        assert_eq!(
            Route::parse(&super::counter_url("khai-sinh")),
            Route::Counter("khai-sinh".into())
        );
        let r = Route::parse(&step_url("khai-sinh.2", Step::Review));
        assert_eq!(r, Route::Review("khai-sinh.2".into()));
        assert_eq!(r.filing(), Some("khai-sinh.2"));
        assert_eq!(Route::parse("/p/khai-sinh.2.3"), Route::NotFound);
    }

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
