//! `hoso declaration <procedure-id> <answers.json> -o <form.pdf> [--html] [--today …] [--lang …]`:
//! the official form(s) filled in from the answers, as the package prints them, without making a
//! package. A procedure with two forms writes `<form>-1.pdf` and `<form>-2.pdf`.

use super::{fail, Args, Outcome};
use crate::engine::declaration::{self, Stamp};
use crate::engine::package::{made_date, GENERATOR};
use crate::engine::pdf::BUNDLED_FONTS;
use crate::engine::summary;
use crate::engine::text::Lang;
use crate::engine::units::AdminUnits;
use lexopt::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

struct Options {
    procedure: String,
    answers: String,
    out: String,
    html: bool,
    today: Option<crate::engine::date::Date>,
    lang: Lang,
}

fn parse(args: &[String]) -> Result<Options, Outcome> {
    let mut a = Args::new("declaration", args);
    let (mut out, mut html, mut today, mut lang) = (None, false, None, Lang::default());
    let mut positional = Vec::new();
    while let Some(arg) = a.next()? {
        match arg {
            Short('o') | Long("output") => out = Some(a.value("-o needs a file name")?),
            Long("html") => html = true,
            Long("today") => today = Some(a.today()?),
            Long("lang") => lang = a.lang()?,
            Value(v) => positional.push(a.positional(v)?),
            other => {
                let e = other.unexpected();
                return Err(a.refuse(e));
            }
        }
    }
    match (out, <[String; 2]>::try_from(positional)) {
        (Some(out), Ok([procedure, answers])) => Ok(Options {
            procedure,
            answers,
            out,
            html,
            today,
            lang,
        }),
        _ => Err(fail(2, super::command_usage("declaration"))),
    }
}

/// Where the n-th of `count` forms goes: the name given, or `<stem>-<n>.<ext>` for several.
fn out_path(out: &str, n: usize, count: usize) -> String {
    if count == 1 {
        return out.to_string();
    }
    let p = Path::new(out);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("to-khai");
    let ext = p.extension().and_then(|s| s.to_str()).unwrap_or("pdf");
    p.with_file_name(format!("{stem}-{n}.{ext}"))
        .to_string_lossy()
        .into_owned()
}

pub fn run(args: &[String]) -> Outcome {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let (p, answers, out) = match super::validated(&o.procedure, &o.answers, o.today) {
        Ok(x) => x,
        Err(e) => return e,
    };
    if !out.is_valid() {
        let mut s = String::new();
        for i in out.errors() {
            let _ = writeln!(s, "error   {:<22}{}", i.field, i.message.get(o.lang));
        }
        return super::problems(s);
    }
    let units = AdminUnits::bundled();
    let sections = summary::sections(p, &answers, &out, Some(units));
    let made = made_date(super::now());
    let forms = declaration::filled(p, &out.canonical, &sections, Some(units), made);
    let stamp = Stamp {
        reference: "",
        package_id: "",
        procedure: &p.name.vi,
        code: p
            .national_codes
            .first()
            .map(String::as_str)
            .unwrap_or_default(),
        generator: GENERATOR,
    };
    let mut report = String::new();
    for (i, f) in forms.iter().enumerate() {
        let bytes = if o.html {
            declaration::html(f, &stamp).into_bytes()
        } else {
            match declaration::pdf(f, &stamp, BUNDLED_FONTS) {
                Ok(b) => b,
                Err(e) => return fail(2, e),
            }
        };
        let path = out_path(&o.out, i + 1, forms.len());
        if let Err(e) = std::fs::write(&path, &bytes) {
            return fail(2, format!("cannot write {path}: {e}"));
        }
        let _ = writeln!(report, "{path}: {} ({} bytes)", f.title, bytes.len());
    }
    super::ok(report)
}
