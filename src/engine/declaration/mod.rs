//! The printed declaration: each filled official form (`engine::form`) as a print-ready HTML page
//! and as an A4 PDF, both rendered from the same `Filled` data that the package's `answers.json`
//! carries, so a reader can render them again and compare. A procedure without a declaration gets
//! a plain summary of the answers instead, titled as what it is.
//!
//! Every printout says where its wording comes from: "theo mẫu …" only for a form whose text was
//! checked against the official publication, otherwise the secondary source and a request to
//! compare with the form at the centre.

mod html;
mod pdf;

pub use html::html;
pub use pdf::pdf;

use super::catalog::{Answers, Procedure};
use super::date::Date;
use super::form::{Filled, FilledBlock, FilledPart, FormSource, Inputs};
use super::summary::Section;
use super::units::AdminUnits;

/// What the printout says about the package it comes from (its footer and QR code).
pub struct Stamp<'a> {
    pub reference: &'a str,
    pub package_id: &'a str,
    /// The procedure's Vietnamese name and national code.
    pub procedure: &'a str,
    pub code: &'a str,
    pub generator: &'a str,
}

impl Stamp<'_> {
    /// The footer: which package, which procedure, where the form's wording comes from.
    pub fn footer(&self, source: &FormSource) -> String {
        let origin = if source.legal.is_empty() {
            "Đây là bản tóm tắt câu trả lời, không phải tờ khai theo mẫu.".to_string()
        } else if source.verified {
            format!("Theo mẫu {}.", source.legal)
        } else {
            format!(
                "Trình bày theo {}; lời văn lấy từ {}, chưa được đối chiếu với văn bản gốc: hãy đối chiếu với mẫu tại nơi nộp.",
                source.legal, source.wording
            )
        };
        if self.reference.is_empty() {
            return format!(
                "Bản in do {} tạo từ câu trả lời, thủ tục {} – mã {}, không kèm gói hồ sơ. {origin}",
                self.generator, self.procedure, self.code
            );
        }
        format!(
            "Bản in từ gói hồ sơ {} (mã gói {}), thủ tục {} – mã {}, do {} tạo. {origin} Cán bộ kiểm tra gói bằng mã QR hoặc lệnh hoso verify.",
            self.reference, self.package_id, self.procedure, self.code, self.generator
        )
    }
}

/// A package's QR code text: format, short reference and package id (none without a package).
pub fn qr_text(stamp: &Stamp) -> Option<String> {
    (!stamp.reference.is_empty())
        .then(|| super::qr::package_payload(stamp.reference, stamp.package_id))
}

/// The file name of a printed form in the package (`to-khai/1-<form id>.pdf`).
pub fn path(n: usize, filled: &Filled, ext: &str) -> String {
    format!("{DIR}/{n}-{}.{ext}", filled.id)
}

/// The id of the plain summary printed for a procedure with no form.
pub const SUMMARY_ID: &str = "tom-tat";

/// Where the printed forms sit in a package.
pub const DIR: &str = "to-khai";

/// The forms of `p` that apply to the canonical `answers`, filled in, or the plain summary
/// (from `sections`) when none applies; `made` is the day they are dated.
pub fn filled(
    p: &Procedure,
    answers: &Answers,
    sections: &[Section],
    units: Option<&AdminUnits>,
    made: Date,
) -> Vec<Filled> {
    let inputs = Inputs {
        procedure: p,
        answers,
        units,
        made,
    };
    let mut forms: Vec<Filled> = p
        .form_defs
        .decode()
        .iter()
        .filter(|f| super::catalog::cond_holds(&f.when, answers))
        .map(|f| f.fill(&inputs))
        .collect();
    if forms.is_empty() {
        let title = super::form::summary_title(p).vi;
        forms.push(summary(&title, sections, inputs.place_date_line()));
    }
    forms
}

/// A plain summary in place of a declaration, for a procedure that has none: the answers of
/// each page, titled as what it is.
pub fn summary(title: &str, sections: &[Section], place_date: String) -> Filled {
    let mut blocks = Vec::new();
    for s in sections.iter().filter(|s| s.answered().next().is_some()) {
        blocks.push(FilledBlock::Heading(s.title.vi.clone()));
        for r in s.answered() {
            blocks.push(FilledBlock::Line(vec![FilledPart {
                label: format!("{}:", r.label.vi),
                note: None,
                value: r.value.as_ref().map(|v| v.vi.clone()).unwrap_or_default(),
            }]));
        }
    }
    Filled {
        id: SUMMARY_ID.into(),
        title: super::text::upper(title),
        corner: Vec::new(),
        place_date,
        date_at_top: true,
        addressee: None,
        blocks,
        pledge: Vec::new(),
        signatures: Vec::new(),
        copies: None,
        footnotes: Vec::new(),
        source: FormSource {
            legal: String::new(),
            verified: false,
            wording: String::new(),
        },
    }
}

/// "(1)" after a label with a footnote marker.
fn marked(label: &str, note: Option<u8>) -> String {
    match note {
        Some(n) => format!("{label} ({n})"),
        None => label.to_string(),
    }
}

/// An empty blank on the printout: dots to write on by hand.
const BLANK: &str = "……………………";

/// A value, or the dots of a blank.
fn or_blank(v: &str) -> &str {
    if v.trim().is_empty() {
        BLANK
    } else {
        v
    }
}

/// "Có ☒ Không ☐, số lượng: 2 bản" for the copies line.
fn copies_text(count: u32) -> (bool, String) {
    (
        count > 0,
        if count > 0 {
            format!("Số lượng: {count} bản")
        } else {
            "Số lượng: …… bản".into()
        },
    )
}
