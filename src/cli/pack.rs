//! `hoso pack <procedure-id> <answers.json> [--attach <document-id>=<file> …] -o <out.zip>
//! [--created-at …] [--today …] [--lang …]`: builds a package with the browser's code.

use super::{fail, Args, Outcome};
use crate::engine::catalog::Catalog;
use crate::engine::date::Timestamp;
use crate::engine::package::{self, Attachment, BuildInput};
use crate::engine::text::Lang;
use crate::engine::units::AdminUnits;
use lexopt::prelude::*;
use std::fmt::Write as _;

struct Options {
    procedure: String,
    answers: String,
    /// `--attach <document-id>=<file>`, in order.
    attach: Vec<(String, String)>,
    out: String,
    /// For reproducible packages.
    created_at: Option<Timestamp>,
    today: Option<crate::engine::date::Date>,
    lang: Lang,
}

fn parse(args: &[String]) -> Result<Options, Outcome> {
    let mut a = Args::new("pack", args);
    let (mut attach, mut out, mut created_at, mut today, mut lang) =
        (Vec::new(), None, None, None, Lang::default());
    let mut positional = Vec::new();
    while let Some(arg) = a.next()? {
        match arg {
            Long("attach") => {
                let v = a.value("--attach needs <document-id>=<file>")?;
                let (doc, file) = v
                    .split_once('=')
                    .ok_or_else(|| fail(2, format!("--attach {v}: use <document-id>=<file>")))?;
                attach.push((doc.to_string(), file.to_string()));
            }
            Short('o') | Long("output") => out = Some(a.value("-o needs a file name")?),
            Long("created-at") => {
                let v = a.value("--created-at needs a time like 2026-11-23T03:04:05Z")?;
                created_at = Some(Timestamp::parse_rfc3339(&v).ok_or_else(|| {
                    fail(2, format!("--created-at {v}: use 2026-11-23T03:04:05Z"))
                })?);
            }
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
            attach,
            out,
            created_at,
            today,
            lang,
        }),
        _ => Err(fail(2, super::command_usage("pack"))),
    }
}

pub fn run(args: &[String]) -> Outcome {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => return e,
    };
    let cat = Catalog::bundled();
    let p = match super::procedure(cat, &o.procedure) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let answers = match super::read_answers(&o.answers) {
        Ok(a) => a,
        Err(e) => return e,
    };
    let mut attachments = Vec::new();
    for (doc, file) in &o.attach {
        let bytes = match super::read_limited(
            file,
            crate::engine::media::MAX_FILE_BYTES,
            "an attachment",
        ) {
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
            bytes: bytes.into(),
        });
    }
    let input = BuildInput {
        procedure: p,
        catalog_version: &cat.version,
        answers: &answers,
        attachments: &attachments,
        created_at: o.created_at.unwrap_or_else(super::now),
        today: o.today.unwrap_or_else(super::today_vn),
        lang: o.lang,
        units: AdminUnits::bundled(),
        fonts: crate::engine::pdf::BUNDLED_FONTS,
        digests: None,
    };
    match package::build(&input) {
        Ok(built) => match std::fs::File::create(&o.out)
            .and_then(|f| built.zip.write_to(&mut std::io::BufWriter::new(f)))
        {
            Ok(()) => super::ok(format!(
                "{}: {} bytes, {} files, reference {}\n",
                o.out,
                built.zip.len(),
                built.manifest.files.len(),
                built.manifest.reference
            )),
            Err(e) => fail(2, format!("cannot write {}: {e}", o.out)),
        },
        Err(e) => {
            let mut s = String::new();
            for m in &e.0 {
                let _ = writeln!(s, "error   {}", m.get(o.lang));
            }
            super::problems(s)
        }
    }
}
