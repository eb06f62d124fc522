//! `hoso checklist <procedure-id> <answers.json> [--json] [--lang …] [--today yyyy-mm-dd]`: the
//! documents that apply to these answers, with the reason for each.

use super::{validated, AnswersOptions, Outcome};
use crate::engine::catalog::DocAction;
use serde_json::{json, Value};
use std::fmt::Write as _;

pub fn run(args: &[String]) -> Outcome {
    let o = match AnswersOptions::parse("checklist", args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let (p, _, out) = match validated(&o.procedure, &o.answers, o.today) {
        Ok(x) => x,
        Err(e) => return e,
    };
    let docs = p.checklist(&out.canonical);
    let stdout = if o.json {
        let v: Vec<Value> = docs
            .iter()
            .map(|d| {
                json!({
                    "id": d.id, "name": d.name, "why": d.why, "form": d.form, "count": d.count,
                    "action": action(d.action), "note": d.note, "verified": d.verified,
                })
            })
            .collect();
        super::pretty(&json!({ "procedure": p.id, "documents": v }))
    } else {
        let mut s = String::new();
        for (i, d) in docs.iter().enumerate() {
            let _ = writeln!(
                s,
                "{}. {} — {} × {}",
                i + 1,
                d.name.get(o.lang),
                d.form.label().get(o.lang),
                d.count
            );
            let _ = writeln!(s, "   {}", d.why.get(o.lang));
        }
        s
    };
    super::ok(stdout)
}

fn action(a: DocAction) -> &'static str {
    match a {
        DocAction::Submit => "submit",
        DocAction::Show => "show",
        DocAction::Generated => "generated",
        DocAction::LookedUp => "looked_up",
    }
}
