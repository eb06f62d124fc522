//! `hoso qr decode <code>… [--json] [--lang …] [--today yyyy-mm-dd]`: the answers a resident's
//! counter QR codes carry (`engine::counter`), read back and checked under the catalog's rules, as
//! the staff page does with a scanner. Each argument is one code's text (a scanner's output);
//! `@file` reads one code per line.

use super::validate::{issues_json, severity};
use super::{fail, Args, Outcome};
use crate::engine::catalog::Catalog;
use crate::engine::counter;
use crate::engine::text::Lang;
use crate::engine::units::AdminUnits;
use crate::engine::validate::{validate, Context};
use crate::i18n;
use lexopt::prelude::*;
use serde_json::json;
use std::fmt::Write as _;

struct Options {
    codes: Vec<String>,
    json: bool,
    lang: Lang,
    today: Option<crate::engine::date::Date>,
}

fn parse(args: &[String]) -> Result<Options, Outcome> {
    let mut a = Args::new("qr", args);
    let (mut json, mut lang, mut today) = (false, Lang::default(), None);
    let mut positional = Vec::new();
    while let Some(arg) = a.next()? {
        match arg {
            Long("json") => json = true,
            Long("lang") => lang = a.lang()?,
            Long("today") => today = Some(a.today()?),
            Value(v) => positional.push(a.positional(v)?),
            other => {
                let e = other.unexpected();
                return Err(a.refuse(e));
            }
        }
    }
    if positional.first().map(String::as_str) != Some("decode") || positional.len() < 2 {
        return Err(fail(2, super::command_usage("qr")));
    }
    let mut codes = Vec::new();
    for p in &positional[1..] {
        match p.strip_prefix('@') {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| fail(2, format!("qr: {path}: {e}")))?;
                codes.extend(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string));
            }
            None => codes.push(p.clone()),
        }
    }
    Ok(Options { codes, json, lang, today })
}

pub fn run(args: &[String]) -> Outcome {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let texts: Vec<&str> = o.codes.iter().map(String::as_str).collect();
    let payload = match counter::decode(&texts) {
        Ok(p) => p,
        Err(m) => return fail(2, format!("qr: {}", m.get(o.lang))),
    };
    let Some(p) = Catalog::bundled().procedure(&payload.procedure) else {
        return fail(2, format!("qr: unknown procedure \"{}\"", payload.procedure));
    };
    let ctx = Context {
        today: o.today.unwrap_or_else(super::today_vn),
        units: Some(AdminUnits::bundled()),
    };
    let out = validate(p, &payload.answers, &ctx);
    let errors = out.errors().count();
    let stdout = if o.json {
        super::pretty(&json!({
            "procedure": p.id,
            "national_code": p.national_codes.first(),
            "reference": payload.reference,
            "package_id": payload.package_id,
            "catalog_version": payload.catalog_version,
            "valid": errors == 0,
            "issues": issues_json(&out.issues, o.lang),
            "answers": payload.answers,
            "checklist": p.checklist(&out.canonical).iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
        }))
    } else {
        let mut s = String::new();
        let verdict = match errors {
            0 => i18n::CLI_VALID.get(o.lang).to_string(),
            n => i18n::CLI_ERRORS.fill(o.lang, &[("count", n.into())]),
        };
        let _ = writeln!(s, "{} {} ({}): {verdict}", payload.reference, p.name.get(o.lang), p.id);
        for i in &out.issues {
            let _ = writeln!(s, "{:<8}{:<22}{}", severity(i.severity), i.field, i.message.get(o.lang));
        }
        for (k, v) in &payload.answers {
            let _ = writeln!(s, "{k}: {v}");
        }
        s
    };
    Outcome {
        code: if errors == 0 { 0 } else { 1 },
        stdout,
        stderr: String::new(),
    }
}
