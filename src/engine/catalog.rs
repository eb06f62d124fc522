//! The catalog: procedures as data. A procedure lists its facts (deadline, fee, processing time,
//! each with a source and whether it is verified), the pages of its journey, its fields, the
//! documents with the conditions under which each applies, and cross-field rules.
//!
//! Nothing here is specific to one procedure: adding a procedure is adding a JSON file under
//! `src/catalog/` (see `docs/catalog.md`).

use super::text::I18n;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Raw answers as typed or chosen, keyed by field id.
pub type Answers = BTreeMap<String, String>;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Version of the catalog data; recorded in every package.
    pub version: String,
    pub procedures: Vec<Procedure>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// URL-safe id, e.g. "khai-sinh".
    pub id: String,
    /// National procedure code(s) on the public service portal, e.g. "1.001193".
    pub national_codes: Vec<String>,
    pub name: I18n,
    /// One sentence: what the procedure is for.
    pub summary: I18n,
    /// Field of administration (civil status, residence, …).
    pub area: I18n,
    /// Executing agency.
    pub agency: I18n,
    /// Who may file.
    pub who_may_file: I18n,
    /// Deadline, fee, processing time, channels …
    pub facts: Vec<Fact>,
    /// Legal basis, as cited by the national portal.
    pub legal_basis: Vec<String>,
    /// ISO date from which these rules apply.
    pub effective_from: String,
    pub sources: Vec<Source>,
    /// What to do after downloading the package.
    pub next_steps: Vec<I18n>,
    /// The place field naming the commune that receives the file.
    pub receiving_field: String,
    /// How it may be filed (the `channels` fact says so, with its source), in the order offered.
    pub routes: Vec<super::route::Route>,
    pub pages: Vec<Page>,
    pub fields: Vec<Field>,
    pub documents: Vec<Document>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Answers that must validate without errors (checked by tests).
    #[serde(default)]
    pub sample_answers: Answers,
    /// Life events this procedure belongs to (ids listed in `catalog.json`), for the start page.
    #[serde(default)]
    pub life_events: Vec<String>,
    /// Field of administration (an id listed in `catalog.json`: civil-status, residence …).
    #[serde(default)]
    pub domain: String,
    /// The people of the journey, so that a person entered once is offered again.
    #[serde(default)]
    pub persons: Vec<Person>,
    /// The official forms the procedure's declaration is printed on (ids of `src/forms/`), in
    /// order; none when it has no declaration (the package then carries a plain summary).
    #[serde(default)]
    pub forms: Vec<String>,
    /// Those forms' definitions: attached when the procedure file is read natively
    /// ([`Procedure::parse`]) and carried, encoded apart, in the compact file the browser loads.
    #[serde(default)]
    pub form_defs: super::form::FormDefs,
}

/// A person of the journey (requester, mother, spouse …) and which field holds each of their
/// details (`role` → field id). Roles: see [`PERSON_ROLES`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub label: I18n,
    pub fields: BTreeMap<String, String>,
    /// The other people of the journey this person may be (the person registering may be the
    /// mother or the father; a bride is never the groom). Symmetric: listing it on one side is
    /// enough.
    #[serde(default)]
    pub may_be: Vec<String>,
}

/// Person roles and the field type each needs.
pub const PERSON_ROLES: [(&str, &str); 11] = [
    ("full_name", "full_name"),
    ("birth_date", "date"),
    ("sex", "sex"),
    ("personal_id", "personal_id"),
    ("passport", "passport"),
    ("ethnicity", "ethnicity"),
    ("nationality", "nationality"),
    ("residence", "place"),
    ("address", "text"),
    ("phone", "phone"),
    ("email", "email"),
];

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub label: I18n,
    pub value: I18n,
    /// False: shown as "confirm at the centre", never as official.
    pub verified: bool,
    /// Id of an entry in the procedure's `sources`.
    pub source: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// A question that shapes the checklist (one thing per page).
    Question,
    /// Part of the declaration (tờ khai).
    Form,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub kind: PageKind,
    pub title: I18n,
    #[serde(default)]
    pub intro: Option<I18n>,
    #[serde(default)]
    pub when: Option<Cond>,
    /// False: the field list could not be checked against the official form.
    #[serde(default = "yes")]
    pub verified: bool,
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: I18n,
    #[serde(default)]
    pub hint: Option<I18n>,
}

/// The type of a field decides its widget, its validator and its canonical form.
#[derive(Clone, Debug)]
pub enum FieldKind {
    FullName,
    Date {
        allow_future: bool,
        /// A year alone is an answer too ("1990"), as a form asking "Năm sinh" accepts.
        allow_year: bool,
    },
    Sex,
    Ethnicity,
    Nationality,
    /// A commune/ward/special zone of the 2025 list; stored as its 5-digit code.
    Place,
    PersonalId {
        /// Field holding the holder's sex, or …
        sex_field: Option<String>,
        /// … the sex known from the role (a mother is "nu").
        sex: Option<String>,
        birth_date_field: Option<String>,
    },
    Phone,
    Email,
    /// Tax code: 10 digits with check digit, 13 digits, or a 12-digit personal number.
    TaxCode,
    Passport,
    Integer {
        min: i64,
        max: i64,
    },
    /// A number with at most one decimal (floor area in m² …), bounds in whole units.
    Decimal {
        min: i64,
        max: i64,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    Text {
        max_chars: usize,
    },
    /// A table of rows (people registering together …): each row the `columns`' fields, answered
    /// as `<group id>.<n>.<column id>` with n from 1; at most `max_rows` rows.
    Group {
        columns: Vec<Field>,
        max_rows: u8,
    },
}

impl FieldKind {
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::FullName => "full_name",
            FieldKind::Date { .. } => "date",
            FieldKind::Sex => "sex",
            FieldKind::Ethnicity => "ethnicity",
            FieldKind::Nationality => "nationality",
            FieldKind::Place => "place",
            FieldKind::PersonalId { .. } => "personal_id",
            FieldKind::Phone => "phone",
            FieldKind::Email => "email",
            FieldKind::TaxCode => "tax_code",
            FieldKind::Passport => "passport",
            FieldKind::Integer { .. } => "integer",
            FieldKind::Decimal { .. } => "decimal",
            FieldKind::Choice { .. } => "choice",
            FieldKind::Text { .. } => "text",
            FieldKind::Group { .. } => "group",
        }
    }
}

fn yes() -> bool {
    true
}

/// In JSON a field is one flat object: `{"id", "type", "label", …and the type's parameters}`.
/// It goes through [`RawField`] rather than `#[serde(flatten)]` + an internally tagged enum:
/// same JSON, strict about unknown keys, and far less generated code in the wasm.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "RawField", into = "RawField")]
pub struct Field {
    pub id: String,
    pub kind: FieldKind,
    pub label: I18n,
    #[serde(default)]
    pub hint: Option<I18n>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub when: Option<Cond>,
    /// Pre-filled value (raw form), e.g. "Việt Nam" for nationality.
    #[serde(default)]
    pub default: Option<String>,
}

/// The JSON shape of a [`Field`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub label: I18n,
    #[serde(default)]
    pub hint: Option<I18n>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub when: Option<Cond>,
    #[serde(default)]
    pub default: Option<String>,
    #[serde(default)]
    pub allow_future: bool,
    #[serde(default)]
    pub sex_field: Option<String>,
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub birth_date_field: Option<String>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub max_chars: Option<usize>,
    #[serde(default)]
    pub options: Option<Vec<ChoiceOption>>,
    #[serde(default)]
    pub allow_year: bool,
    #[serde(default)]
    pub columns: Option<Vec<Field>>,
    #[serde(default)]
    pub max_rows: Option<u8>,
}

impl TryFrom<RawField> for Field {
    type Error = String;
    fn try_from(r: RawField) -> Result<Field, String> {
        let need = |what: &str| format!("field {}: type {} needs \"{what}\"", r.id, r.kind);
        let kind = match r.kind.as_str() {
            "full_name" => FieldKind::FullName,
            "date" => FieldKind::Date {
                allow_future: r.allow_future,
                allow_year: r.allow_year,
            },
            "sex" => FieldKind::Sex,
            "ethnicity" => FieldKind::Ethnicity,
            "nationality" => FieldKind::Nationality,
            "place" => FieldKind::Place,
            "personal_id" => FieldKind::PersonalId {
                sex_field: r.sex_field.clone(),
                sex: r.sex.clone(),
                birth_date_field: r.birth_date_field.clone(),
            },
            "phone" => FieldKind::Phone,
            "email" => FieldKind::Email,
            "tax_code" => FieldKind::TaxCode,
            "passport" => FieldKind::Passport,
            "integer" => FieldKind::Integer {
                min: r.min.ok_or_else(|| need("min"))?,
                max: r.max.ok_or_else(|| need("max"))?,
            },
            "decimal" => FieldKind::Decimal {
                min: r.min.ok_or_else(|| need("min"))?,
                max: r.max.ok_or_else(|| need("max"))?,
            },
            "choice" => FieldKind::Choice {
                options: r.options.clone().ok_or_else(|| need("options"))?,
            },
            "text" => FieldKind::Text {
                max_chars: r.max_chars.ok_or_else(|| need("max_chars"))?,
            },
            "group" => FieldKind::Group {
                columns: r.columns.clone().ok_or_else(|| need("columns"))?,
                max_rows: r.max_rows.ok_or_else(|| need("max_rows"))?,
            },
            other => return Err(format!("field {}: unknown type {other}", r.id)),
        };
        Ok(Field {
            id: r.id,
            kind,
            label: r.label,
            hint: r.hint,
            required: r.required,
            when: r.when,
            default: r.default,
        })
    }
}

impl From<Field> for RawField {
    fn from(f: Field) -> RawField {
        let mut r = RawField {
            id: f.id,
            kind: f.kind.name().to_string(),
            label: f.label,
            hint: f.hint,
            required: f.required,
            when: f.when,
            default: f.default,
            ..RawField::default()
        };
        match f.kind {
            FieldKind::Date {
                allow_future,
                allow_year,
            } => (r.allow_future, r.allow_year) = (allow_future, allow_year),
            FieldKind::PersonalId {
                sex_field,
                sex,
                birth_date_field,
            } => (r.sex_field, r.sex, r.birth_date_field) = (sex_field, sex, birth_date_field),
            FieldKind::Integer { min, max } | FieldKind::Decimal { min, max } => {
                (r.min, r.max) = (Some(min), Some(max))
            }
            FieldKind::Choice { options } => r.options = Some(options),
            FieldKind::Text { max_chars } => r.max_chars = Some(max_chars),
            FieldKind::Group { columns, max_rows } => {
                (r.columns, r.max_rows) = (Some(columns), Some(max_rows))
            }
            _ => {}
        }
        r
    }
}

/// A condition over answers, written in JSON as `{"eq": ["field", "value"]}`,
/// `{"in": ["field", ["a", "b"]]}`, `{"same": ["field", "other field"]}` (both answered, and alike),
/// `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    /// The field has an answer.
    Filled(String),
    Eq(String, String),
    In(String, Vec<String>),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// Both fields are answered, with the same answer (the child's ethnicity is the mother's).
    Same(String, String),
}

impl Cond {
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Cond::Filled(f) => answers.get(f).is_some_and(|a| !a.trim().is_empty()),
            Cond::Eq(f, v) => answers.get(f).is_some_and(|a| a == v),
            Cond::In(f, vs) => answers.get(f).is_some_and(|a| vs.iter().any(|v| v == a)),
            Cond::All(cs) => cs.iter().all(|c| c.holds(answers)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(answers)),
            Cond::Not(c) => !c.holds(answers),
            Cond::Same(a, b) => match (answers.get(a), answers.get(b)) {
                (Some(x), Some(y)) => !x.trim().is_empty() && x == y,
                _ => false,
            },
        }
    }

    /// Every field id the condition reads.
    pub fn fields(&self, out: &mut Vec<String>) {
        match self {
            Cond::Filled(f) | Cond::Eq(f, _) | Cond::In(f, _) => out.push(f.clone()),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.fields(out)),
            Cond::Not(c) => c.fields(out),
            Cond::Same(a, b) => out.extend([a.clone(), b.clone()]),
        }
    }
}

/// Whether a label ends with a bracket that says "optional" ("(nếu có)", "(if any)", …).
fn says_optional(label: &str) -> bool {
    const MARKERS: [&str; 5] = [
        "nếu có",
        "không bắt buộc",
        "if any",
        "optional",
        "if applicable",
    ];
    let l = label.trim_end().to_lowercase();
    l.strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
        .is_some_and(|(_, inside)| MARKERS.contains(&inside.trim()))
}

/// What the catalog check says of a text without every language: "text lacks a language (vi, en)".
fn lacks_a_language() -> String {
    let codes: Vec<&str> = super::text::Lang::ALL.iter().map(|l| l.code()).collect();
    format!("text lacks a language ({})", codes.join(", "))
}

pub fn cond_holds(c: &Option<Cond>, answers: &Answers) -> bool {
    c.as_ref().is_none_or(|c| c.holds(answers))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocForm {
    Original,
    Copy,
    OriginalOrCopy,
    /// Produced by hoso from the answers (the declaration).
    Generated,
    /// A photo or scan (online: "bản chụp" or an electronic copy).
    Scan,
    /// A certified copy (by post, in place of what the counter would ask to see).
    CertifiedCopy,
}

impl DocForm {
    pub fn label(self) -> I18n {
        match self {
            DocForm::Original => crate::engine::msg::DOC_ORIGINAL.into(),
            DocForm::Copy => crate::engine::msg::DOC_COPY.into(),
            DocForm::OriginalOrCopy => crate::engine::msg::DOC_ORIGINAL_OR_COPY.into(),
            DocForm::Generated => crate::engine::msg::DOC_GENERATED.into(),
            DocForm::Scan => crate::engine::msg::DOC_SCAN.into(),
            DocForm::CertifiedCopy => crate::engine::msg::DOC_CERTIFIED_COPY.into(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocAction {
    /// Submitted; a photo or scan can be attached to the package.
    Submit,
    /// Shown at the centre (or its number given); not attached.
    Show,
    /// Part of the package already (the declaration).
    Generated,
    /// Not needed on this route: the system looks it up (the document's `component` says so).
    LookedUp,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub name: I18n,
    /// Why it is needed.
    pub why: I18n,
    #[serde(default)]
    pub when: Option<Cond>,
    pub form: DocForm,
    pub count: u32,
    pub action: DocAction,
    #[serde(default)]
    pub note: Option<I18n>,
    /// Portal component code, when known (e.g. "000.00.00.G15-KQ004389").
    #[serde(default)]
    pub component: Option<String>,
    /// False: the reference could not confirm this document; shown as "confirm at the centre".
    #[serde(default = "yes")]
    pub verified: bool,
    pub source: String,
    /// What differs on a route (see [`super::route`]); applied by [`Procedure::checklist`].
    #[serde(default)]
    pub routes: super::route::DocRoutes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug)]
pub enum RuleKind {
    /// `earlier` must be a date before `later` (both date fields).
    DateBefore { earlier: String, later: String },
    /// `earlier` must not be after `later` (the same day is fine: born and died the same day).
    DateNotAfter { earlier: String, later: String },
    /// At most `days` days between the date in field `date` and today.
    MaxDaysSince { date: String, days: i64 },
    /// The person born on `birth_date` is at least `years` full years old on the date in `on`
    /// (today when `on` is absent).
    MinAge {
        birth_date: String,
        years: i64,
        on: Option<String>,
    },
    /// `numerator` ÷ `denominator` is at least `min` (floor area per person …).
    MinRatio {
        numerator: String,
        denominator: String,
        min: i64,
    },
    /// The rule's `when` condition must not hold (e.g. a party is currently married).
    Forbidden,
}

impl RuleKind {
    /// The fields the rule reads.
    pub fn fields(&self) -> Vec<&String> {
        match self {
            RuleKind::DateBefore { earlier, later } | RuleKind::DateNotAfter { earlier, later } => {
                vec![earlier, later]
            }
            RuleKind::MaxDaysSince { date, .. } => vec![date],
            RuleKind::MinAge { birth_date, on, .. } => {
                std::iter::once(birth_date).chain(on.iter()).collect()
            }
            RuleKind::MinRatio {
                numerator,
                denominator,
                ..
            } => vec![numerator, denominator],
            RuleKind::Forbidden => vec![],
        }
    }
}

impl Rule {
    /// The field the rule's problem is shown at: its own, unless a field it reads is entered on a
    /// later page — then that one, so the rule fires where the resident enters the second value
    /// and can act on it, not only at the review.
    pub fn shown_at<'a>(&'a self, p: &Procedure) -> &'a str {
        let page = |f: &str| p.pages.iter().position(|pg| pg.fields.iter().any(|x| x == f));
        let own = page(&self.field);
        self.kind
            .fields()
            .into_iter()
            .filter(|f| page(f) > own)
            .max_by_key(|f| page(f))
            .map_or(self.field.as_str(), |f| f.as_str())
    }
}

/// In JSON: `{"id", "type": "date_before", "earlier", "later", …}` (see [`RawRule`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "RawRule", into = "RawRule")]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    pub severity: Severity,
    /// Field the message is shown at.
    pub field: String,
    /// `{value}` (or `{days}`) is replaced by the measured value, `{limit}` by the rule's limit.
    pub message: I18n,
    pub source: String,
    /// The rule applies only when this holds.
    pub when: Option<Cond>,
}

/// The JSON shape of a [`Rule`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub earlier: Option<String>,
    #[serde(default)]
    pub later: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub days: Option<i64>,
    #[serde(default)]
    pub birth_date: Option<String>,
    #[serde(default)]
    pub years: Option<i64>,
    #[serde(default)]
    pub on: Option<String>,
    #[serde(default)]
    pub numerator: Option<String>,
    #[serde(default)]
    pub denominator: Option<String>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub when: Option<Cond>,
    pub severity: Severity,
    pub field: String,
    pub message: I18n,
    pub source: String,
}

impl TryFrom<RawRule> for Rule {
    type Error = String;
    fn try_from(r: RawRule) -> Result<Rule, String> {
        let need = |what: &str| format!("rule {}: type {} needs \"{what}\"", r.id, r.kind);
        let kind = match r.kind.as_str() {
            "date_before" => RuleKind::DateBefore {
                earlier: r.earlier.clone().ok_or_else(|| need("earlier"))?,
                later: r.later.clone().ok_or_else(|| need("later"))?,
            },
            "date_not_after" => RuleKind::DateNotAfter {
                earlier: r.earlier.clone().ok_or_else(|| need("earlier"))?,
                later: r.later.clone().ok_or_else(|| need("later"))?,
            },
            "max_days_since" => RuleKind::MaxDaysSince {
                date: r.date.clone().ok_or_else(|| need("date"))?,
                days: r.days.ok_or_else(|| need("days"))?,
            },
            "min_age" => RuleKind::MinAge {
                birth_date: r.birth_date.clone().ok_or_else(|| need("birth_date"))?,
                years: r.years.ok_or_else(|| need("years"))?,
                on: r.on.clone(),
            },
            "min_ratio" => RuleKind::MinRatio {
                numerator: r.numerator.clone().ok_or_else(|| need("numerator"))?,
                denominator: r.denominator.clone().ok_or_else(|| need("denominator"))?,
                min: r.min.ok_or_else(|| need("min"))?,
            },
            "forbidden" if r.when.is_some() => RuleKind::Forbidden,
            "forbidden" => return Err(need("when")),
            other => return Err(format!("rule {}: unknown type {other}", r.id)),
        };
        Ok(Rule {
            id: r.id,
            kind,
            severity: r.severity,
            field: r.field,
            message: r.message,
            source: r.source,
            when: r.when,
        })
    }
}

impl From<Rule> for RawRule {
    fn from(r: Rule) -> RawRule {
        let mut raw = RawRule {
            id: r.id,
            kind: String::new(),
            earlier: None,
            later: None,
            date: None,
            days: None,
            birth_date: None,
            years: None,
            on: None,
            numerator: None,
            denominator: None,
            min: None,
            when: r.when,
            severity: r.severity,
            field: r.field,
            message: r.message,
            source: r.source,
        };
        raw.kind = match r.kind {
            RuleKind::DateBefore { earlier, later } => {
                (raw.earlier, raw.later) = (Some(earlier), Some(later));
                "date_before"
            }
            RuleKind::DateNotAfter { earlier, later } => {
                (raw.earlier, raw.later) = (Some(earlier), Some(later));
                "date_not_after"
            }
            RuleKind::MaxDaysSince { date, days } => {
                (raw.date, raw.days) = (Some(date), Some(days));
                "max_days_since"
            }
            RuleKind::MinAge {
                birth_date,
                years,
                on,
            } => {
                (raw.birth_date, raw.years, raw.on) = (Some(birth_date), Some(years), on);
                "min_age"
            }
            RuleKind::MinRatio {
                numerator,
                denominator,
                min,
            } => {
                (raw.numerator, raw.denominator, raw.min) =
                    (Some(numerator), Some(denominator), Some(min));
                "min_ratio"
            }
            RuleKind::Forbidden => "forbidden",
        }
        .into();
        raw
    }
}

impl Catalog {
    pub fn parse(json: &str) -> Result<Catalog, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// The whole catalog, every procedure parsed (native builds: the CLI and tests). The browser
    /// loads procedures one at a time instead (see [`CatalogIndex`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> &'static Catalog {
        use std::sync::OnceLock;
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog {
            version: CatalogIndex::bundled().version.clone(),
            procedures: files::PROCEDURE_FILES
                .iter()
                .map(|(id, json)| {
                    Procedure::parse(json).unwrap_or_else(|e| panic!("src/catalog/{id}.json: {e}"))
                })
                .collect(),
        })
    }

    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedures_are_found_without_diacritics() {
        let idx = CatalogIndex::bundled();
        let first = |q: &str| idx.search(q).first().map(|p| p.id.as_str());
        assert_eq!(first("khai tu"), Some("khai-tu"));
        assert_eq!(first("KHAI SINH"), Some("khai-sinh"));
        assert_eq!(first("đăng ký khai sinh"), Some("khai-sinh"));
        assert_eq!(first("death"), Some("khai-tu"));
        assert_eq!(first("1.001193"), Some("khai-sinh"));
        assert!(idx.search("xyzzy").is_empty());
        assert_eq!(idx.search("").len(), idx.procedures.len());
    }

    #[test]
    fn compact_files_are_current_and_decode_to_the_same_procedure() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/catalog");
        let cat = Catalog::bundled();
        for p in &cat.procedures {
            let bytes = p.to_compact();
            let back = Procedure::from_compact(&bytes).unwrap();
            assert_eq!(
                serde_json::to_value(&back).unwrap(),
                serde_json::to_value(p).unwrap(),
                "{}",
                p.id
            );
            let file = dir.join(format!("{}.bin", p.id));
            let committed = std::fs::read(&file).unwrap_or_default();
            assert!(
                committed == bytes,
                "{} is missing or stale: run scripts/data/export-catalog.sh",
                file.display()
            );
        }
        let units = std::fs::read(dir.join("../units-2025.bin")).unwrap_or_default();
        let json = include_str!("../../public/data/units-2025.json");
        assert!(
            units == crate::engine::units::AdminUnits::compact_from_json(json).unwrap(),
            "public/data/units-2025.bin is missing or stale: run scripts/data/export-catalog.sh"
        );
        let u = crate::engine::units::AdminUnits::from_compact(&units).unwrap();
        assert_eq!(
            u.communes.len(),
            crate::engine::units::AdminUnits::bundled().communes.len()
        );
        // No file for a procedure that no longer exists.
        for e in std::fs::read_dir(&dir).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            let id = name.strip_suffix(".bin").unwrap_or(&name);
            assert!(
                cat.procedure(id).is_some(),
                "public/data/catalog/{name} has no procedure in src/catalog"
            );
        }
    }

    #[test]
    fn damaged_compact_files_are_refused_not_misread() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let bytes = p.to_compact();
        assert!(Procedure::from_compact(b"{\"id\": \"khai-sinh\"}").is_err());
        assert!(Procedure::from_compact(&bytes[..bytes.len() / 2]).is_err());
        assert!(Procedure::from_compact(&[]).is_err());
        let mut old = bytes.clone();
        old[15] ^= 1; // the format version in the header
        assert!(Procedure::from_compact(&old).is_err());
    }

    #[test]
    fn the_index_matches_the_procedures() {
        let cat = Catalog::bundled();
        let idx = CatalogIndex::bundled();
        assert_eq!(idx.version, cat.version);
        assert_eq!(idx.procedures.len(), cat.procedures.len());
        for (s, p) in idx.procedures.iter().zip(&cat.procedures) {
            assert_eq!(
                (&s.id, &s.name, &s.national_codes),
                (&p.id, &p.name, &p.national_codes)
            );
        }
    }

    #[test]
    fn one_answer_with_default_agrees_with_all_answers_with_defaults() {
        for p in &Catalog::bundled().procedures {
            let empty = Answers::new();
            for answers in [&p.sample_answers, &empty] {
                let all = p.with_defaults(answers);
                for f in &p.fields {
                    assert_eq!(
                        p.answer_or_default(Some(answers), &f.id),
                        all.get(&f.id).map(String::as_str),
                        "{} {}",
                        p.id,
                        f.id
                    );
                }
                assert!(p
                    .fields
                    .iter()
                    .all(|f| p.answer_or_default(None, &f.id) == f.default.as_deref()));
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod files {
    include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));
}

/// What the start page needs to list and find procedures, without loading them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSummary {
    pub id: String,
    pub national_codes: Vec<String>,
    pub name: I18n,
    pub summary: I18n,
    pub area: I18n,
    #[serde(default)]
    pub life_events: Vec<String>,
    #[serde(default)]
    pub domain: String,
    /// The full-name fields, in page order (`draft::person_fields`): who a draft is about.
    #[serde(default)]
    pub person_fields: Vec<String>,
}

/// A life event or field of administration procedures are grouped by.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub label: I18n,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogIndex {
    pub version: String,
    /// Most common first (the order of `order` in catalog.json).
    pub procedures: Vec<ProcedureSummary>,
    #[serde(default)]
    pub life_events: Vec<Group>,
    #[serde(default)]
    pub domains: Vec<Group>,
}

impl CatalogIndex {
    /// Generated at build time from `src/catalog/` (build.rs) and embedded.
    pub fn bundled() -> &'static CatalogIndex {
        use std::sync::OnceLock;
        static INDEX: OnceLock<CatalogIndex> = OnceLock::new();
        INDEX.get_or_init(|| {
            // Postcard, written by build.rs (no JSON decoding code in the browser for it).
            postcard::from_bytes(include_bytes!(concat!(
                env!("OUT_DIR"),
                "/catalog_index.bin"
            )))
            .expect("build.rs writes a valid index")
        })
    }

    pub fn get(&self, id: &str) -> Option<&ProcedureSummary> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// Procedures grouped by life event (`by_event`) or by field, groups in catalog order,
    /// most common procedure first within each. Empty groups are left out.
    pub fn grouped(&self, by_event: bool) -> Vec<(&Group, Vec<&ProcedureSummary>)> {
        let groups = if by_event {
            &self.life_events
        } else {
            &self.domains
        };
        groups
            .iter()
            .map(|g| {
                let members = self
                    .procedures
                    .iter()
                    .filter(|p| {
                        if by_event {
                            p.life_events.contains(&g.id)
                        } else {
                            p.domain == g.id
                        }
                    })
                    .collect::<Vec<_>>();
                (g, members)
            })
            .filter(|(_, m)| !m.is_empty())
            .collect()
    }

    /// Problems in how a procedure is grouped: life events or domain unknown to catalog.json.
    pub fn lint_groups(&self, p: &Procedure) -> Vec<String> {
        let mut out = Vec::new();
        for e in &p.life_events {
            if !self.life_events.iter().any(|g| &g.id == e) {
                out.push(format!("life event {e} is not listed in catalog.json"));
            }
        }
        if !self.domains.iter().any(|g| g.id == p.domain) {
            out.push(format!("domain {} is not listed in catalog.json", p.domain));
        }
        out
    }

    /// Procedures matching a query, ignoring diacritics and case ("khai tu" finds Đăng ký khai
    /// tử): every query word must start a word of the name (either language), summary, area or
    /// national code. Matches in the Vietnamese name rank first; catalog order otherwise.
    /// An empty query returns everything.
    pub fn search(&self, query: &str) -> Vec<&ProcedureSummary> {
        use super::text::{fold, Lang};
        let q = fold(query);
        let words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        let starts = |hay: &str, w: &str| hay.split(' ').any(|h| h.starts_with(w));
        // Name matches first, then the rest; catalog order within each.
        let (mut first, mut rest_hits): (Vec<&ProcedureSummary>, Vec<&ProcedureSummary>) =
            (Vec::new(), Vec::new());
        for p in &self.procedures {
            // The name in the first language (Vietnamese: the names residents know) ranks first;
            // the name in the other languages, the summary and the area in every language next.
            let first_lang = Lang::default();
            let name = fold(p.name.get(first_lang));
            let mut rest = String::new();
            for lang in Lang::ALL {
                if lang != first_lang {
                    rest.push_str(p.name.get(lang));
                    rest.push(' ');
                }
            }
            for lang in Lang::ALL {
                rest.push_str(p.summary.get(lang));
                rest.push(' ');
                rest.push_str(p.area.get(lang));
                rest.push(' ');
            }
            rest.push_str(&p.national_codes.join(" "));
            let rest = fold(&rest);
            let code_match = |w: &str| p.national_codes.iter().any(|c| c.starts_with(w));
            if words.iter().all(|w| starts(&name, w)) {
                first.push(p);
            } else if words
                .iter()
                .all(|w| starts(&name, w) || starts(&rest, w) || code_match(w))
            {
                rest_hits.push(p);
            }
        }
        first.extend(rest_hits);
        first
    }
}

/// Start of every compact procedure file: a name and a format version, bumped whenever the
/// procedure types change (an old file is then refused rather than misread).
pub const COMPACT_MAGIC: &[u8] = b"hoso-procedure-6\n";

impl Procedure {
    /// Parses one procedure file (natively, with the definitions of the forms it names).
    pub fn parse(json: &str) -> Result<Procedure, String> {
        #[allow(unused_mut)]
        let mut p: Procedure = serde_json::from_str(json).map_err(|e| e.to_string())?;
        p.add_route_question();
        #[cfg(not(target_arch = "wasm32"))]
        {
            let forms: Vec<super::form::Form> = p
                .forms
                .iter()
                .map(|id| {
                    super::form::Form::bundled(id)
                        .cloned()
                        .ok_or_else(|| format!("forms: no form {id} in src/forms/"))
                })
                .collect::<Result<_, _>>()?;
            p.form_defs = super::form::FormDefs::new(&forms);
        }
        Ok(p)
    }

    /// The compact encoding the browser loads (`public/data/catalog/<id>.bin`, written by
    /// `hoso catalog export`): postcard, a few KB, and far less decoding code in the wasm than
    /// JSON (docs/size.md). The JSON file stays the source of truth.
    pub fn to_compact(&self) -> Vec<u8> {
        let mut out = COMPACT_MAGIC.to_vec();
        out.extend(postcard::to_allocvec(self).unwrap_or_default());
        out
    }

    /// Decodes [`Procedure::to_compact`]'s output; refuses other or damaged data.
    pub fn from_compact(bytes: &[u8]) -> Result<Procedure, String> {
        let body = bytes
            .strip_prefix(COMPACT_MAGIC)
            .ok_or("not a hoso procedure file of this version")?;
        postcard::from_bytes(body).map_err(|e| e.to_string())
    }

    /// A field, or the column of a table's cell (`<group>.<n>.<column>`).
    pub fn field_or_cell(&self, id: &str) -> Option<&Field> {
        self.field(id).or_else(|| {
            let mut parts = id.splitn(3, '.');
            let (group, _, column) = (parts.next()?, parts.next()?, parts.next()?);
            match &self.field(group)?.kind {
                FieldKind::Group { columns, .. } => columns.iter().find(|c| c.id == column),
                _ => None,
            }
        })
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    pub fn page_of(&self, field_id: &str) -> Option<&Page> {
        self.pages
            .iter()
            .find(|p| p.fields.iter().any(|f| f == field_id))
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// Pages that apply given the answers so far, in order.
    pub fn active_pages<'a>(&'a self, answers: &Answers) -> std::vec::IntoIter<&'a Page> {
        self.pages
            .iter()
            .filter(|p| cond_holds(&p.when, answers))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// A field applies when its page applies and its own condition holds.
    pub fn field_active(&self, field: &Field, answers: &Answers) -> bool {
        cond_holds(&field.when, answers)
            && self
                .page_of(&field.id)
                .is_some_and(|p| cond_holds(&p.when, answers))
    }

    /// The page after `page_id` among the active ones (None: the questions/declaration are done).
    pub fn next_page<'a>(&'a self, page_id: &str, answers: &Answers) -> Option<&'a Page> {
        let mut seen = false;
        for p in self.active_pages(answers) {
            if seen {
                return Some(p);
            }
            seen = p.id == page_id;
        }
        None
    }

    pub fn prev_page<'a>(&'a self, page_id: &str, answers: &Answers) -> Option<&'a Page> {
        let mut prev = None;
        for p in self.active_pages(answers) {
            if p.id == page_id {
                return prev;
            }
            prev = Some(p);
        }
        None
    }

    /// The documents that apply, in catalog order, as they are on the answers' route.
    pub fn checklist(&self, answers: &Answers) -> Vec<Document> {
        let route = self.route(answers);
        self.documents
            .iter()
            .filter(|d| cond_holds(&d.when, answers))
            .map(|d| d.on(route))
            .collect()
    }

    /// For a page holding fields of a person, the other people of the journey already named,
    /// who might be the same person ("the person registering is the mother"): (from, to).
    /// A person whose name is already the same as `to`'s is not offered again.
    pub fn person_offers<'a>(
        &'a self,
        page_id: &str,
        answers: &Answers,
    ) -> Vec<(&'a Person, &'a Person)> {
        let Some(page) = self.page(page_id) else {
            return Vec::new();
        };
        let name_of = |p: &Person| {
            p.fields
                .get("full_name")
                .and_then(|f| answers.get(f))
                .map(|n| super::text::fold(n))
                .filter(|n| !n.is_empty())
        };
        let mut out: Vec<(&Person, &Person)> = Vec::new();
        for to in &self.persons {
            // Offered where this person's name is asked on this page (not where it is skipped).
            let asks_name = to
                .fields
                .get("full_name")
                .filter(|f| page.fields.contains(f))
                .and_then(|f| self.field(f))
                .is_some_and(|f| self.field_active(f, answers));
            if !asks_name {
                continue;
            }
            let to_name = name_of(to);
            let mut seen: Vec<String> = Vec::new();
            for from in &self.persons {
                if from.id == to.id || from.fields.values().any(|f| page.fields.contains(f)) {
                    continue;
                }
                if !to.may_be.contains(&from.id) && !from.may_be.contains(&to.id) {
                    continue;
                }
                let Some(n) = name_of(from) else { continue };
                if to_name.as_ref() == Some(&n) || seen.contains(&n) {
                    continue;
                }
                // Only people whose page is active (an answer left on a skipped page is stale).
                let active = from
                    .fields
                    .get("full_name")
                    .and_then(|f| self.field(f))
                    .is_some_and(|f| self.field_active(f, answers));
                if active {
                    seen.push(n);
                    out.push((from, to));
                }
            }
        }
        out
    }

    /// `answers` with `from`'s details copied into `to`'s fields of the same roles.
    pub fn copy_person(&self, from: &str, to: &str, answers: &Answers) -> Answers {
        let mut out = answers.clone();
        let (Some(from), Some(to)) = (
            self.persons.iter().find(|p| p.id == from),
            self.persons.iter().find(|p| p.id == to),
        ) else {
            return out;
        };
        for (role, to_field) in &to.fields {
            if let Some(v) = from
                .fields
                .get(role)
                .and_then(|f| answers.get(f))
                .filter(|v| !v.trim().is_empty())
            {
                out.insert(to_field.clone(), v.clone());
            }
        }
        out
    }

    /// One answer with the catalog's default filled in, as [`Self::with_defaults`] gives it,
    /// without copying the other answers (the UI reads one field at a time).
    pub fn answer_or_default<'a>(
        &'a self,
        answers: Option<&'a Answers>,
        field: &str,
    ) -> Option<&'a str> {
        answers
            .and_then(|a| a.get(field))
            .or_else(|| self.field(field).and_then(|f| f.default.as_ref()))
            .map(String::as_str)
    }

    /// Defaults for fields without an answer (used to pre-fill a new journey).
    pub fn with_defaults(&self, answers: &Answers) -> Answers {
        let mut out = answers.clone();
        for f in &self.fields {
            if let Some(d) = &f.default {
                out.entry(f.id.clone()).or_insert_with(|| d.clone());
            }
        }
        out
    }

    /// Problems in the definition itself: unknown field references, missing sources, texts
    /// missing a language. Empty when the procedure is sound.
    pub fn lint(&self) -> Vec<String> {
        let mut out = Vec::new();
        let source_ids: Vec<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let field_ids: Vec<&str> = self.fields.iter().map(|f| f.id.as_str()).collect();
        let mut check_text = |what: String, t: &I18n| {
            if !t.is_complete() {
                out.push(format!("{what}: {}", lacks_a_language()));
            }
        };
        check_text("name".into(), &self.name);
        check_text("summary".into(), &self.summary);
        check_text("area".into(), &self.area);
        check_text("agency".into(), &self.agency);
        check_text("who_may_file".into(), &self.who_may_file);
        for (i, s) in self.next_steps.iter().enumerate() {
            check_text(format!("next_steps[{i}]"), s);
        }
        for f in &self.facts {
            check_text(format!("fact {}", f.id), &f.label);
            check_text(format!("fact {}", f.id), &f.value);
        }
        for p in &self.pages {
            check_text(format!("page {}", p.id), &p.title);
            if let Some(t) = &p.intro {
                check_text(format!("page {} intro", p.id), t);
            }
        }
        for f in &self.fields {
            check_text(format!("field {}", f.id), &f.label);
            if let Some(h) = &f.hint {
                check_text(format!("field {} hint", f.id), h);
            }
            if let FieldKind::Choice { options } = &f.kind {
                for o in options {
                    check_text(format!("field {} option {}", f.id, o.value), &o.label);
                }
            }
        }
        for d in &self.documents {
            check_text(format!("document {}", d.id), &d.name);
            check_text(format!("document {}", d.id), &d.why);
            if let Some(n) = &d.note {
                check_text(format!("document {} note", d.id), n);
            }
        }
        for r in &self.rules {
            check_text(format!("rule {}", r.id), &r.message);
        }
        for f in &self.fields {
            // The form marks an optional field itself ("(không bắt buộc)" / "(optional)"), so a
            // label that says so too reads "E-mail (optional) (optional)".
            if !f.required {
                for lang in super::text::Lang::ALL.iter() {
                    if says_optional(f.label.get(*lang)) {
                        let (id, code) = (&f.id, lang.code());
                        out.push(format!(
                            "field {id} label ({code}) says it is optional: the form adds that"
                        ));
                    }
                }
            }
        }
        for f in &self.facts {
            if !source_ids.contains(&f.source.as_str()) {
                out.push(format!("fact {} cites unknown source {}", f.id, f.source));
            }
        }
        for d in &self.documents {
            if !source_ids.contains(&d.source.as_str()) {
                out.push(format!(
                    "document {} cites unknown source {}",
                    d.id, d.source
                ));
            }
        }
        for r in &self.rules {
            if !source_ids.contains(&r.source.as_str()) {
                out.push(format!("rule {} cites unknown source {}", r.id, r.source));
            }
        }
        let mut conds: Vec<(String, &Cond)> = Vec::new();
        for p in &self.pages {
            if let Some(c) = &p.when {
                conds.push((format!("page {}", p.id), c));
            }
            for f in &p.fields {
                if !field_ids.contains(&f.as_str()) {
                    out.push(format!("page {} lists unknown field {f}", p.id));
                }
            }
        }
        for f in &self.fields {
            if let Some(c) = &f.when {
                conds.push((format!("field {}", f.id), c));
            }
            if self
                .pages
                .iter()
                .filter(|p| p.fields.contains(&f.id))
                .count()
                != 1
            {
                out.push(format!("field {} must be on exactly one page", f.id));
            }
            if let FieldKind::PersonalId {
                sex_field,
                birth_date_field,
                ..
            } = &f.kind
            {
                for r in sex_field.iter().chain(birth_date_field.iter()) {
                    if !field_ids.contains(&r.as_str()) {
                        out.push(format!("field {} refers to unknown field {r}", f.id));
                    }
                }
            }
        }
        for d in &self.documents {
            if let Some(c) = &d.when {
                conds.push((format!("document {}", d.id), c));
            }
        }
        for (what, c) in conds {
            let mut fs = Vec::new();
            c.fields(&mut fs);
            for f in fs {
                if !field_ids.contains(&f.as_str()) {
                    out.push(format!("{what}: condition names unknown field {f}"));
                }
            }
        }
        for r in &self.rules {
            let mut named = r.kind.fields();
            named.push(&r.field);
            if let Some(c) = &r.when {
                let mut fs = Vec::new();
                c.fields(&mut fs);
                for f in fs {
                    if !field_ids.contains(&f.as_str()) {
                        out.push(format!("rule {}: condition names unknown field {f}", r.id));
                    }
                }
            }
            for f in named {
                if !field_ids.contains(&f.as_str()) {
                    out.push(format!("rule {} names unknown field {f}", r.id));
                }
            }
        }
        if !matches!(
            self.field(&self.receiving_field).map(|f| &f.kind),
            Some(FieldKind::Place)
        ) {
            out.push(format!(
                "receiving_field {} is not a place field",
                self.receiving_field
            ));
        }
        for person in &self.persons {
            if !person.label.is_complete() {
                out.push(format!("person {}: {}", person.id, lacks_a_language()));
            }
            if !person.fields.contains_key("full_name") {
                out.push(format!("person {} has no full_name field", person.id));
            }
            for (role, fid) in &person.fields {
                let Some((_, want)) = PERSON_ROLES.iter().find(|(r, _)| r == role) else {
                    out.push(format!("person {}: unknown role {role}", person.id));
                    continue;
                };
                match self.field(fid) {
                    None => out.push(format!(
                        "person {}: role {role} names unknown field {fid}",
                        person.id
                    )),
                    Some(f) if f.kind.name() != *want => out.push(format!(
                        "person {}: role {role} needs a {want} field, {fid} is {}",
                        person.id,
                        f.kind.name()
                    )),
                    _ => {}
                }
            }
            for other in &person.may_be {
                if other == &person.id || !self.persons.iter().any(|q| &q.id == other) {
                    out.push(format!(
                        "person {}: may_be names unknown person {other}",
                        person.id
                    ));
                }
            }
            if self.persons.iter().filter(|q| q.id == person.id).count() > 1 {
                out.push(format!("person {} is defined twice", person.id));
            }
        }
        if self.domain.is_empty() {
            out.push("domain is missing".into());
        }
        if self.life_events.is_empty() {
            out.push("life_events is empty".into());
        }
        for s in &self.sources {
            if s.title.trim().is_empty() {
                out.push(format!("source {} has no title", s.id));
            }
        }
        // The official forms: each sound for this procedure, and every declaration field printed.
        let defs = self.form_defs.decode();
        if defs.len() != self.forms.len() {
            out.push("forms: the form definitions are not attached".into());
        }
        for f in &defs {
            out.extend(f.lint(self));
        }
        if !self.forms.is_empty() {
            for f in super::form::unprinted(self, &defs) {
                out.push(format!("field {f} is on a declaration page but no form prints it (or lists it in not_printed)"));
            }
        }
        out.extend(self.lint_routes());
        out
    }
}
