//! The `hoso` command-line tool: the same engine as the browser app, for staff and portals.
//!
//! Exit codes: 0 valid / done, 1 problems found in the answers, 2 unreadable or unknown input
//! (missing file, not JSON, unknown procedure, bad arguments).

use crate::engine::catalog::{Answers, Catalog, DocAction, Procedure, Severity};
use crate::engine::date::{Date, Timestamp};
use crate::engine::text::{fill, Lang};
use crate::engine::units::AdminUnits;
use crate::engine::validate::{self, Context};
use crate::i18n;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Answers files larger than this are refused before reading (a real one is a few KB).
pub const MAX_ANSWERS_BYTES: u64 = 1_000_000;

const USAGE: &str = "hoso — Vietnamese commune-level procedures: checklists, validation, packages

Usage:
  hoso catalog list [--json]                     the procedures in the catalog
  hoso catalog show <procedure-id> --json        a procedure's whole definition
  hoso catalog check <procedure.json> [--today yyyy-mm-dd]
                                                 checks a procedure file before it is added:
                                                 format, references, sources, both languages,
                                                 and that its sample answers validate
  hoso catalog export <dir>                      writes <dir>/<id>.bin for every procedure and
                                                 <dir>/../units-2025.bin: the compact forms the
                                                 browser loads, and <dir>/../start.vi.html, the
                                                 start page as HTML (scripts/export-catalog.sh)
  hoso validate <procedure-id> <answers.json> [--json] [--lang {langs}] [--today yyyy-mm-dd]
                                                 every error and warning, by field id
  hoso checklist <procedure-id> <answers.json> [--json] [--lang {langs}]
                                                 the documents that apply, with reasons
  hoso verify <package.zip> [--json] [--lang {langs}]
                                                 is the package complete, untouched and valid?
                                                 (zip structure, manifest, every file's SHA-256,
                                                 answers re-validated, checklist recomputed)
  hoso pack <procedure-id> <answers.json> [--attach <document-id>=<file> …] -o <out.zip>
            [--created-at 2026-11-23T03:04:05Z]  builds a package with the browser's code
  hoso --version

answers.json: an object {\"field_id\": \"value\", …}, or a package's answers.json.
Exit codes: 0 valid (verify: intact and valid), 1 problems found, 2 unreadable or unknown input.
";

/// The usage text, with the language codes.
fn usage() -> String {
    USAGE.replace("{langs}", &lang_codes("|"))
}

/// The language codes: "vi|en" (`sep` "|"), "vi or en" (`sep` " or ").
fn lang_codes(sep: &str) -> String {
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    match codes.split_last() {
        Some((last, rest)) if !rest.is_empty() && sep == " or " => {
            format!("{} or {last}", rest.join(", "))
        }
        _ => codes.join(sep),
    }
}

/// What a command printed and its exit code (kept apart from the process for testing).
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn ok(stdout: String) -> Outcome {
    Outcome {
        code: 0,
        stdout,
        stderr: String::new(),
    }
}

fn fail(code: i32, msg: impl Into<String>) -> Outcome {
    Outcome {
        code,
        stdout: String::new(),
        stderr: format!("hoso: {}\n", msg.into()),
    }
}

struct Opts {
    json: bool,
    lang: Lang,
    today: Option<Date>,
    /// `--attach <document-id>=<file>` (pack), in order.
    attach: Vec<(String, String)>,
    /// `-o <file>` (pack).
    out: Option<String>,
    /// `--created-at <rfc3339>` (pack; for reproducible packages).
    created_at: Option<Timestamp>,
    positional: Vec<String>,
}

fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        json: false,
        lang: Lang::default(),
        today: None,
        attach: Vec::new(),
        out: None,
        created_at: None,
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--lang" => {
                let v = it
                    .next()
                    .ok_or_else(|| format!("--lang needs {}", lang_codes(" or ")))?;
                o.lang = Lang::parse(v)
                    .ok_or_else(|| format!("--lang {v}: use {}", lang_codes(" or ")))?;
            }
            "--today" => {
                let v = it.next().ok_or("--today needs a date yyyy-mm-dd")?;
                o.today =
                    Some(Date::parse_iso(v).ok_or_else(|| format!("--today {v}: use yyyy-mm-dd"))?);
            }
            "--attach" => {
                let v = it.next().ok_or("--attach needs <document-id>=<file>")?;
                let (doc, file) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--attach {v}: use <document-id>=<file>"))?;
                o.attach.push((doc.to_string(), file.to_string()));
            }
            "-o" | "--output" => o.out = Some(it.next().ok_or("-o needs a file name")?.clone()),
            "--created-at" => {
                let v = it
                    .next()
                    .ok_or("--created-at needs a time like 2026-11-23T03:04:05Z")?;
                o.created_at = Some(
                    Timestamp::parse_rfc3339(v)
                        .ok_or_else(|| format!("--created-at {v}: use 2026-11-23T03:04:05Z"))?,
                );
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => o.positional.push(a.clone()),
        }
    }
    Ok(o)
}

/// Today in Vietnam (UTC+7).
fn today_vn() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Timestamp::from_unix(secs + 7 * 3600).date
}

fn procedure(cat: &'static Catalog, id: &str) -> Result<&'static Procedure, Outcome> {
    cat.procedure(id).ok_or_else(|| {
        let known: Vec<&str> = cat.procedures.iter().map(|p| p.id.as_str()).collect();
        fail(
            2,
            format!("unknown procedure \"{id}\" (known: {})", known.join(", ")),
        )
    })
}

/// Reads an answers file: a flat object of strings, or a package's `answers.json`.
pub fn read_answers(path: &str) -> Result<Answers, Outcome> {
    let meta = std::fs::metadata(path).map_err(|e| fail(2, format!("cannot read {path}: {e}")))?;
    if !meta.is_file() {
        return Err(fail(2, format!("{path} is not a file")));
    }
    if meta.len() > MAX_ANSWERS_BYTES {
        return Err(fail(
            2,
            format!(
                "{path} is {} bytes; an answers file is at most {MAX_ANSWERS_BYTES} bytes",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(2, format!("cannot read {path}: {e}")))?;
    let text =
        String::from_utf8(bytes).map_err(|_| fail(2, format!("{path} is not UTF-8 text")))?;
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| fail(2, format!("{path} is not valid JSON: {e}")))?;
    let obj = match &v {
        Value::Object(m) if m.get("format").and_then(Value::as_str) == Some("hoso-answers") => {
            m.get("answers")
        }
        Value::Object(_) => Some(&v),
        _ => None,
    }
    .and_then(Value::as_object)
    .ok_or_else(|| {
        fail(
            2,
            format!("{path}: expected a JSON object of field ids to values"),
        )
    })?;
    let mut out = Answers::new();
    for (k, val) in obj {
        let s = match val {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Null => continue,
            other => {
                let kind = match other {
                    Value::Bool(_) => "true/false",
                    Value::Array(_) => "a list",
                    _ => "an object",
                };
                return Err(fail(
                    2,
                    format!("{path}: field \"{k}\" is {kind}; give its value as a string"),
                ));
            }
        };
        out.insert(k.clone(), s);
    }
    Ok(out)
}

fn issues_json(issues: &[validate::Issue], lang: Lang) -> Value {
    Value::Array(
        issues
            .iter()
            .map(|i| {
                let mut v = json!({
                    "field": i.field,
                    "severity": if i.severity == Severity::Error { "error" } else { "warning" },
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

/// The procedure and answers named on the command line, validated with the shared engine.
fn load_and_validate(
    o: &Opts,
    cmd: &str,
) -> Result<(&'static Procedure, Answers, validate::Outcome), Outcome> {
    let [pid, path] = o.positional.as_slice() else {
        return Err(fail(
            2,
            format!(
                "usage: hoso {cmd} <procedure-id> <answers.json> [--json] [--lang {}]",
                lang_codes("|")
            ),
        ));
    };
    let p = procedure(Catalog::bundled(), pid)?;
    let answers = read_answers(path)?;
    let today = o.today.unwrap_or_else(today_vn);
    let out = validate::validate(
        p,
        &answers,
        &Context {
            today,
            units: Some(AdminUnits::bundled()),
        },
    );
    Ok((p, answers, out))
}

fn cmd_validate(o: &Opts) -> Outcome {
    let (p, answers, mut out) = match load_and_validate(o, "validate") {
        Ok(x) => x,
        Err(e) => return e,
    };
    for k in answers.keys() {
        if p.field(k).is_none() {
            out.issues.push(validate::Issue {
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
    let code = if errors == 0 { 0 } else { 1 };
    let stdout = if o.json {
        let v = json!({
            "procedure": p.id,
            "valid": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "issues": issues_json(&out.issues, o.lang),
            "answers": out.canonical,
        });
        format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
    } else {
        let mut s = String::new();
        let verdict = match errors {
            0 => i18n::CLI_VALID.get(o.lang).to_string(),
            n => i18n::CLI_ERRORS.fill(o.lang, &[("count", n.into())]),
        };
        let w = i18n::CLI_WARNINGS.fill(o.lang, &[("count", warnings.into())]);
        let _ = writeln!(s, "{}: {verdict}, {w}", p.id);
        for i in &out.issues {
            let sev = if i.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let _ = writeln!(s, "{sev:<8}{:<22}{}", i.field, i.message.get(o.lang));
        }
        s
    };
    Outcome {
        code,
        stdout,
        stderr: String::new(),
    }
}

fn cmd_checklist(o: &Opts) -> Outcome {
    let (p, _, out) = match load_and_validate(o, "checklist") {
        Ok(x) => x,
        Err(e) => return e,
    };
    let docs = p.checklist(&out.canonical);
    let action = |a: DocAction| match a {
        DocAction::Submit => "submit",
        DocAction::Show => "show",
        DocAction::Generated => "generated",
    };
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
        format!(
            "{}\n",
            serde_json::to_string_pretty(&json!({ "procedure": p.id, "documents": v }))
                .unwrap_or_default()
        )
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
    ok(stdout)
}

fn cmd_catalog(o: &Opts) -> Outcome {
    match o.positional.as_slice() {
        [list] if list == "list" => {
            let cat = Catalog::bundled();
            if o.json {
                let v: Vec<Value> = cat
                    .procedures
                    .iter()
                    .map(|p| json!({ "id": p.id, "national_codes": p.national_codes, "name": p.name, "area": p.area }))
                    .collect();
                ok(format!("{}\n", serde_json::to_string_pretty(&json!({ "version": cat.version, "procedures": v })).unwrap_or_default()))
            } else {
                let mut s = String::new();
                let w = cat.procedures.iter().map(|p| p.id.len()).max().unwrap_or(0) + 2;
                for p in &cat.procedures {
                    let _ = writeln!(s, "{:<w$}{:<12}{}", p.id, p.national_codes.join(","), p.name.get(o.lang));
                }
                ok(s)
            }
        }
        [show, id] if show == "show" => match procedure(Catalog::bundled(), id) {
            Ok(p) => ok(format!("{}\n", serde_json::to_string_pretty(p).unwrap_or_default())),
            Err(e) => e,
        },
        [check, path] if check == "check" => cmd_catalog_check(o, path),
        [export, dir] if export == "export" => {
            let cat = Catalog::bundled();
            if let Err(e) = std::fs::create_dir_all(dir) {
                return fail(2, format!("cannot create {dir}: {e}"));
            }
            let mut s = String::new();
            for p in &cat.procedures {
                let path = std::path::Path::new(dir).join(format!("{}.bin", p.id));
                let bytes = p.to_compact();
                if let Err(e) = std::fs::write(&path, &bytes) {
                    return fail(2, format!("cannot write {}: {e}", path.display()));
                }
                let _ = writeln!(s, "{:<40}{:>8} bytes", path.display(), bytes.len());
            }
            // The unit list, next to the catalog directory (public/data/units-2025.bin).
            let units = std::path::Path::new(dir).parent().unwrap_or(std::path::Path::new(".")).join("units-2025.bin");
            match AdminUnits::compact_from_json(include_str!("../public/data/units-2025.json")) {
                Ok(bytes) => {
                    if let Err(e) = std::fs::write(&units, &bytes) {
                        return fail(2, format!("cannot write {}: {e}", units.display()));
                    }
                    let _ = writeln!(s, "{:<40}{:>8} bytes", units.display(), bytes.len());
                }
                Err(e) => return fail(2, format!("unit list: {e}")),
            }
            // The start page as plain HTML, put into index.html by scripts/pwa.py.
            let start = std::path::Path::new(dir).parent().unwrap_or(std::path::Path::new(".")).join("start.vi.html");
            // The first visit's page: in the first (default) language.
            let html = crate::start_page::start_html(crate::engine::catalog::CatalogIndex::bundled(), Lang::default());
            if let Err(e) = std::fs::write(&start, &html) {
                return fail(2, format!("cannot write {}: {e}", start.display()));
            }
            let _ = writeln!(s, "{:<40}{:>8} bytes", start.display(), html.len());
            ok(s)
        }
        _ => fail(2, "usage: hoso catalog list [--json] | hoso catalog show <procedure-id> --json | hoso catalog check <procedure.json>"),
    }
}

/// Procedure files larger than this are refused (the largest real one is about 40 KB).
const MAX_PROCEDURE_BYTES: u64 = 2_000_000;

/// `hoso catalog check <file>`: everything `cargo test` checks about one procedure, without
/// rebuilding (exit 0 sound, 1 problems, 2 unreadable).
fn cmd_catalog_check(o: &Opts, path: &str) -> Outcome {
    use crate::engine::catalog::CatalogIndex;
    let meta = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m,
        Ok(_) => return fail(2, format!("{path} is not a file")),
        Err(e) => return fail(2, format!("cannot read {path}: {e}")),
    };
    if meta.len() > MAX_PROCEDURE_BYTES {
        return fail(
            2,
            format!(
                "{path} is {} bytes; a procedure file is at most {MAX_PROCEDURE_BYTES} bytes",
                meta.len()
            ),
        );
    }
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => return fail(2, format!("{path} is not UTF-8 text")),
        Err(e) => return fail(2, format!("cannot read {path}: {e}")),
    };
    let p = match Procedure::parse(&text) {
        Ok(p) => p,
        Err(e) => return fail(1, format!("{path}: {e}")),
    };
    let mut problems = p.lint();
    problems.extend(CatalogIndex::bundled().lint_groups(&p));
    let stem = std::path::Path::new(path)
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
    let today = o.today.unwrap_or_else(today_vn);
    let out = validate::validate(
        &p,
        &p.sample_answers,
        &Context {
            today,
            units: Some(AdminUnits::bundled()),
        },
    );
    for i in out.errors() {
        // The catalog check speaks English, like the rest of the tool's own output.
        problems.push(format!("sample_answers: {}: {}", i.field, i.message.en));
    }
    for k in p.sample_answers.keys() {
        if p.field(k).is_none() {
            problems.push(format!("sample_answers: unknown field {k}"));
        }
    }
    if problems.is_empty() {
        ok(format!(
            "{}: sound ({} pages, {} fields, {} documents, {} rules)\n",
            p.id,
            p.pages.len(),
            p.fields.len(),
            p.documents.len(),
            p.rules.len()
        ))
    } else {
        let mut s = String::new();
        for pr in &problems {
            let _ = writeln!(s, "{}: {pr}", p.id);
        }
        Outcome {
            code: 1,
            stdout: s,
            stderr: String::new(),
        }
    }
}

fn now_utc() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Timestamp::from_unix(secs)
}

/// Reads a whole file, refusing more than `max` bytes before reading.
fn read_limited(path: &str, max: u64, what: &str) -> Result<Vec<u8>, Outcome> {
    let meta = std::fs::metadata(path).map_err(|e| fail(2, format!("cannot read {path}: {e}")))?;
    if !meta.is_file() {
        return Err(fail(2, format!("{path} is not a file")));
    }
    if meta.len() > max {
        return Err(fail(
            2,
            format!(
                "{path} is {} bytes; {what} is at most {max} bytes",
                meta.len()
            ),
        ));
    }
    std::fs::read(path).map_err(|e| fail(2, format!("cannot read {path}: {e}")))
}

fn cmd_pack(o: &Opts) -> Outcome {
    use crate::engine::package::{self, Attachment, BuildInput};
    let (Some(out), [pid, answers_path]) = (&o.out, o.positional.as_slice()) else {
        return fail(2, "usage: hoso pack <procedure-id> <answers.json> [--attach <document-id>=<file> …] -o <out.zip>");
    };
    let cat = Catalog::bundled();
    let p = match procedure(cat, pid) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let answers = match read_answers(answers_path) {
        Ok(a) => a,
        Err(e) => return e,
    };
    let mut attachments = Vec::new();
    for (doc, file) in &o.attach {
        let bytes = match read_limited(file, crate::engine::media::MAX_FILE_BYTES, "an attachment")
        {
            Ok(b) => b,
            Err(e) => return e,
        };
        let name = std::path::Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file)
            .to_string();
        attachments.push(Attachment {
            document_id: doc.clone(),
            name,
            bytes,
        });
    }
    let created_at = o.created_at.unwrap_or_else(now_utc);
    let today = o.today.unwrap_or_else(today_vn);
    let input = BuildInput {
        procedure: p,
        catalog_version: &cat.version,
        answers: &answers,
        attachments: &attachments,
        created_at,
        today,
        lang: o.lang,
        units: AdminUnits::bundled(),
    };
    match package::build(&input) {
        Ok(built) => match std::fs::write(out, &built.zip) {
            Ok(()) => ok(format!(
                "{out}: {} bytes, {} files, reference {}\n",
                built.zip.len(),
                built.manifest.files.len(),
                built.manifest.reference
            )),
            Err(e) => fail(2, format!("cannot write {out}: {e}")),
        },
        Err(e) => {
            let mut s = String::new();
            for m in &e.0 {
                let _ = writeln!(s, "error   {}", m.get(o.lang));
            }
            Outcome {
                code: 1,
                stdout: s,
                stderr: String::new(),
            }
        }
    }
}

fn cmd_verify(o: &Opts) -> Outcome {
    use crate::engine::package;
    let [path] = o.positional.as_slice() else {
        return fail(
            2,
            format!(
                "usage: hoso verify <package.zip> [--json] [--lang {}]",
                lang_codes("|")
            ),
        );
    };
    let bytes = match read_limited(path, crate::engine::zipr::MAX_ZIP_BYTES as u64, "a package") {
        Ok(b) => b,
        Err(e) => return e,
    };
    let opened = match package::open(&bytes) {
        Ok(x) => x,
        Err(f) => {
            return if o.json {
                let v = json!({ "readable": false, "valid": false, "code": f.code, "message": f.message.get(o.lang) });
                Outcome {
                    code: 2,
                    stdout: format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()),
                    stderr: String::new(),
                }
            } else {
                fail(2, format!("{path}: {} [{}]", f.message.get(o.lang), f.code))
            };
        }
    };
    let mut findings = opened.findings.clone();
    let mut checklist = Vec::new();
    match Catalog::bundled().procedure(&opened.manifest.procedure.id) {
        Some(p) => {
            let r = package::check_rules(
                &opened,
                p,
                &Catalog::bundled().version,
                AdminUnits::bundled(),
            );
            findings.extend(r.findings);
            checklist = r.checklist;
        }
        None => findings.push(package::Finding {
            code: "unknown-procedure",
            severity: Severity::Error,
            message: fill(
                i18n::CLI_UNKNOWN_PROCEDURE,
                &[("procedure", (&opened.manifest.procedure.id).into())],
            ),
        }),
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let integrity_ok = !findings.iter().any(|f| {
        matches!(
            f.code,
            "missing-file"
                | "hash-mismatch"
                | "extra-file"
                | "id-mismatch"
                | "manifest-schema"
                | "answers-invalid"
                | "answers-too-large"
        )
    });
    let m = &opened.manifest;
    let stdout = if o.json {
        let f: Vec<Value> = findings
            .iter()
            .map(|f| json!({ "code": f.code, "severity": if f.severity == Severity::Error { "error" } else { "warning" }, "message": f.message.get(o.lang) }))
            .collect();
        let c: Vec<Value> = checklist
            .iter()
            .map(|c| json!({ "document_id": c.document_id, "name": c.name.get(o.lang), "files": c.files, "present": !c.files.is_empty() || c.action == DocAction::Show }))
            .collect();
        let v = json!({
            "readable": true, "valid": errors == 0, "intact": integrity_ok,
            "package_id": m.package_id, "reference": m.reference, "created_at": m.created_at,
            "procedure": m.procedure, "receiving_commune": m.receiving_commune,
            "errors": errors, "findings": f, "checklist": c,
        });
        format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
    } else {
        let mut s = String::new();
        let verdict = match errors {
            0 => i18n::CLI_PACKAGE_OK.get(o.lang).to_string(),
            n => i18n::CLI_PROBLEMS.fill(o.lang, &[("count", n.into())]),
        };
        let _ = writeln!(s, "{} {} — {}", m.reference, m.procedure.id, verdict);
        let _ = writeln!(
            s,
            "{} ({}) → {}, {}",
            m.procedure.name.get(o.lang),
            m.procedure.national_code,
            m.receiving_commune.name,
            m.receiving_commune.province_name
        );
        for f in &findings {
            let sev = if f.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            let _ = writeln!(s, "{sev:<8}{:<20}{}", f.code, f.message.get(o.lang));
        }
        for c in &checklist {
            let mark = if !c.files.is_empty() || c.action == DocAction::Show {
                "[x]"
            } else {
                "[ ]"
            };
            let _ = writeln!(s, "{mark} {}  {}", c.name.get(o.lang), c.files.join(", "));
        }
        s
    };
    Outcome {
        code: if errors == 0 { 0 } else { 1 },
        stdout,
        stderr: String::new(),
    }
}

/// Runs the tool on its arguments (without the program name).
pub fn execute(args: &[String]) -> Outcome {
    let Some((cmd, rest)) = args.split_first() else {
        return ok(usage());
    };
    let opts = match parse_opts(rest) {
        Ok(o) => o,
        Err(e) => return fail(2, e),
    };
    match cmd.as_str() {
        "--version" | "-V" => ok(format!("hoso {}\n", env!("CARGO_PKG_VERSION"))),
        "--help" | "-h" | "help" => ok(usage()),
        "catalog" => cmd_catalog(&opts),
        "validate" => cmd_validate(&opts),
        "checklist" => cmd_checklist(&opts),
        "verify" => cmd_verify(&opts),
        "pack" => cmd_pack(&opts),
        other => fail(2, format!("unknown command \"{other}\"\n\n{}", usage())),
    }
}

/// Entry point for `main`: prints and returns the exit code.
pub fn run(args: Vec<String>) -> i32 {
    let out = execute(&args);
    print!("{}", out.stdout);
    eprint!("{}", out.stderr);
    out.code
}
