//! `hoso catalog list | show | check | export`: the procedures in the catalog, one procedure's
//! whole definition, a procedure file checked before it is added, and the compact files the
//! browser loads.

use super::{fail, ok, Args, Outcome};
use crate::engine::catalog::{Catalog, CatalogIndex, Procedure};
use crate::engine::text::Lang;
use crate::engine::units::AdminUnits;
use crate::engine::validate::{self, Context};
use lexopt::prelude::*;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::Path;

/// Procedure files larger than this are refused (the largest real one is about 40 KB).
const MAX_PROCEDURE_BYTES: u64 = 2_000_000;

struct Options {
    positional: Vec<String>,
    json: bool,
    lang: Lang,
    today: Option<crate::engine::date::Date>,
}

/// The options of `catalog <sub>`: each subcommand takes only its own.
fn parse(sub: &str, args: &[String]) -> Result<Options, Outcome> {
    let (json_ok, lang_ok, today_ok) = match sub {
        "list" => (true, true, false),
        "show" => (true, false, false),
        "check" => (false, false, true),
        "export" => (false, false, false),
        _ => return Err(fail(2, super::command_usage("catalog"))),
    };
    let mut a = Args::new("catalog", args);
    let mut o = Options {
        positional: Vec::new(),
        json: false,
        lang: Lang::default(),
        today: None,
    };
    while let Some(arg) = a.next()? {
        match arg {
            Long("json") if json_ok => o.json = true,
            Long("lang") if lang_ok => o.lang = a.lang()?,
            Long("today") if today_ok => o.today = Some(a.today()?),
            Value(v) => o.positional.push(a.positional(v)?),
            other => {
                let e = other.unexpected();
                return Err(a.refuse(e));
            }
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Outcome {
    let sub = args.first().map(String::as_str).unwrap_or("");
    let o = match parse(sub, args.get(1..).unwrap_or_default()) {
        Ok(o) => o,
        Err(e) => return e,
    };
    match (sub, o.positional.as_slice()) {
        ("list", []) => list(&o),
        ("show", [id]) => match super::procedure(Catalog::bundled(), id) {
            Ok(p) => ok(format!(
                "{}\n",
                serde_json::to_string_pretty(p).unwrap_or_default()
            )),
            Err(e) => e,
        },
        ("check", [path]) => check(&o, path),
        ("export", [dir]) => export(dir),
        _ => fail(2, super::command_usage("catalog")),
    }
}

fn list(o: &Options) -> Outcome {
    let cat = Catalog::bundled();
    if o.json {
        let v: Vec<Value> = cat
            .procedures
            .iter()
            .map(|p| json!({ "id": p.id, "national_codes": p.national_codes, "name": p.name, "area": p.area }))
            .collect();
        return ok(super::pretty(
            &json!({ "version": cat.version, "procedures": v }),
        ));
    }
    let mut s = String::new();
    let w = cat.procedures.iter().map(|p| p.id.len()).max().unwrap_or(0) + 2;
    for p in &cat.procedures {
        let _ = writeln!(
            s,
            "{:<w$}{:<12}{}",
            p.id,
            p.national_codes.join(","),
            p.name.get(o.lang)
        );
    }
    ok(s)
}

/// Writes `<dir>/<id>.bin` for every procedure, `<dir>/../units-2025.bin` and
/// `<dir>/../start.vi.html` (the start page, put into index.html by the build).
fn export(dir: &str) -> Outcome {
    let cat = Catalog::bundled();
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(2, format!("cannot create {dir}: {e}"));
    }
    let mut s = String::new();
    let mut write = |path: &Path, bytes: &[u8]| -> Result<(), Outcome> {
        std::fs::write(path, bytes)
            .map_err(|e| fail(2, format!("cannot write {}: {e}", path.display())))?;
        let _ = writeln!(s, "{:<40}{:>8} bytes", path.display(), bytes.len());
        Ok(())
    };
    let parent = Path::new(dir).parent().unwrap_or(Path::new("."));
    let units =
        match AdminUnits::compact_from_json(include_str!("../../public/data/units-2025.json")) {
            Ok(b) => b,
            Err(e) => return fail(2, format!("unit list: {e}")),
        };
    // The first visit's page: in the first (default) language.
    let start = crate::start_page::start_html(CatalogIndex::bundled(), Lang::default());
    let written = cat
        .procedures
        .iter()
        .try_for_each(|p| {
            write(
                &Path::new(dir).join(format!("{}.bin", p.id)),
                &p.to_compact(),
            )
        })
        .and_then(|()| write(&parent.join("units-2025.bin"), &units))
        .and_then(|()| write(&parent.join("start.vi.html"), start.as_bytes()));
    match written {
        Ok(()) => ok(s),
        Err(e) => e,
    }
}

/// Everything `cargo test` checks about one procedure, without rebuilding (exit 0 sound,
/// 1 problems, 2 unreadable).
fn check(o: &Options, path: &str) -> Outcome {
    let text = match super::read_text(path, MAX_PROCEDURE_BYTES, "a procedure file") {
        Ok(t) => t,
        Err(e) => return e,
    };
    let p = match Procedure::parse(&text) {
        Ok(p) => p,
        Err(e) => return fail(1, format!("{path}: {e}")),
    };
    let mut problems = p.lint();
    problems.extend(CatalogIndex::bundled().lint_groups(&p));
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem != p.id {
        problems.push(format!(
            "the file name ({stem}.json) must be the procedure id ({}.json)",
            p.id
        ));
    }
    if !crate::engine::text::is_nfc(&text) {
        problems.push("the file is not in Unicode NFC (compose the Vietnamese letters)".into());
    }
    let ctx = Context {
        today: o.today.unwrap_or_else(super::today_vn),
        units: Some(AdminUnits::bundled()),
    };
    let out = validate::validate(&p, &p.sample_answers, &ctx);
    for i in out.errors() {
        // The catalog check speaks English, like the rest of the tool's own output.
        problems.push(format!("sample_answers: {}: {}", i.field, i.message.en));
    }
    for k in p.sample_answers.keys() {
        if p.field_or_cell(k).is_none() {
            problems.push(format!("sample_answers: unknown field {k}"));
        }
    }
    if problems.is_empty() {
        return ok(format!(
            "{}: sound ({} pages, {} fields, {} documents, {} rules)\n",
            p.id,
            p.pages.len(),
            p.fields.len(),
            p.documents.len(),
            p.rules.len()
        ));
    }
    let mut s = String::new();
    for pr in &problems {
        let _ = writeln!(s, "{}: {pr}", p.id);
    }
    super::problems(s)
}
