//! `hoso validate <procedure-id> <answers.json> [--json] [--lang …] [--today yyyy-mm-dd]`:
//! every error and warning, by field id.

use super::{validated, AnswersOptions, Outcome};
use crate::engine::catalog::Severity;
use crate::engine::text::{fill, Lang};
use crate::engine::validate::Issue;
use crate::i18n;
use serde_json::{json, Value};
use std::fmt::Write as _;

pub fn run(args: &[String]) -> Outcome {
    let o = match AnswersOptions::parse("validate", args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let (p, answers, mut out) = match validated(&o.procedure, &o.answers, o.today) {
        Ok(x) => x,
        Err(e) => return e,
    };
    for k in answers.keys() {
        if p.field_or_cell(k).is_none() {
            out.issues.push(Issue {
                field: k.clone(),
                severity: Severity::Error,
                message: fill(
                    i18n::CLI_NO_FIELD,
                    &[("procedure", (&p.id).into()), ("field", k.into())],
                ),
            });
        }
    }
    let errors = out.errors().count();
    let warnings = out.warnings().count();
    let stdout = if o.json {
        super::pretty(&json!({
            "procedure": p.id,
            "valid": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "issues": issues_json(&out.issues, o.lang),
            "answers": out.canonical,
        }))
    } else {
        let mut s = String::new();
        let verdict = match errors {
            0 => i18n::CLI_VALID.get(o.lang).to_string(),
            n => i18n::CLI_ERRORS.fill(o.lang, &[("count", n.into())]),
        };
        let w = i18n::CLI_WARNINGS.fill(o.lang, &[("count", warnings.into())]);
        let _ = writeln!(s, "{}: {verdict}, {w}", p.id);
        for i in &out.issues {
            let _ = writeln!(
                s,
                "{:<8}{:<22}{}",
                severity(i.severity),
                i.field,
                i.message.get(o.lang)
            );
        }
        s
    };
    if errors == 0 {
        super::ok(stdout)
    } else {
        super::problems(stdout)
    }
}

/// "error" / "warning", as the tool prints and its JSON gives a severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

pub fn issues_json(issues: &[Issue], lang: Lang) -> Value {
    Value::Array(
        issues
            .iter()
            .map(|i| {
                let mut v = json!({
                    "field": i.field,
                    "severity": severity(i.severity),
                    "message": i.message.get(lang),
                });
                // "message_vi", "message_en": the message in every language.
                for l in Lang::ALL {
                    v[format!("message_{}", l.code())] = i.message.get(l).into();
                }
                v
            })
            .collect(),
    )
}
