//! The official forms as data: each declaration (tờ khai) a procedure needs is described line by
//! line in `src/forms/<id>.json` — title, addressee, the labels as printed in the official order,
//! what fills each line, checkboxes, tables, the pledge, the signature blocks, the footnotes — with
//! its legal source and whether its wording was checked against the gazette (`verified`).
//!
//! [`Form::fill`] turns a form and a procedure's canonical answers into a [`Filled`] form: plain
//! Vietnamese strings in the form's order, carried in the package's `answers.json`, from which the
//! printable HTML and the PDF are both rendered (`engine::declaration`). Nothing here is specific
//! to one procedure.

use super::catalog::{Answers, Cond, Procedure};
use super::date::Date;
use super::text::{I18n, Lang};
use super::units::AdminUnits;
use super::validate::display_value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a form's wording comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSource {
    /// The legal text that issues the form: circular, annex, form number.
    pub legal: String,
    /// Checked word for word against the official publication.
    pub verified: bool,
    /// Where the wording was taken from, when not verified (said on the printout).
    #[serde(default)]
    pub wording: String,
}

/// What fills a line of a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Value {
    /// A field's answer as it reads (dates dd/mm/yyyy, choices by their label, places with their
    /// province).
    Field(String),
    /// The year of a date field.
    Year(String),
    /// A date field in Vietnamese words ("Ngày một tháng mười một năm …").
    Words(String),
    /// A field's answer in capitals (names the form asks "bằng chữ in hoa").
    Upper(String),
    /// Fixed text.
    Text(String),
    /// An address: the detail field (house number, street or hamlet), then the commune of the
    /// place field with its province.
    Address(String, String),
    /// The value for the answer of `on` (`cases`), else `other`.
    Switch {
        on: String,
        cases: BTreeMap<String, Value>,
        #[serde(default)]
        other: Option<Box<Value>>,
    },
    /// The values that are not empty, joined by `sep`.
    Join(Vec<Value>, String),
}

/// One labelled blank on a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub label: String,
    /// The footnote marker printed after the label, e.g. (2).
    #[serde(default)]
    pub note: Option<u8>,
    pub value: Value,
}

/// A column of a table: its heading and what fills it in each row (a field of the group's rows).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub title: String,
    /// The row's field (`<group>.<n>.<field>` in the answers), or empty for the row number.
    #[serde(default)]
    pub field: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Labelled blanks on one line.
    Line(Vec<Part>),
    /// A fixed sentence of the form.
    Text { text: String, bold: bool },
    /// A heading inside the form ("Người giám hộ:").
    Heading(String),
    /// A table whose rows are a repeating group of the procedure.
    Table {
        label: String,
        group: String,
        columns: Vec<Column>,
        /// Empty rows printed when there are fewer answers, as the official form shows.
        min_rows: u8,
    },
    /// A checkbox choice: "Có □ Không □" style, ticking the option that holds.
    Checkbox {
        label: String,
        note: Option<u8>,
        options: Vec<CheckOption>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckOption {
    pub label: String,
    /// Ticked when this holds.
    pub when: Cond,
}

/// In JSON a block is one object with its kind's key (`line`, `text`, `heading`, `table`,
/// `checkbox`) and an optional `when`; it goes through [`RawBlock`] (the compact encoding of the
/// browser cannot read a flattened map).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawBlock", into = "RawBlock")]
pub struct Block {
    pub kind: BlockKind,
    /// Printed only when this holds (else left out, as a person filling the form by hand would).
    pub when: Option<Cond>,
}

/// The JSON shape of a [`Block`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    #[serde(default)]
    line: Option<Vec<Part>>,
    #[serde(default)]
    text: Option<TextBlock>,
    #[serde(default)]
    heading: Option<String>,
    #[serde(default)]
    table: Option<TableBlock>,
    #[serde(default)]
    checkbox: Option<CheckboxBlock>,
    #[serde(default)]
    when: Option<Cond>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextBlock {
    text: String,
    #[serde(default)]
    bold: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableBlock {
    label: String,
    group: String,
    columns: Vec<Column>,
    #[serde(default)]
    min_rows: u8,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckboxBlock {
    label: String,
    #[serde(default)]
    note: Option<u8>,
    options: Vec<CheckOption>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;
    fn try_from(r: RawBlock) -> Result<Block, String> {
        let kinds = [
            r.line.is_some(),
            r.text.is_some(),
            r.heading.is_some(),
            r.table.is_some(),
            r.checkbox.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err("a block has exactly one of line, text, heading, table, checkbox".into());
        }
        let kind = if let Some(parts) = r.line {
            BlockKind::Line(parts)
        } else if let Some(t) = r.text {
            BlockKind::Text {
                text: t.text,
                bold: t.bold,
            }
        } else if let Some(h) = r.heading {
            BlockKind::Heading(h)
        } else if let Some(t) = r.table {
            BlockKind::Table {
                label: t.label,
                group: t.group,
                columns: t.columns,
                min_rows: t.min_rows,
            }
        } else {
            let c = r.checkbox.expect("one kind is set");
            BlockKind::Checkbox {
                label: c.label,
                note: c.note,
                options: c.options,
            }
        };
        Ok(Block { kind, when: r.when })
    }
}

impl From<Block> for RawBlock {
    fn from(b: Block) -> RawBlock {
        let mut r = RawBlock {
            when: b.when,
            ..RawBlock::default()
        };
        match b.kind {
            BlockKind::Line(parts) => r.line = Some(parts),
            BlockKind::Text { text, bold } => r.text = Some(TextBlock { text, bold }),
            BlockKind::Heading(h) => r.heading = Some(h),
            BlockKind::Table {
                label,
                group,
                columns,
                min_rows,
            } => {
                r.table = Some(TableBlock {
                    label,
                    group,
                    columns,
                    min_rows,
                })
            }
            BlockKind::Checkbox {
                label,
                note,
                options,
            } => {
                r.checkbox = Some(CheckboxBlock {
                    label,
                    note,
                    options,
                })
            }
        }
        r
    }
}

/// A signature block: the title ("Người yêu cầu", "Bên nữ", "Ý KIẾN CỦA CHỦ HỘ"), the caption
/// under it, and the name printed for the signer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub title: String,
    #[serde(default)]
    pub note: Option<u8>,
    #[serde(default)]
    pub caption: String,
    #[serde(default)]
    pub name: Option<Value>,
    /// Its own "…, ngày … tháng … năm …" line above the title (CT01's blocks).
    #[serde(default)]
    pub dated: bool,
    #[serde(default)]
    pub when: Option<Cond>,
}

/// "Đề nghị cấp bản sao: Có □ Không □, số lượng … bản" from a count field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Copies {
    pub label: String,
    #[serde(default)]
    pub note: Option<u8>,
    pub field: String,
}

/// Who receives the form: "Kính gửi: Ủy ban nhân dân xã/phường …" from the place field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    #[serde(default)]
    pub note: Option<u8>,
    /// The authority before the commune's name: "Ủy ban nhân dân", "Công an", …
    pub authority: String,
    pub field: String,
}

/// A procedure's form definitions as its compact file carries them: encoded on their own (postcard
/// bytes inside the procedure's), so that only the code that prints forms decodes them — in the
/// browser the package builder, a lazy part of the wasm — and no page's first load carries the
/// decoder of [`Form`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormDefs(Vec<u8>);

impl FormDefs {
    pub fn new(forms: &[Form]) -> FormDefs {
        match forms.is_empty() {
            true => FormDefs(Vec::new()),
            false => FormDefs(postcard::to_allocvec(forms).unwrap_or_default()),
        }
    }

    /// The forms, in the procedure's order (none if the bytes do not decode, which
    /// `Procedure::lint` reports).
    pub fn decode(&self) -> Vec<Form> {
        match self.0.is_empty() {
            true => Vec::new(),
            false => postcard::from_bytes(&self.0).unwrap_or_default(),
        }
    }
}

impl Serialize for FormDefs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for FormDefs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FormDefs, D::Error> {
        struct Bytes;
        impl<'de> serde::de::Visitor<'de> for Bytes {
            type Value = FormDefs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<FormDefs, E> {
                Ok(FormDefs(v.to_vec()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<FormDefs, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = a.next_element()? {
                    out.push(b);
                }
                Ok(FormDefs(out))
            }
        }
        d.deserialize_bytes(Bytes)
    }
}

/// A form, as `src/forms/<id>.json` describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    pub id: String,
    /// The title as printed (capitals).
    pub title: String,
    /// Small print at the top right (form number, issuing circular).
    #[serde(default)]
    pub corner: Vec<String>,
    /// The place and date line stands under the heading, not above the signature (Mẫu số 1).
    #[serde(default)]
    pub date_at_top: bool,
    #[serde(default)]
    pub addressee: Option<Addressee>,
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub pledge: Vec<String>,
    /// "Làm tại:" before the place (empty: the line starts with the place).
    #[serde(default)]
    pub place_label: String,
    pub signatures: Vec<Signature>,
    #[serde(default)]
    pub copies: Option<Copies>,
    #[serde(default)]
    pub footnotes: Vec<String>,
    pub source: FormSource,
    /// The form is used only when this holds (e.g. CT01 unless the resident chose CT02).
    #[serde(default)]
    pub when: Option<Cond>,
    /// Fields of the procedure's declaration pages that this form does not print, and why (e.g.
    /// a phone number the paper form has no line for). `hoso catalog check` wants every
    /// declaration field printed or listed here.
    #[serde(default)]
    pub not_printed: Vec<String>,
}

/// A line of a filled form: labelled values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilledPart {
    pub label: String,
    pub note: Option<u8>,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilledBlock {
    Line(Vec<FilledPart>),
    Text {
        text: String,
        bold: bool,
    },
    Heading(String),
    Table {
        label: String,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The options with whether each is ticked.
    Checkbox {
        label: String,
        note: Option<u8>,
        options: Vec<(String, bool)>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilledSignature {
    /// "…, ngày … tháng … năm …" above the title, for a dated block.
    pub date_line: Option<String>,
    pub title: String,
    pub note: Option<u8>,
    pub caption: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilledCopies {
    pub label: String,
    pub note: Option<u8>,
    /// How many copies are asked for (0: none, "Không" ticked).
    pub count: u32,
}

/// A form with the resident's answers in it: what the HTML and the PDF print, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filled {
    pub id: String,
    pub title: String,
    pub corner: Vec<String>,
    /// The "Làm tại …, ngày … tháng … năm …" line.
    pub place_date: String,
    pub date_at_top: bool,
    pub addressee: Option<FilledPart>,
    pub blocks: Vec<FilledBlock>,
    pub pledge: Vec<String>,
    pub signatures: Vec<FilledSignature>,
    pub copies: Option<FilledCopies>,
    pub footnotes: Vec<String>,
    pub source: FormSource,
}

/// What filling a form reads: the procedure, its canonical answers, the unit list and the day the
/// form is made (its date line).
pub struct Inputs<'a> {
    pub procedure: &'a Procedure,
    pub answers: &'a Answers,
    pub units: Option<&'a AdminUnits>,
    pub made: Date,
}

impl Inputs<'_> {
    fn display(&self, field: &str) -> String {
        self.answers
            .get(field)
            .map(|v| display_value(self.procedure, field, v, Lang::Vi, self.units))
            .unwrap_or_default()
    }

    fn value(&self, v: &Value) -> String {
        match v {
            Value::Field(f) => self.display(f),
            Value::Year(f) => self
                .answers
                .get(f)
                .and_then(|v| Date::parse_iso(v))
                .map(|d| d.year().to_string())
                .unwrap_or_default(),
            Value::Words(f) => self
                .answers
                .get(f)
                .and_then(|v| Date::parse_iso(v))
                .map(|d| d.in_vietnamese_words())
                .unwrap_or_default(),
            Value::Upper(f) => super::text::upper(&self.display(f)),
            Value::Text(t) => t.clone(),
            Value::Address(detail, commune) => {
                let parts = [self.display(detail), self.display(commune)];
                parts
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            Value::Switch { on, cases, other } => {
                match self
                    .answers
                    .get(on)
                    .and_then(|a| cases.get(a))
                    .or(other.as_deref())
                {
                    Some(v) => self.value(v),
                    None => String::new(),
                }
            }
            // Fixed text joins answers; with no answer at all the line is left blank (no
            // "Số định danh cá nhân" printed without its number).
            Value::Join(vs, sep) => {
                let parts: Vec<(bool, String)> = vs
                    .iter()
                    .map(|v| (matches!(v, Value::Text(_)), self.value(v)))
                    .filter(|(_, s)| !s.trim().is_empty())
                    .collect();
                match parts.iter().all(|(fixed, _)| *fixed) && vs.iter().any(|v| !matches!(v, Value::Text(_))) {
                    true => String::new(),
                    false => parts.into_iter().map(|(_, s)| s).collect::<Vec<_>>().join(sep),
                }
            }
        }
    }

    /// The rows of a repeating group: `<group>.<n>.<field>` answers, n from 1, in order.
    fn rows(&self, group: &str, columns: &[Column]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for n in 1..=super::validate::MAX_GROUP_ROWS {
            let key = |f: &str| format!("{group}.{n}.{f}");
            if !columns
                .iter()
                .any(|c| !c.field.is_empty() && self.answers.contains_key(&key(&c.field)))
            {
                break;
            }
            out.push(
                columns
                    .iter()
                    .map(|c| match c.field.as_str() {
                        "" => n.to_string(),
                        f => self.display(&key(f)),
                    })
                    .collect(),
            );
        }
        out
    }

    /// The place and date line without a label, at the commune that receives the file.
    pub fn place_date_line(&self) -> String {
        self.place_date("", &self.procedure.receiving_field)
    }

    /// "Phường Vỹ Dạ, ngày 22 tháng 11 năm 2026": the commune that receives the file, then the day.
    fn place_date(&self, label: &str, place_field: &str) -> String {
        let place = self
            .answers
            .get(place_field)
            .and_then(|c| self.units?.commune(c))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| "…".into());
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("{label} ")
        };
        format!(
            "{label}{place}, ngày {:02} tháng {:02} năm {}",
            self.made.day(),
            self.made.month(),
            self.made.year()
        )
    }
}

fn holds(c: &Option<Cond>, a: &Answers) -> bool {
    super::catalog::cond_holds(c, a)
}

#[cfg(not(target_arch = "wasm32"))]
mod files {
    include!(concat!(env!("OUT_DIR"), "/forms_files.rs"));
}

impl Form {
    pub fn parse(json: &str) -> Result<Form, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// Every form of `src/forms/` (native builds: the CLI and tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn all() -> &'static [Form] {
        use std::sync::OnceLock;
        static FORMS: OnceLock<Vec<Form>> = OnceLock::new();
        FORMS.get_or_init(|| {
            files::FORM_FILES
                .iter()
                .map(|(id, json)| {
                    let f =
                        Form::parse(json).unwrap_or_else(|e| panic!("src/forms/{id}.json: {e}"));
                    assert_eq!(
                        &f.id, id,
                        "src/forms/{id}.json: the id must be the file name"
                    );
                    f
                })
                .collect()
        })
    }

    /// The form `id` of `src/forms/`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled(id: &str) -> Option<&'static Form> {
        Form::all().iter().find(|f| f.id == id)
    }

    /// The form filled in with `inputs`.
    pub fn fill(&self, i: &Inputs) -> Filled {
        let a = i.answers;
        let part = |p: &Part| FilledPart {
            label: p.label.clone(),
            note: p.note,
            value: i.value(&p.value),
        };
        let blocks = self
            .blocks
            .iter()
            .filter(|b| holds(&b.when, a))
            .map(|b| match &b.kind {
                BlockKind::Line(parts) => FilledBlock::Line(parts.iter().map(part).collect()),
                BlockKind::Text { text, bold } => FilledBlock::Text {
                    text: text.clone(),
                    bold: *bold,
                },
                BlockKind::Heading(h) => FilledBlock::Heading(h.clone()),
                BlockKind::Table {
                    label,
                    group,
                    columns,
                    min_rows,
                } => {
                    let mut rows = i.rows(group, columns);
                    while rows.len() < *min_rows as usize {
                        rows.push(vec![String::new(); columns.len()]);
                    }
                    FilledBlock::Table {
                        label: label.clone(),
                        columns: columns.iter().map(|c| c.title.clone()).collect(),
                        rows,
                    }
                }
                BlockKind::Checkbox {
                    label,
                    note,
                    options,
                } => FilledBlock::Checkbox {
                    label: label.clone(),
                    note: *note,
                    options: options
                        .iter()
                        .map(|o| (o.label.clone(), o.when.holds(a)))
                        .collect(),
                },
            })
            .collect();
        let place_field = self
            .addressee
            .as_ref()
            .map(|ad| ad.field.as_str())
            .unwrap_or(&i.procedure.receiving_field);
        let place_date = i.place_date(&self.place_label, place_field);
        Filled {
            id: self.id.clone(),
            title: self.title.clone(),
            corner: self.corner.clone(),
            date_at_top: self.date_at_top,
            addressee: self.addressee.as_ref().map(|ad| FilledPart {
                label: "Kính gửi:".into(),
                note: ad.note,
                value: {
                    let c = i.display(&ad.field);
                    if c.is_empty() {
                        String::new()
                    } else {
                        format!("{} {c}", ad.authority)
                    }
                },
            }),
            blocks,
            pledge: self.pledge.clone(),
            signatures: self
                .signatures
                .iter()
                .filter(|s| holds(&s.when, a))
                .map(|s| FilledSignature {
                    date_line: s.dated.then(|| i.place_date("", place_field)),
                    title: s.title.clone(),
                    note: s.note,
                    caption: s.caption.clone(),
                    name: s.name.as_ref().map(|v| i.value(v)).unwrap_or_default(),
                })
                .collect(),
            copies: self.copies.as_ref().map(|c| FilledCopies {
                label: c.label.clone(),
                note: c.note,
                count: a
                    .get(&c.field)
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0),
            }),
            footnotes: self.footnotes.clone(),
            source: self.source.clone(),
            place_date,
        }
    }

    /// Every field of the procedure the form reads (values, conditions, tables, copies).
    pub fn fields(&self) -> Vec<String> {
        fn value(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Field(f) | Value::Year(f) | Value::Words(f) | Value::Upper(f) => {
                    out.push(f.clone())
                }
                Value::Text(_) => {}
                Value::Address(a, b) => out.extend([a.clone(), b.clone()]),
                Value::Switch { on, cases, other } => {
                    out.push(on.clone());
                    cases.values().for_each(|c| value(c, out));
                    if let Some(o) = other {
                        value(o, out);
                    }
                }
                Value::Join(vs, _) => vs.iter().for_each(|x| value(x, out)),
            }
        }
        let mut out = Vec::new();
        for b in &self.blocks {
            if let Some(c) = &b.when {
                c.fields(&mut out);
            }
            match &b.kind {
                BlockKind::Line(parts) => parts.iter().for_each(|p| value(&p.value, &mut out)),
                BlockKind::Table { group, .. } => out.push(group.clone()),
                BlockKind::Checkbox { options, .. } => {
                    options.iter().for_each(|o| o.when.fields(&mut out))
                }
                BlockKind::Text { .. } | BlockKind::Heading(_) => {}
            }
        }
        for s in &self.signatures {
            if let Some(v) = &s.name {
                value(v, &mut out);
            }
            if let Some(c) = &s.when {
                c.fields(&mut out);
            }
        }
        if let Some(c) = &self.copies {
            out.push(c.field.clone());
        }
        if let Some(a) = &self.addressee {
            out.push(a.field.clone());
        }
        if let Some(c) = &self.when {
            c.fields(&mut out);
        }
        out.sort();
        out.dedup();
        out
    }

    /// What is wrong with the form for procedure `p`: fields it reads that `p` lacks, a missing
    /// source, declaration fields printed nowhere (and not listed in `not_printed`).
    pub fn lint(&self, p: &Procedure) -> Vec<String> {
        let mut out = Vec::new();
        let known = |f: &str| p.field(f).is_some();
        for f in self.fields() {
            if !known(&f) {
                out.push(format!(
                    "form {}: field {f} does not exist in {}",
                    self.id, p.id
                ));
            }
        }
        if self.source.legal.trim().is_empty() {
            out.push(format!("form {}: no legal source", self.id));
        }
        if !self.source.verified && self.source.wording.trim().is_empty() {
            out.push(format!(
                "form {}: not verified, and no word on where its wording comes from",
                self.id
            ));
        }
        for f in &self.not_printed {
            if !known(f) {
                out.push(format!(
                    "form {}: not_printed names {f}, which {} does not have",
                    self.id, p.id
                ));
            }
        }
        out
    }
}

/// Every field of `p`'s declaration pages that none of its forms prints or lists as not printed.
pub fn unprinted(p: &Procedure, forms: &[Form]) -> Vec<String> {
    let mut printed: Vec<String> = Vec::new();
    for f in forms {
        printed.extend(f.fields());
        printed.extend(f.not_printed.iter().cloned());
    }
    p.pages
        .iter()
        .filter(|pg| pg.kind == super::catalog::PageKind::Form)
        .flat_map(|pg| pg.fields.iter())
        .filter(|f| {
            !printed.contains(f) && !printed.iter().any(|g| f.starts_with(&format!("{g}.")))
        })
        .cloned()
        .collect()
}

/// The title of the plain summary a package carries when its procedure has no declaration.
pub fn summary_title(p: &Procedure) -> I18n {
    super::text::fill(
        super::msg::SUMMARY_TITLE,
        &[("procedure", (&p.name).into())],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    fn birth() -> (&'static Procedure, Form) {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        (p, Form::bundled("tt04-khai-sinh").unwrap().clone())
    }

    #[test]
    fn the_birth_form_is_sound_and_prints_every_declaration_field() {
        let (p, f) = birth();
        assert_eq!(f.lint(p), Vec::<String>::new());
        assert_eq!(unprinted(p, &[f]), Vec::<String>::new());
    }

    #[test]
    fn lint_flags_an_unknown_field_a_missing_source_and_an_unprinted_field() {
        let (p, mut f) = birth();
        f.blocks.push(Block {
            kind: BlockKind::Line(vec![Part {
                label: "X:".into(),
                note: None,
                value: Value::Field("khong_co".into()),
            }]),
            when: None,
        });
        f.source.legal.clear();
        f.source.verified = false;
        f.source.wording.clear();
        let found = f.lint(p).join("\n");
        assert!(found.contains("field khong_co does not exist"), "{found}");
        assert!(found.contains("no legal source"), "{found}");
        assert!(found.contains("no word on where its wording comes from"), "{found}");
        // A declaration field the form no longer prints.
        let (_, mut g) = birth();
        g.blocks.retain(|b| !matches!(&b.kind, BlockKind::Line(parts) if parts.iter().any(|x| x.label.starts_with("Quê quán"))));
        assert_eq!(unprinted(p, &[g]), vec!["tre_que_quan".to_string()]);
    }

    #[test]
    fn a_label_joined_to_an_unanswered_field_is_left_blank() {
        let (p, f) = birth();
        let mut answers = p.sample_answers.clone();
        let id_line = |answers: &Answers| {
            let inputs = Inputs { procedure: p, answers, units: None, made: Date::from_ymd(2026, 11, 22).unwrap() };
            let filled = f.fill(&inputs);
            let lines: Vec<String> = filled
                .blocks
                .iter()
                .filter_map(|b| match b {
                    FilledBlock::Line(parts) => Some(parts.iter().map(|x| x.value.clone()).collect::<Vec<_>>().join("|")),
                    _ => None,
                })
                .collect();
            lines
        };
        answers.insert("cha_so_dinh_danh".into(), "046092000456".into());
        assert!(id_line(&answers).iter().any(|l| l == "Số định danh cá nhân 046092000456"));
        answers.remove("cha_so_dinh_danh");
        assert!(!id_line(&answers).iter().any(|l| l.contains("Số định danh cá nhân") && !l.contains("046")));
    }

    #[test]
    fn forms_survive_the_compact_encoding() {
        let (_, f) = birth();
        let defs = FormDefs::new(std::slice::from_ref(&f));
        assert_eq!(defs.decode(), vec![f]);
        assert!(FormDefs::new(&[]).decode().is_empty());
    }
}
