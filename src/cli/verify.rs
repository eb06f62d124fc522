//! `hoso verify <package.zip> [--json] [--lang …]`: is the package complete, untouched and valid?
//! The staff page's checks: the zip read strictly, the manifest, every file's SHA-256, then the
//! answers re-validated and the checklist recomputed with the same engine.

use super::validate::severity;
use super::{fail, Args, Outcome};
use crate::engine::catalog::{Catalog, DocAction};
use crate::engine::finding::{Finding, FindingCode, Verdict};
use crate::engine::package;
use crate::engine::text::{fill, Lang};
use crate::engine::units::AdminUnits;
use crate::i18n;
use lexopt::prelude::*;
use serde_json::{json, Value};
use std::fmt::Write as _;

struct Options {
    path: String,
    json: bool,
    lang: Lang,
}

fn parse(args: &[String]) -> Result<Options, Outcome> {
    let mut a = Args::new("verify", args);
    let (mut json, mut lang) = (false, Lang::default());
    let mut positional = Vec::new();
    while let Some(arg) = a.next()? {
        match arg {
            Long("json") => json = true,
            Long("lang") => lang = a.lang()?,
            Value(v) => positional.push(a.positional(v)?),
            other => {
                let e = other.unexpected();
                return Err(a.refuse(e));
            }
        }
    }
    let [path] =
        <[String; 1]>::try_from(positional).map_err(|_| fail(2, super::command_usage("verify")))?;
    Ok(Options { path, json, lang })
}

pub fn run(args: &[String]) -> Outcome {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let bytes = match super::read_limited(
        &o.path,
        crate::engine::zipr::MAX_ZIP_BYTES as u64,
        "a package",
    ) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let opened = match package::open(&bytes, crate::engine::pdf::BUNDLED_FONTS) {
        Ok(x) => x,
        Err(f) => {
            return if o.json {
                let v = json!({ "readable": false, "valid": false, "code": f.code, "message": f.message.get(o.lang) });
                Outcome {
                    code: 2,
                    stdout: super::pretty(&v),
                    stderr: String::new(),
                }
            } else {
                fail(
                    2,
                    format!("{}: {} [{}]", o.path, f.message.get(o.lang), f.code),
                )
            };
        }
    };
    let mut findings = opened.findings.clone();
    let mut checklist = Vec::new();
    let cat = Catalog::bundled();
    match cat.procedure(&opened.manifest.procedure.id) {
        Some(p) => {
            let r = package::check_rules(&opened, p, &cat.version, AdminUnits::bundled());
            findings.extend(r.findings);
            checklist = r.checklist;
        }
        None => findings.push(Finding::problem(
            FindingCode::UnknownProcedure,
            fill(
                i18n::CLI_UNKNOWN_PROCEDURE,
                &[("procedure", (&opened.manifest.procedure.id).into())],
            ),
        )),
    }
    let verdict = Verdict::of(&findings);
    // The counter QR codes of this package (the answers themselves), as the resident's screen
    // shows them: `hoso qr decode` reads them back.
    let counter: Vec<String> = opened
        .answers
        .as_ref()
        .map(|a| package::counter_codes(&opened.manifest, a))
        .unwrap_or_default();
    let present = |c: &package::ChecklistItem| {
        !c.files.is_empty() || matches!(c.action, DocAction::Show | DocAction::LookedUp)
    };
    let m = &opened.manifest;
    let stdout = if o.json {
        let f: Vec<Value> = findings
            .iter()
            .map(|f| json!({ "code": f.code, "severity": severity(f.severity), "message": f.message.get(o.lang) }))
            .collect();
        let c: Vec<Value> = checklist
            .iter()
            .map(|c| json!({ "document_id": c.document_id, "name": c.name.get(o.lang), "files": c.files, "present": present(c) }))
            .collect();
        super::pretty(&json!({
            "readable": true, "valid": verdict.valid(), "intact": verdict.intact,
            "package_id": m.package_id, "reference": m.reference, "created_at": m.created_at,
            "procedure": m.procedure, "receiving_commune": m.receiving_commune,
            "errors": verdict.errors, "findings": f, "checklist": c, "counter_qr": counter,
        }))
    } else {
        let mut s = String::new();
        let v = match verdict.errors {
            0 => i18n::CLI_PACKAGE_OK.get(o.lang).to_string(),
            n => i18n::CLI_PROBLEMS.fill(o.lang, &[("count", n.into())]),
        };
        let _ = writeln!(s, "{} {} — {v}", m.reference, m.procedure.id);
        let _ = writeln!(
            s,
            "{} ({}) → {}, {}",
            m.procedure.name.get(o.lang),
            m.procedure.national_code,
            m.receiving_commune.name,
            m.receiving_commune.province_name
        );
        for f in &findings {
            let _ = writeln!(
                s,
                "{:<8}{:<20}{}",
                severity(f.severity),
                f.code,
                f.message.get(o.lang)
            );
        }
        for c in &checklist {
            let mark = if present(c) { "[x]" } else { "[ ]" };
            let _ = writeln!(s, "{mark} {}  {}", c.name.get(o.lang), c.files.join(", "));
        }
        for code in &counter {
            let _ = writeln!(s, "QR  {code}");
        }
        s
    };
    if verdict.valid() {
        super::ok(stdout)
    } else {
        super::problems(stdout)
    }
}
