//! The `hoso` command-line tool: the same engine as the browser app, for staff and portals.
//! One file per command (`<command>.rs`, each with its own options and `run`); this file holds
//! what they share: the usage text, reading answers and files, and the common options.
//!
//! Exit codes: 0 valid / done, 1 problems found in the answers, 2 unreadable or unknown input
//! (missing file, not JSON, unknown procedure, bad arguments).

mod catalog;
mod checklist;
mod declaration;
mod pack;
mod qr;
mod validate;
mod verify;

use crate::engine::catalog::{Answers, Catalog, Procedure};
use crate::engine::date::{Date, Timestamp};
use crate::engine::text::Lang;
use lexopt::prelude::*;
use serde_json::Value;

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
                                                 start page as HTML (scripts/data/export-catalog.sh)
  hoso validate <procedure-id> <answers.json> [--json] [--lang {langs}] [--today yyyy-mm-dd]
                                                 every error and warning, by field id
  hoso checklist <procedure-id> <answers.json> [--json] [--lang {langs}] [--today yyyy-mm-dd]
                                                 the documents that apply, with reasons
  hoso verify <package.zip> [--json] [--lang {langs}]
                                                 is the package complete, untouched and valid?
                                                 (zip structure, manifest, every file's SHA-256,
                                                 answers re-validated, checklist recomputed)
  hoso pack <procedure-id> <answers.json> [--attach <document-id>=<file> …] -o <out.zip>
            [--created-at 2026-11-23T03:04:05Z] [--today yyyy-mm-dd] [--lang {langs}]
                                                 builds a package with the browser's code
  hoso declaration <procedure-id> <answers.json> -o <form.pdf> [--html] [--today yyyy-mm-dd]
            [--lang {langs}]              the official form(s) filled in, as PDF (or HTML); two
                                                 forms are written to <form>-1.pdf, <form>-2.pdf
  hoso qr decode <code>… [--json] [--lang {langs}] [--today yyyy-mm-dd]
                                                 the answers a counter QR carries (each code's
                                                 text as a scanner types it, @file: one a
                                                 line, or a PNG or JPEG picture of the codes),
                                                 checked under the catalog's rules
  hoso qr image <code> -o <file.png|file.svg> [--scale <px>]
                                                 one code's text drawn as a QR code (8 px a
                                                 module unless --scale says)
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

/// Printed output with exit code 1 (problems found).
fn problems(stdout: String) -> Outcome {
    Outcome {
        code: 1,
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

/// A command's arguments, read one at a time (`lexopt`): each command names the options it takes,
/// and anything else is refused with exit 2.
struct Args {
    parser: lexopt::Parser,
    command: &'static str,
}

impl Args {
    fn new(command: &'static str, args: &[String]) -> Args {
        Args {
            parser: lexopt::Parser::from_args(args.iter().cloned()),
            command,
        }
    }

    fn next(&mut self) -> Result<Option<lexopt::Arg<'_>>, Outcome> {
        let command = self.command;
        self.parser.next().map_err(|e| refuse(command, e))
    }

    /// The value of the option just read.
    fn value(&mut self, what: &str) -> Result<String, Outcome> {
        let name = self.command;
        self.parser
            .value()
            .ok()
            .and_then(|v| v.into_string().ok())
            .ok_or_else(|| fail(2, format!("{what}\n\n{}", command_usage(name))))
    }

    /// The value of `--lang`.
    fn lang(&mut self) -> Result<Lang, Outcome> {
        parse_lang(&self.value(&format!("--lang needs {}", lang_codes(" or ")))?)
    }

    /// The value of `--today`.
    fn today(&mut self) -> Result<Date, Outcome> {
        parse_today(&self.value("--today needs a date yyyy-mm-dd")?)
    }

    /// A positional argument.
    fn positional(&self, v: std::ffi::OsString) -> Result<String, Outcome> {
        v.string().map_err(|e| self.refuse(e))
    }

    /// An option or argument this command does not take.
    fn refuse(&self, e: lexopt::Error) -> Outcome {
        refuse(self.command, e)
    }
}

fn refuse(command: &str, e: lexopt::Error) -> Outcome {
    fail(
        2,
        format!("hoso {command}: {e}\n\n{}", command_usage(command)),
    )
}

/// The usage lines of one command.
fn command_usage(command: &str) -> String {
    let all = usage();
    let lines: Vec<&str> = all
        .lines()
        .skip_while(|l| !l.trim_start().starts_with(&format!("hoso {command}")))
        .take_while(|l| {
            l.trim_start().starts_with(&format!("hoso {command}")) || l.starts_with("      ")
        })
        .collect();
    format!("usage:\n{}", lines.join("\n"))
}

/// `--lang <code>`.
fn parse_lang(v: &str) -> Result<Lang, Outcome> {
    Lang::parse(v).ok_or_else(|| fail(2, format!("--lang {v}: use {}", lang_codes(" or "))))
}

/// `--today yyyy-mm-dd`.
fn parse_today(v: &str) -> Result<Date, Outcome> {
    Date::parse_iso(v).ok_or_else(|| fail(2, format!("--today {v}: use yyyy-mm-dd")))
}

/// Milliseconds since the Unix epoch, as the browser's clock gives them.
fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

/// Now (UTC): when a package is made.
fn now() -> Timestamp {
    Timestamp::from_unix((now_ms() / 1000.0) as i64)
}

/// Today in Vietnam (UTC+7): the date rules are judged on the resident's day.
fn today_vn() -> Date {
    Timestamp::vietnam(now_ms()).date
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

/// Reads a text file (UTF-8) of at most `max` bytes.
fn read_text(path: &str, max: u64, what: &str) -> Result<String, Outcome> {
    String::from_utf8(read_limited(path, max, what)?)
        .map_err(|_| fail(2, format!("{path} is not UTF-8 text")))
}

/// Reads an answers file: a flat object of strings, or a package's `answers.json`.
pub fn read_answers(path: &str) -> Result<Answers, Outcome> {
    let text = read_text(path, MAX_ANSWERS_BYTES, "an answers file")?;
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

fn pretty(v: &Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(v).unwrap_or_default())
}

/// Runs the tool on its arguments (without the program name).
pub fn execute(args: &[String]) -> Outcome {
    let Some((cmd, rest)) = args.split_first() else {
        return ok(usage());
    };
    match cmd.as_str() {
        "--version" | "-V" => ok(format!("hoso {}\n", env!("CARGO_PKG_VERSION"))),
        "--help" | "-h" | "help" => ok(usage()),
        "catalog" => catalog::run(rest),
        "validate" => validate::run(rest),
        "checklist" => checklist::run(rest),
        "verify" => verify::run(rest),
        "pack" => pack::run(rest),
        "declaration" => declaration::run(rest),
        "qr" => qr::run(rest),
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

/// The procedure and answers named on the command line, validated with the shared engine on
/// `today` (Vietnam's today unless given).
fn validated(
    pid: &str,
    path: &str,
    today: Option<Date>,
) -> Result<
    (
        &'static Procedure,
        Answers,
        crate::engine::validate::Outcome,
    ),
    Outcome,
> {
    use crate::engine::units::AdminUnits;
    use crate::engine::validate::{validate, Context};
    let p = procedure(Catalog::bundled(), pid)?;
    let answers = read_answers(path)?;
    let ctx = Context {
        today: today.unwrap_or_else(today_vn),
        units: Some(AdminUnits::bundled()),
    };
    let out = validate(p, &answers, &ctx);
    Ok((p, answers, out))
}

/// The options `validate` and `checklist` share: `<procedure-id> <answers.json> [--json]
/// [--lang …] [--today …]`.
struct AnswersOptions {
    procedure: String,
    answers: String,
    json: bool,
    lang: Lang,
    today: Option<Date>,
}

impl AnswersOptions {
    fn parse(command: &'static str, args: &[String]) -> Result<AnswersOptions, Outcome> {
        let mut a = Args::new(command, args);
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
        let [procedure, answers] =
            <[String; 2]>::try_from(positional).map_err(|_| fail(2, command_usage(command)))?;
        Ok(AnswersOptions {
            procedure,
            answers,
            json,
            lang,
            today,
        })
    }
}
