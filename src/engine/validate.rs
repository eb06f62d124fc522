//! Validation: every field type's validator, cross-field rules, and the canonical answers that go
//! into a package. Messages are bilingual and say what is wrong and how to fix it.
//!
//! Validation never panics, whatever the input (see the property tests).

use super::catalog::{Answers, Field, FieldKind, Procedure, RuleKind, Severity};
use super::date::{Date, DateError};
use super::ids::{self, Sex};
use super::msg;
use super::refdata;
use super::text::{self, fill, Arg, I18n, Lang};
use super::units::AdminUnits;
use serde::Serialize;
use std::collections::BTreeMap;
use validator::{ValidateLength, ValidateRange};

/// At most this many rows in a repeating group (a table of people on a form).
pub const MAX_GROUP_ROWS: usize = 10;
/// The longest answer accepted in any field, in characters (a guard against pasted documents).
pub const MAX_ANSWER_CHARS: usize = 1000;
/// Longest full name, in characters. The law only says "not too long"; 100 fits every real name.
pub const MAX_NAME_CHARS: u64 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub field: String,
    pub severity: Severity,
    pub message: I18n,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Outcome {
    /// Errors first, then warnings; in field order within each.
    pub issues: Vec<Issue>,
    /// Canonical value of every active, valid, non-empty field.
    pub canonical: BTreeMap<String, String>,
}

impl Outcome {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }
    pub fn for_field(&self, field: &str) -> Vec<&Issue> {
        self.issues.iter().filter(|i| i.field == field).collect()
    }
}

/// What a validator needs besides the value.
pub struct Context<'a> {
    pub today: Date,
    /// The 2025 unit list; `None` while it is still loading (place codes are then only checked
    /// for their shape).
    pub units: Option<&'a AdminUnits>,
}

pub fn required_message(f: &Field) -> I18n {
    let template = match f.kind {
        FieldKind::Choice { .. } | FieldKind::Sex => msg::ENTER_CHOICE,
        FieldKind::Place => msg::ENTER_PLACE,
        FieldKind::Ethnicity => msg::ENTER_ETHNICITY,
        _ => msg::ENTER_FIELD,
    };
    fill(template, &[("label", (&f.label).into())])
}

/// Validates a full name: letters (with Vietnamese diacritics), spaces, and the apostrophes and
/// hyphens of some ethnic-minority names. Returns the NFC name with single spaces.
pub fn full_name(input: &str) -> Result<String, I18n> {
    let s = text::clean(input);
    if !s.validate_length(None, Some(MAX_NAME_CHARS), None) {
        return Err(fill(msg::NAME_TOO_LONG, &[("max", MAX_NAME_CHARS.into())]));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_alphabetic() || *c == ' ' || *c == '\'' || *c == '-' || *c == '’'))
    {
        return Err(fill(
            msg::NAME_LETTERS_ONLY,
            &[("char", (&text::describe_char(c)).into())],
        ));
    }
    if !s.chars().any(|c| c.is_alphabetic()) {
        return Err(msg::NAME_NO_LETTERS.into());
    }
    if s.split(' ').count() < 2 {
        return Err(msg::NAME_INCOMPLETE.into());
    }
    Ok(s)
}

pub fn date_message(e: &DateError) -> I18n {
    match e {
        DateError::Format => msg::DATE_FORMAT.into(),
        DateError::ShortYear => msg::DATE_SHORT_YEAR.into(),
        DateError::Month(m) => fill(msg::DATE_MONTH, &[("month", (*m).into())]),
        DateError::Day {
            day,
            month,
            year,
            max,
        } => fill(
            msg::DATE_DAY,
            &[
                ("day", (*day).into()),
                ("month", (*month).into()),
                ("year", (*year).into()),
                ("max", (*max).into()),
            ],
        ),
        DateError::YearRange(y) => fill(msg::DATE_YEAR, &[("year", (*y).into())]),
    }
}

pub fn date(input: &str, allow_future: bool, today: Date) -> Result<Date, I18n> {
    let d = Date::parse_input(input).map_err(|e| date_message(&e))?;
    if !allow_future && d > today {
        return Err(fill(
            msg::DATE_FUTURE,
            &[
                ("date", (&d.display()).into()),
                ("today", (&today.display()).into()),
            ],
        ));
    }
    Ok(d)
}

pub fn whole_number(input: &str, min: i64, max: i64) -> Result<i64, I18n> {
    let s = input.trim();
    let n: i64 = match s.parse() {
        Ok(n) => n,
        Err(_) => {
            return Err(fill(
                msg::NUMBER_WHOLE,
                &[("min", min.into()), ("max", max.into())],
            ))
        }
    };
    if !n.validate_range(Some(min), Some(max), None, None) {
        return Err(fill(
            msg::NUMBER_RANGE,
            &[
                ("min", min.into()),
                ("max", max.into()),
                ("value", n.into()),
            ],
        ));
    }
    Ok(n)
}

/// A number with at most one decimal ("25,5" or "25.5"), between `min` and `max`. Returned in
/// tenths (255), so no floating point is involved; [`text::tenths_text`] writes it back.
pub fn decimal_tenths(input: &str, min: i64, max: i64) -> Result<i64, I18n> {
    let s = input.trim().replace(',', ".");
    let bad = || {
        fill(
            msg::NUMBER_DECIMAL,
            &[("min", min.into()), ("max", max.into())],
        )
    };
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s.as_str(), ""),
    };
    if whole.is_empty()
        || whole.len() > 12
        || frac.len() > 1
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let tenths = whole.parse::<i64>().map_err(|_| bad())? * 10 + frac.parse::<i64>().unwrap_or(0);
    if tenths < min * 10 || tenths > max * 10 {
        return Err(fill(
            msg::NUMBER_RANGE,
            &[
                ("min", min.into()),
                ("max", max.into()),
                ("value", Arg::Tenths(tenths)),
            ],
        ));
    }
    Ok(tenths)
}

/// Tenths as a canonical answer: "25.5", "30" (the same in every language).
fn canonical_tenths_text(tenths: i64) -> String {
    text::tenths_with(tenths, ".")
}

/// Parses a canonical decimal ("25.5", "30") back into tenths.
fn canonical_tenths(s: &str) -> Option<i64> {
    decimal_tenths(s, 0, i64::MAX / 100).ok()
}

pub fn place(input: &str, units: Option<&AdminUnits>) -> Result<String, I18n> {
    let bad = || I18n::from(msg::PLACE_CHOOSE);
    let code = super::units::normalize_code(input.trim(), 5).ok_or_else(bad)?;
    match units {
        Some(u) if u.commune(&code).is_none() => {
            Err(fill(msg::PLACE_UNKNOWN_CODE, &[("code", (&code).into())]))
        }
        _ => Ok(code),
    }
}

pub fn nationality(input: &str) -> Result<String, I18n> {
    let s = text::clean(input);
    if refdata::is_vietnam(&s) || s == refdata::VIETNAM {
        return Ok(refdata::VIETNAM.to_string());
    }
    if s.chars().count() > 60 {
        return Err(msg::NATIONALITY_TOO_LONG.into());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.' | '(' | ')')))
    {
        return Err(fill(
            msg::NATIONALITY_LETTERS_ONLY,
            &[("char", (&text::describe_char(c)).into())],
        ));
    }
    Ok(s)
}

pub fn ethnicity(input: &str) -> Result<String, I18n> {
    refdata::match_ethnicity(input)
        .map(str::to_string)
        .ok_or_else(|| msg::ETHNICITY_CHOOSE.into())
}

pub fn free_text(input: &str, max_chars: usize) -> Result<String, I18n> {
    let s = text::clean(input);
    if !s.validate_length(None, Some(max_chars as u64), None) {
        return Err(fill(
            msg::TEXT_TOO_LONG,
            &[
                ("max", max_chars.into()),
                ("count", text::char_len(&s).into()),
            ],
        ));
    }
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(fill(
            msg::TEXT_CONTROL_CHAR,
            &[("char", (&text::describe_char(c)).into())],
        ));
    }
    Ok(s)
}

/// Validates one field's raw value on its own (cross-field checks are done by [`validate`]).
/// Returns the canonical value.
pub fn field_value(f: &Field, raw: &str, ctx: &Context) -> Result<String, I18n> {
    if text::char_len(raw) > MAX_ANSWER_CHARS {
        return Err(fill(
            msg::ANSWER_TOO_LONG,
            &[("max", MAX_ANSWER_CHARS.into())],
        ));
    }
    match &f.kind {
        FieldKind::FullName => full_name(raw),
        FieldKind::Date {
            allow_future,
            allow_year,
        } => match year_only(raw) {
            Some(y) if *allow_year => {
                if !(1800..=ctx.today.year()).contains(&y) {
                    return Err(fill(msg::DATE_YEAR, &[("year", y.into())]));
                }
                Ok(y.to_string())
            }
            _ => date(raw, *allow_future, ctx.today).map(|d| d.iso()),
        },
        FieldKind::Sex => Sex::parse(raw)
            .map(|s| s.code().to_string())
            .ok_or_else(|| msg::SEX_CHOOSE.into()),
        FieldKind::Ethnicity => ethnicity(raw),
        FieldKind::Nationality => nationality(raw),
        FieldKind::Place => place(raw, ctx.units),
        FieldKind::PersonalId { .. } => ids::parse_personal_id(raw).map(|(d, _)| d),
        FieldKind::Phone => ids::parse_phone(raw),
        FieldKind::Email => ids::parse_email(raw),
        FieldKind::TaxCode => ids::parse_tax_code(raw),
        FieldKind::Passport => ids::parse_passport(raw),
        FieldKind::Integer { min, max } => whole_number(raw, *min, *max).map(|n| n.to_string()),
        FieldKind::Decimal { min, max } => {
            decimal_tenths(raw, *min, *max).map(canonical_tenths_text)
        }
        FieldKind::Choice { options } => {
            let v = raw.trim();
            options
                .iter()
                .find(|o| o.value == v)
                .map(|o| o.value.clone())
                .ok_or_else(|| {
                    let list = I18n::from_fn(|lang| {
                        let labels: Vec<&str> = options.iter().map(|o| o.label.get(lang)).collect();
                        labels.join(msg::CHOICE_SEPARATOR.get(lang))
                    });
                    fill(msg::CHOICE_ONE_OF, &[("options", (&list).into())])
                })
        }
        FieldKind::Text { max_chars } => free_text(raw, *max_chars),
        // A table's rows are validated cell by cell (`validate`); the table has no value itself.
        FieldKind::Group { .. } => Ok(String::new()),
    }
}

/// A year written alone ("1990"), for date fields that accept it.
fn year_only(raw: &str) -> Option<i32> {
    let s = raw.trim();
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The year of a canonical date, full ("1990-05-01") or a year alone ("1990").
pub fn year_of(canonical: &str) -> Option<i32> {
    Date::parse_iso(canonical)
        .map(|d| d.year())
        .or_else(|| year_only(canonical))
}

/// The rows of a table answered in `answers`: n = 1, 2, … while any of the row's cells has an
/// answer (at most `max`, and one more to tell that there are too many).
pub fn group_rows(group: &Field, answers: &Answers) -> Vec<usize> {
    let FieldKind::Group { columns, max_rows } = &group.kind else {
        return Vec::new();
    };
    (1..=*max_rows as usize + 1)
        .take_while(|n| {
            columns.iter().any(|c| {
                answers
                    .get(&format!("{}.{n}.{}", group.id, c.id))
                    .is_some_and(|v| !v.trim().is_empty())
            })
        })
        .collect()
}

/// Validates a table's rows: each cell as its column's field (`<group>.<n>.<column>`), at most
/// `max_rows` rows, at least one when the table is required.
fn validate_group(
    f: &Field,
    answers: &Answers,
    ctx: &Context,
    issues: &mut Vec<Issue>,
    canonical: &mut BTreeMap<String, String>,
) {
    let FieldKind::Group { columns, max_rows } = &f.kind else {
        return;
    };
    let rows = group_rows(f, answers);
    if rows.is_empty() && f.required {
        issues.push(Issue {
            field: f.id.clone(),
            severity: Severity::Error,
            message: required_message(f),
        });
    }
    if rows.len() > *max_rows as usize {
        issues.push(Issue {
            field: f.id.clone(),
            severity: Severity::Error,
            message: fill(
                msg::GROUP_TOO_MANY,
                &[
                    ("max", (*max_rows as i64).into()),
                    ("label", (&f.label).into()),
                ],
            ),
        });
    }
    for n in rows.into_iter().take(*max_rows as usize) {
        for c in columns {
            let id = format!("{}.{n}.{}", f.id, c.id);
            let raw = answers.get(&id).map(String::as_str).unwrap_or("");
            let label = fill(
                msg::GROUP_CELL,
                &[("label", (&c.label).into()), ("n", (n as i64).into())],
            );
            if raw.trim().is_empty() {
                if c.required {
                    issues.push(Issue {
                        field: id,
                        severity: Severity::Error,
                        message: fill(msg::ENTER_FIELD, &[("label", (&label).into())]),
                    });
                }
                continue;
            }
            match field_value(c, raw, ctx) {
                Ok(v) => {
                    canonical.insert(id, v);
                }
                Err(m) => issues.push(Issue {
                    field: id,
                    severity: Severity::Error,
                    message: fill(
                        msg::FIELD_PROBLEM,
                        &[("label", (&label).into()), ("message", (&m).into())],
                    ),
                }),
            }
        }
    }
}

/// A rule's message with `{value}` (or `{days}`) and `{limit}` filled in, per language.
fn rule_message(m: &I18n, value: Arg, limit: i64) -> I18n {
    fill(
        m,
        &[("value", value), ("days", value), ("limit", limit.into())],
    )
}

/// Validates every active field of the procedure and applies its rules. Inactive fields (on
/// pages or behind conditions that do not apply) are ignored and left out of `canonical`.
pub fn validate(p: &Procedure, answers: &Answers, ctx: &Context) -> Outcome {
    let mut issues = Vec::new();
    let mut canonical = BTreeMap::new();
    for f in &p.fields {
        if !p.field_active(f, answers) {
            continue;
        }
        if matches!(f.kind, FieldKind::Group { .. }) {
            validate_group(f, answers, ctx, &mut issues, &mut canonical);
            continue;
        }
        let raw = answers.get(&f.id).map(String::as_str).unwrap_or("");
        if raw.trim().is_empty() {
            if f.required {
                issues.push(Issue {
                    field: f.id.clone(),
                    severity: Severity::Error,
                    message: required_message(f),
                });
            }
            continue;
        }
        match field_value(f, raw, ctx) {
            Ok(v) => {
                canonical.insert(f.id.clone(), v);
            }
            Err(m) => issues.push(Issue {
                field: f.id.clone(),
                severity: Severity::Error,
                message: m,
            }),
        }
    }
    // Personal numbers against the holder's sex and birth year.
    for f in &p.fields {
        if let FieldKind::PersonalId {
            sex_field,
            sex,
            birth_date_field,
        } = &f.kind
        {
            let Some(v) = canonical.get(&f.id) else {
                continue;
            };
            let Ok((_, facts)) = ids::parse_personal_id(v) else {
                continue;
            };
            let holder_sex = sex.as_deref().and_then(Sex::parse).or_else(|| {
                sex_field
                    .as_ref()
                    .and_then(|sf| canonical.get(sf))
                    .and_then(|s| Sex::parse(s))
            });
            let year = birth_date_field
                .as_ref()
                .and_then(|bf| canonical.get(bf))
                .and_then(|d| year_of(d));
            if let Some(code) = facts.unknown_place {
                issues.push(Issue {
                    field: f.id.clone(),
                    severity: Severity::Warning,
                    message: fill(
                        msg::ID_PROVINCE,
                        &[(
                            "code",
                            (&String::from_utf8_lossy(&code).into_owned()).into(),
                        )],
                    ),
                });
            }
            if let Err(m) = ids::check_id_against(facts, holder_sex, year) {
                canonical.remove(&f.id);
                issues.push(Issue {
                    field: f.id.clone(),
                    severity: Severity::Error,
                    message: m,
                });
            }
        }
    }
    // A rule's condition reads the answers in their canonical form ("Việt Nam" however typed).
    let mut read = answers.clone();
    read.extend(canonical.iter().map(|(k, v)| (k.clone(), v.clone())));
    for r in &p.rules {
        // A rule applies to what was answered on active pages, and only when its condition holds.
        if !p
            .field(&r.field)
            .is_some_and(|f| p.field_active(f, answers))
            || !super::catalog::cond_holds(&r.when, &read)
        {
            continue;
        }
        // A year alone counts as its first day.
        let get_date = |id: &str| {
            canonical.get(id).and_then(|d| {
                Date::parse_iso(d).or_else(|| year_only(d).and_then(|y| Date::from_ymd(y, 1, 1)))
            })
        };
        let fired = match &r.kind {
            RuleKind::DateBefore { earlier, later } => match (get_date(earlier), get_date(later)) {
                (Some(a), Some(b)) if a >= b => Some(r.message.clone()),
                _ => None,
            },
            RuleKind::DateNotAfter { earlier, later } => match (get_date(earlier), get_date(later))
            {
                (Some(a), Some(b)) if a > b => Some(r.message.clone()),
                _ => None,
            },
            RuleKind::MaxDaysSince { date, days } => match get_date(date) {
                Some(d) if d.days_until(ctx.today) > *days => Some(rule_message(
                    &r.message,
                    d.days_until(ctx.today).into(),
                    *days,
                )),
                _ => None,
            },
            RuleKind::MinAge {
                birth_date,
                years,
                on,
            } => {
                let on_date = match on {
                    Some(f) => get_date(f),
                    None => Some(ctx.today),
                };
                match (get_date(birth_date), on_date) {
                    (Some(b), Some(d)) if i64::from(b.full_years_until(d)) < *years => Some(
                        rule_message(&r.message, b.full_years_until(d).into(), *years),
                    ),
                    _ => None,
                }
            }
            RuleKind::MinRatio {
                numerator,
                denominator,
                min,
            } => {
                let n = canonical.get(numerator).and_then(|v| canonical_tenths(v));
                let d = canonical.get(denominator).and_then(|v| canonical_tenths(v));
                match (n, d) {
                    // n/d < min  ⇔  n < min·d (both in tenths); the ratio shown to one decimal.
                    (Some(n), Some(d)) if d > 0 && n < min * d => {
                        // Rounded to one decimal, but never shown as reaching the limit it is below.
                        let ratio = ((n * 10 + d / 2) / d).min(min * 10 - 1);
                        Some(rule_message(&r.message, Arg::Tenths(ratio), *min))
                    }
                    _ => None,
                }
            }
            RuleKind::Forbidden => Some(r.message.clone()),
        };
        if let Some(message) = fired {
            if r.severity == Severity::Error {
                canonical.remove(&r.field);
            }
            issues.push(Issue {
                field: r.shown_at(p).to_string(),
                severity: r.severity,
                message,
            });
        }
    }
    let order = |id: &str| {
        p.fields
            .iter()
            .position(|f| f.id == id.split('.').next().unwrap_or(id))
            .unwrap_or(usize::MAX)
    };
    super::sort_small_by(&mut issues, |a, b| {
        (a.severity, order(&a.field)) < (b.severity, order(&b.field))
    });
    Outcome { issues, canonical }
}

/// The errors of `out` for a list the resident reads away from the fields ("Label: message"),
/// each with its field: the package builder refuses with them, the review page links them.
pub fn labelled_errors(p: &Procedure, out: &Outcome) -> Vec<(String, I18n)> {
    out.errors()
        .map(|i| {
            let label = p
                .field_or_cell(&i.field)
                .map(|f| f.label.clone())
                .unwrap_or_default();
            let message = fill(
                msg::FIELD_PROBLEM,
                &[("label", (&label).into()), ("message", (&i.message).into())],
            );
            (i.field.clone(), message)
        })
        .collect()
}

/// Validation restricted to the fields of one page (what the user sees after "Continue").
pub fn validate_page(p: &Procedure, page_id: &str, answers: &Answers, ctx: &Context) -> Outcome {
    let mut out = validate(p, answers, ctx);
    let on_page: Vec<&String> = p
        .page(page_id)
        .map(|pg| pg.fields.iter().collect())
        .unwrap_or_default();
    // A group's cells (`<group>.<n>.<column>`) are on the group's page.
    let group_of = |id: &str| id.split('.').next().unwrap_or(id).to_string();
    out.issues.retain(|i| on_page.contains(&&group_of(&i.field)));
    out
}

/// How a canonical value reads for people: dates dd/mm/yyyy, places with their province,
/// choices by their label.
pub fn display_value(
    p: &Procedure,
    field_id: &str,
    canonical: &str,
    lang: Lang,
    units: Option<&AdminUnits>,
) -> String {
    let Some(f) = p.field_or_cell(field_id) else {
        return canonical.to_string();
    };
    match &f.kind {
        FieldKind::Date { .. } => Date::parse_iso(canonical)
            .map(|d| d.display())
            .unwrap_or_else(|| canonical.to_string()),
        FieldKind::Sex => Sex::parse(canonical)
            .map(|s| s.label().get(lang).to_string())
            .unwrap_or_else(|| canonical.to_string()),
        FieldKind::Place => units
            .and_then(|u| u.commune_label(canonical))
            .unwrap_or_else(|| canonical.to_string()),
        FieldKind::Choice { options } => options
            .iter()
            .find(|o| o.value == canonical)
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_else(|| canonical.to_string()),
        FieldKind::Decimal { .. } => canonical_tenths(canonical)
            .map(|t| text::tenths_text(t, lang))
            .unwrap_or_else(|| canonical.to_string()),
        FieldKind::Nationality if canonical == refdata::VIETNAM => {
            refdata::vietnam_label().get(lang).to_string()
        }
        _ => canonical.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 22).unwrap()
    }
    fn ctx() -> Context<'static> {
        Context {
            today: today(),
            units: Some(AdminUnits::bundled()),
        }
    }
    fn birth() -> &'static Procedure {
        Catalog::bundled().procedure("khai-sinh").unwrap()
    }

    #[test]
    fn sample_answers_validate() {
        let p = birth();
        let out = validate(p, &p.sample_answers, &ctx());
        assert!(out.is_valid(), "{:#?}", out.issues);
        assert_eq!(out.canonical["tre_ho_ten"], "Nguyễn Thị Mai Anh");
        assert_eq!(out.canonical["tre_ngay_sinh"], "2026-11-01");
    }

    #[test]
    fn names_are_cleaned_and_checked() {
        assert_eq!(
            full_name("  Nguyễn   Văn\u{00A0}An ").unwrap(),
            "Nguyễn Văn An"
        );
        // Decomposed input is stored composed (NFC).
        let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n An";
        assert_eq!(full_name(decomposed).unwrap(), "Nguyễn Văn An");
        assert!(full_name("H'Hen Niê").is_ok());
        assert!(full_name("An").is_err());
        let e = full_name("Nguyễn Văn An2").unwrap_err();
        assert!(e.vi.contains("2") && e.en.contains("2"), "{e:?}");
        assert!(full_name(&"A ".repeat(60)).is_err());
    }

    #[test]
    fn dates_in_the_future_and_impossible_dates_are_refused() {
        assert!(date("23/11/2026", false, today())
            .unwrap_err()
            .vi
            .contains("chưa đến"));
        assert!(date("22/11/2026", false, today()).is_ok());
        assert!(date("30/02/2024", false, today())
            .unwrap_err()
            .en
            .contains("29 days"));
        assert!(date("29/02/2024", false, today()).is_ok());
        assert!(date("1/13/2020", false, today())
            .unwrap_err()
            .en
            .contains("month"));
        assert!(date("1/1/20", false, today())
            .unwrap_err()
            .en
            .contains("four digits"));
    }

    #[test]
    fn blank_required_fields_are_reported_with_their_label() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.remove("tre_ho_ten");
        let out = validate_page(p, "tre", &a, &ctx());
        assert_eq!(out.issues.len(), 1);
        assert_eq!(out.issues[0].field, "tre_ho_ten");
        assert!(out.issues[0]
            .message
            .vi
            .contains("Họ, chữ đệm và tên của trẻ"));
    }

    #[test]
    fn father_fields_are_ignored_when_the_father_is_unknown() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.insert("biet_cha".into(), "khong".into());
        a.insert("cha_ho_ten".into(), "<b>x</b>".into());
        let out = validate(p, &a, &ctx());
        assert!(out.is_valid(), "{:#?}", out.issues);
        assert!(!out.canonical.contains_key("cha_ho_ten"));
        assert!(p.checklist(&a).iter().all(|d| d.id != "van-ban-uy-quyen"));
    }

    #[test]
    fn parent_must_be_born_before_the_child() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.insert("me_ngay_sinh".into(), "02/11/2026".into());
        a.remove("me_so_dinh_danh");
        let out = validate(p, &a, &ctx());
        let e: Vec<_> = out.errors().collect();
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].field, "me_ngay_sinh");
    }

    #[test]
    fn a_rule_across_pages_fires_on_the_page_of_its_later_field() {
        // 1.001022: the parent (page nguoi-nhan) must be born before the child (nguoi-duoc-nhan,
        // after it): the problem is shown where the child's date is entered.
        let p = crate::engine::catalog::Catalog::bundled()
            .procedure("nhan-cha-me-con")
            .unwrap();
        let mut a = p.sample_answers.clone();
        a.insert("ndn_ngay_sinh".into(), "1990-08-20".into());
        let out = validate_page(p, "nguoi-duoc-nhan", &a, &ctx());
        assert!(
            out.errors().any(|i| i.field == "ndn_ngay_sinh" && i.message.vi.contains("sinh trước")),
            "{:?}",
            out.issues
        );
        assert_eq!(validate_page(p, "nguoi-nhan", &a, &ctx()).errors().count(), 0);
    }

    #[test]
    fn a_foreign_parent_or_spouse_is_another_procedure() {
        // Audit C3: 2.000528 (birth), 1.001695 (birth with recognition), 2.000806 (marriage).
        let cat = crate::engine::catalog::Catalog::bundled();
        for (id, field, code) in [
            ("khai-sinh", "me_quoc_tich", "2.000528"),
            ("khai-sinh", "cha_quoc_tich", "2.000528"),
            ("khai-sinh-nhan-cha-me-con", "me_quoc_tich", "1.001695"),
            ("khai-sinh-nhan-cha-me-con", "cha_quoc_tich", "1.001695"),
            ("ket-hon", "nu_quoc_tich", "2.000806"),
            ("ket-hon", "nam_quoc_tich", "2.000806"),
        ] {
            let p = cat.procedure(id).unwrap();
            let mut a = p.sample_answers.clone();
            assert!(validate(p, &a, &ctx()).is_valid(), "{id}");
            a.insert(field.into(), "Hàn Quốc".into());
            let out = validate(p, &a, &ctx());
            let e: Vec<_> = out.errors().filter(|i| i.field == field).collect();
            assert!(e.iter().any(|i| i.message.vi.contains(code)), "{id} {field}: {:?}", out.issues);
        }
    }

    #[test]
    fn late_registration_is_a_warning_not_an_error() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.insert("tre_ngay_sinh".into(), "01/09/2026".into());
        let out = validate(p, &a, &ctx());
        assert!(out.is_valid(), "{:#?}", out.issues);
        let w: Vec<_> = out.warnings().collect();
        assert_eq!(w.len(), 1);
        assert!(w[0].message.vi.contains("82 ngày"), "{:?}", w[0].message);
        // Exactly 60 days is on time.
        a.insert("tre_ngay_sinh".into(), today().plus_days(-60).display());
        assert_eq!(validate(p, &a, &ctx()).warnings().count(), 0);
    }

    #[test]
    fn id_number_must_match_sex_and_birth_year() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        // Digit 4 = 0 means a man born 1900–1999: wrong for the mother.
        a.insert("me_so_dinh_danh".into(), "046095000123".into());
        let out = validate(p, &a, &ctx());
        assert_eq!(
            out.errors().next().map(|i| i.field.as_str()),
            Some("me_so_dinh_danh")
        );
        a.insert("me_so_dinh_danh".into(), "046 197 000 123".into());
        let out = validate(p, &a, &ctx());
        assert_eq!(
            out.errors().next().map(|i| i.field.as_str()),
            Some("me_so_dinh_danh"),
            "year 97 ≠ 1995"
        );
    }

    #[test]
    fn a_childs_ethnicity_is_the_mothers_or_the_fathers() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        let warned = |a: &Answers| !validate(p, a, &ctx()).for_field("tre_dan_toc").is_empty();
        a.insert("me_dan_toc".into(), "Kinh".into());
        a.insert("cha_dan_toc".into(), "Tày".into());
        a.insert("tre_dan_toc".into(), "Kinh".into());
        assert!(!warned(&a), "the mother's");
        a.insert("tre_dan_toc".into(), "Tày".into());
        assert!(!warned(&a), "the father's");
        a.insert("tre_dan_toc".into(), "Thái".into());
        assert!(warned(&a), "neither's");
        // With the father not known, only the mother's counts.
        a.insert("biet_cha".into(), "khong".into());
        a.remove("cha_dan_toc");
        assert!(warned(&a));
        a.insert("tre_dan_toc".into(), "Kinh".into());
        assert!(!warned(&a));
    }

    #[test]
    fn checklist_follows_the_answers() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        let ids = |a: &Answers| {
            p.checklist(a)
                .iter()
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ["to-khai", "giay-chung-sinh", "giay-to-tuy-than"]);
        a.insert("co_giay_chung_sinh".into(), "khong".into());
        a.insert("chung_minh_sinh".into(), "cam-doan".into());
        a.insert("nguoi_nop".into(), "uy-quyen".into());
        a.insert("mang_thai_ho".into(), "co".into());
        assert_eq!(
            ids(&a),
            [
                "to-khai",
                "giay-cam-doan",
                "xac-nhan-mang-thai-ho",
                "van-ban-uy-quyen",
                "giay-to-tuy-than"
            ]
        );
        // An abandoned child: the report; the mother page disappears when she is unknown.
        a.insert("bi_bo_roi".into(), "co".into());
        a.insert("biet_me".into(), "khong".into());
        assert!(ids(&a).contains(&"bien-ban-bo-roi".to_string()));
        assert!(p.active_pages(&a).all(|pg| pg.id != "me"));
    }

    #[test]
    fn requester_fields_only_for_non_parents() {
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.insert("nguoi_nop".into(), "nguoi-than".into());
        let out = validate(p, &a, &ctx());
        let missing: Vec<_> = out.errors().map(|i| i.field.as_str()).collect();
        assert_eq!(
            missing,
            [
                "nyc_ho_ten",
                "nyc_ngay_sinh",
                "nyc_so_dinh_danh",
                "nyc_dia_chi",
                "nyc_noi_cu_tru",
                "nyc_quan_he"
            ]
        );
    }

    #[test]
    fn display_values_read_naturally() {
        let p = birth();
        let u = Some(AdminUnits::bundled());
        assert_eq!(
            display_value(p, "tre_ngay_sinh", "2026-11-01", Lang::Vi, u),
            "01/11/2026"
        );
        assert_eq!(
            display_value(p, "noi_nop", "19777", Lang::Vi, u),
            "Phường Vỹ Dạ, Thành phố Huế"
        );
        assert_eq!(
            display_value(p, "nguoi_nop", "me", Lang::En, u),
            "The child's mother"
        );
        assert_eq!(display_value(p, "tre_gioi_tinh", "nu", Lang::Vi, u), "Nữ");
    }

    #[test]
    fn death_rules_birth_not_after_death_and_15_day_warning() {
        let p = Catalog::bundled().procedure("khai-tu").unwrap();
        let mut a = p.sample_answers.clone();
        assert!(
            validate(p, &a, &ctx()).issues.is_empty(),
            "{:#?}",
            validate(p, &a, &ctx()).issues
        );
        a.insert("nm_ngay_chet".into(), "12/03/1940".into()); // same day as birth: allowed
        let out = validate(p, &a, &ctx());
        assert!(out.is_valid(), "{:#?}", out.issues);
        assert_eq!(out.warnings().count(), 1, "long past the 15-day deadline");
        a.insert("nm_ngay_chet".into(), "11/03/1940".into());
        assert_eq!(
            validate(p, &a, &ctx())
                .errors()
                .next()
                .map(|i| i.field.as_str()),
            Some("nm_ngay_chet")
        );
        a.insert("nm_ngay_chet".into(), today().plus_days(-15).display());
        assert_eq!(
            validate(p, &a, &ctx()).warnings().count(),
            0,
            "15 days is on time"
        );
        a.insert("nm_ngay_chet".into(), today().plus_days(-16).display());
        assert_eq!(validate(p, &a, &ctx()).warnings().count(), 1);
    }

    #[test]
    fn a_personal_number_without_a_province_code_is_a_warning() {
        // V1: for a birth registered abroad the first three digits are a country code.
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.insert("me_so_dinh_danh".into(), "999195000123".into());
        let out = validate(p, &a, &ctx());
        assert!(out.is_valid(), "{:?}", out.issues);
        let w: Vec<_> = out.warnings().map(|i| i.field.as_str()).collect();
        assert_eq!(w, ["me_so_dinh_danh"]);
        assert!(out.warnings().next().unwrap().message.en.contains("(999)"));
    }

    #[test]
    fn a_parent_s_year_of_birth_alone_is_accepted() {
        // F2: the form asks "Năm sinh"; day and month only if known.
        let p = birth();
        let mut a = p.sample_answers.clone();
        a.insert("me_ngay_sinh".into(), "1995".into());
        let out = validate(p, &a, &ctx());
        assert!(out.is_valid(), "{:?}", out.issues);
        assert_eq!(out.canonical["me_ngay_sinh"], "1995");
        assert_eq!(
            display_value(p, "me_ngay_sinh", "1995", Lang::Vi, None),
            "1995"
        );
        // A year after the child's birth is still refused, and a child's date needs the day.
        a.insert("me_ngay_sinh".into(), "2027".into());
        assert!(!validate(p, &a, &ctx()).is_valid());
        a.insert("me_ngay_sinh".into(), "1995".into());
        a.insert("tre_ngay_sinh".into(), "2026".into());
        assert!(!validate(p, &a, &ctx()).is_valid());
    }

    #[test]
    fn other_validators() {
        assert_eq!(whole_number(" 3 ", 0, 20), Ok(3));
        assert!(whole_number("21", 0, 20).is_err());
        assert!(whole_number("ba", 0, 20).is_err());
        assert_eq!(nationality("viet nam").unwrap(), "Việt Nam");
        assert_eq!(ethnicity("khome").unwrap(), "Khmer");
        assert!(ethnicity("Elf").is_err());
        assert!(place("19777", Some(AdminUnits::bundled())).is_ok());
        assert!(place("99999", Some(AdminUnits::bundled())).is_err());
        assert!(place("vy da", None).is_err());
        assert!(free_text(&"x".repeat(61), 60).is_err());
    }

    #[test]
    fn catalog_lints_clean() {
        let idx = crate::engine::catalog::CatalogIndex::bundled();
        for p in &Catalog::bundled().procedures {
            assert_eq!(p.lint(), Vec::<String>::new(), "{}", p.id);
            assert_eq!(idx.lint_groups(p), Vec::<String>::new(), "{}", p.id);
        }
    }

    /// A small procedure exercising the rule types and persons, written here so the rules are
    /// tested whatever the real catalog holds.
    fn toy() -> Procedure {
        Procedure::parse(&in_every_language(
            r#"{"id": "toy", "national_codes": [], "name": {"vi": "Thử", "en": "Toy"}, "summary": {"vi": "a", "en": "a"},
            "area": {"vi": "a", "en": "a"}, "agency": {"vi": "a", "en": "a"}, "who_may_file": {"vi": "a", "en": "a"},
            "facts": [], "legal_basis": [], "effective_from": "2025-07-01", "sources": [{"id": "s", "title": "S"}],
            "next_steps": [], "receiving_field": "noi", "routes": ["centre"], "life_events": ["marriage"], "domain": "civil-status",
            "pages": [
              {"id": "q", "kind": "question", "title": {"vi": "q", "en": "q"}, "fields": ["noi", "thue"]},
              {"id": "nu", "kind": "form", "title": {"vi": "Nữ", "en": "Bride"}, "fields": ["nu_ten", "nu_sinh", "nu_tt", "dien_tich", "so_nguoi"]},
              {"id": "nam", "kind": "form", "title": {"vi": "Nam", "en": "Groom"}, "fields": ["nam_ten", "nam_sinh"]}
            ],
            "fields": [
              {"id": "noi", "type": "place", "label": {"vi": "Nơi", "en": "Place"}},
              {"id": "thue", "type": "choice", "label": {"vi": "Thuê", "en": "Rent"}, "options": [{"value": "co", "label": {"vi": "Có", "en": "Yes"}}, {"value": "khong", "label": {"vi": "Không", "en": "No"}}]},
              {"id": "nu_ten", "type": "full_name", "label": {"vi": "Tên", "en": "Name"}},
              {"id": "nu_sinh", "type": "date", "label": {"vi": "Sinh", "en": "Born"}},
              {"id": "nu_tt", "type": "choice", "label": {"vi": "TT", "en": "Status"}, "options": [{"value": "doc-than", "label": {"vi": "Độc thân", "en": "Single"}}, {"value": "dang-co", "label": {"vi": "Đang có chồng", "en": "Married"}}]},
              {"id": "dien_tich", "type": "decimal", "min": 1, "max": 10000, "required": false, "label": {"vi": "Diện tích", "en": "Area"}},
              {"id": "so_nguoi", "type": "integer", "min": 1, "max": 100, "required": false, "label": {"vi": "Số người", "en": "People"}},
              {"id": "nam_ten", "type": "full_name", "label": {"vi": "Tên", "en": "Name"}},
              {"id": "nam_sinh", "type": "date", "label": {"vi": "Sinh", "en": "Born"}}
            ],
            "persons": [
              {"id": "nu", "label": {"vi": "Bên nữ", "en": "Bride"}, "fields": {"full_name": "nu_ten", "birth_date": "nu_sinh"}},
              {"id": "nam", "label": {"vi": "Bên nam", "en": "Groom"}, "fields": {"full_name": "nam_ten", "birth_date": "nam_sinh"}, "may_be": ["nu"]}
            ],
            "documents": [],
            "rules": [
              {"id": "tuoi-nu", "type": "min_age", "birth_date": "nu_sinh", "years": 18, "severity": "error", "field": "nu_sinh",
               "message": {"vi": "Bên nữ mới {value} tuổi, cần đủ {limit}.", "en": "The bride is {value}, must be {limit}."}, "source": "s"},
              {"id": "dang-co", "type": "forbidden", "when": {"eq": ["nu_tt", "dang-co"]}, "severity": "error", "field": "nu_tt",
               "message": {"vi": "Đang có chồng.", "en": "Currently married."}, "source": "s"},
              {"id": "dien-tich", "type": "min_ratio", "numerator": "dien_tich", "denominator": "so_nguoi", "min": 8,
               "when": {"eq": ["thue", "co"]}, "severity": "error", "field": "dien_tich",
               "message": {"vi": "{value} m²/người, cần {limit}.", "en": "{value} m² per person, needs {limit}."}, "source": "s"}
            ]}"#,
        ))
        .unwrap()
    }

    /// Gives every `{"vi", "en"}` text of a procedure written here the other languages of
    /// `locales/languages.json` too (the English text), so the toy is complete whatever the list.
    fn in_every_language(json: &str) -> String {
        fn walk(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(en) = m.get("en").cloned() {
                        for l in Lang::ALL {
                            m.entry(l.code()).or_insert_with(|| en.clone());
                        }
                    } else {
                        m.values_mut().for_each(walk);
                    }
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
                _ => {}
            }
        }
        let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
        walk(&mut v);
        v.to_string()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn toy_procedure_is_sound() {
        let p = toy();
        assert_eq!(p.lint(), Vec::<String>::new());
        assert_eq!(
            crate::engine::catalog::CatalogIndex::bundled().lint_groups(&p),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_optional_fields_label_does_not_say_so_itself() {
        // The form adds "(không bắt buộc)" / "(optional)" to an optional field's label.
        let mut p = toy();
        let f = p
            .fields
            .iter_mut()
            .find(|f| !f.required)
            .expect("toy has an optional field");
        let id = f.id.clone();
        f.label = I18n::same("Email (nếu có)").with(Lang::En, "E-mail (Optional) ");
        assert_eq!(
            p.lint(),
            vec![
                format!("field {id} label (vi) says it is optional: the form adds that"),
                format!("field {id} label (en) says it is optional: the form adds that"),
            ]
        );
        // Other brackets are fine.
        let f = p.fields.iter_mut().find(|f| f.id == id).unwrap();
        f.label = I18n::same("Số nhà (ghi rõ)").with(Lang::En, "House number (in full)");
        assert_eq!(p.lint(), Vec::<String>::new());
        // A required field's label is not checked: the form adds nothing to it.
        let f = p.fields.iter_mut().find(|f| f.id == id).unwrap();
        f.required = true;
        f.label = I18n::same("Email (nếu có)");
        assert_eq!(p.lint(), Vec::<String>::new());
    }

    #[test]
    fn minimum_age_counts_full_years_on_the_day() {
        let p = toy();
        // Born 23/11/2008: 17 on 22/11/2026, 18 the next day.
        let a = answers(&[
            ("noi", "19777"),
            ("thue", "khong"),
            ("nu_ten", "Lê Thị Hoa"),
            ("nu_sinh", "23/11/2008"),
            ("nu_tt", "doc-than"),
            ("nam_ten", "Trần Văn An"),
            ("nam_sinh", "01/01/1990"),
        ]);
        let out = validate(&p, &a, &ctx());
        let i = out.for_field("nu_sinh");
        assert_eq!(i.len(), 1, "{:?}", out.issues);
        assert_eq!(i[0].message.en, "The bride is 17, must be 18.");
        let next_day = Context {
            today: Date::from_ymd(2026, 11, 23).unwrap(),
            units: None,
        };
        assert!(validate(&p, &a, &next_day).is_valid());
    }

    #[test]
    fn forbidden_answers_and_conditional_rules() {
        let p = toy();
        let mut a = answers(&[
            ("noi", "19777"),
            ("thue", "co"),
            ("nu_ten", "Lê Thị Hoa"),
            ("nu_sinh", "01/01/1995"),
            ("nu_tt", "dang-co"),
            ("nam_ten", "Trần Văn An"),
            ("nam_sinh", "01/01/1990"),
            ("dien_tich", "20,5"),
            ("so_nguoi", "3"),
        ]);
        let out = validate(&p, &a, &ctx());
        assert_eq!(out.for_field("nu_tt")[0].message.en, "Currently married.");
        // 20.5 / 3 = 6.8 m² per person, below 8; shown with a decimal comma in Vietnamese.
        let area = out.for_field("dien_tich");
        assert_eq!(area[0].message.vi, "6,8 m²/người, cần 8.");
        assert_eq!(area[0].message.en, "6.8 m² per person, needs 8.");
        assert!(!out.canonical.contains_key("dien_tich"));
        a.insert("nu_tt".into(), "doc-than".into());
        a.insert("dien_tich".into(), "24".into());
        assert!(
            validate(&p, &a, &ctx()).is_valid(),
            "24 m² for 3 people is exactly 8 each"
        );
        // The area rule only applies to rented homes.
        a.insert("dien_tich".into(), "10".into());
        assert!(!validate(&p, &a, &ctx()).is_valid());
        a.insert("thue".into(), "khong".into());
        assert!(validate(&p, &a, &ctx()).is_valid());
    }

    #[test]
    fn decimals_accept_a_comma_or_a_dot() {
        assert_eq!(decimal_tenths("25,5", 1, 100), Ok(255));
        assert_eq!(decimal_tenths(" 25.5 ", 1, 100), Ok(255));
        assert_eq!(decimal_tenths("30", 1, 100), Ok(300));
        assert!(decimal_tenths("25,55", 1, 100).is_err());
        assert!(decimal_tenths("1e3", 1, 100).is_err());
        assert!(decimal_tenths("-5", 1, 100).is_err());
        assert!(decimal_tenths("0,5", 1, 100)
            .unwrap_err()
            .en
            .contains("you entered 0.5"));
        assert_eq!(text::tenths_text(255, Lang::Vi), "25,5");
        assert_eq!(text::tenths_text(300, Lang::En), "30");
    }

    #[test]
    fn a_person_entered_once_is_offered_again() {
        let p = toy();
        let a = answers(&[("nu_ten", "Lê Thị Hoa"), ("nu_sinh", "01/01/1995")]);
        let offers = p.person_offers("nam", &a);
        assert_eq!(offers.len(), 1);
        assert_eq!(
            (offers[0].0.id.as_str(), offers[0].1.id.as_str()),
            ("nu", "nam")
        );
        let copied = p.copy_person("nu", "nam", &a);
        assert_eq!(copied["nam_ten"], "Lê Thị Hoa");
        assert_eq!(copied["nam_sinh"], "01/01/1995");
        // Once copied, it is not offered again; nothing is offered on the person's own page.
        assert!(p.person_offers("nam", &copied).is_empty());
        assert!(p.person_offers("nu", &a).is_empty());
        // Unknown people change nothing.
        assert_eq!(p.copy_person("nu", "ghost", &a), a);
    }

    #[test]
    fn every_procedure_is_ordered_grouped_and_has_a_sample_answers_file() {
        let meta: serde_json::Value =
            serde_json::from_str(include_str!("../catalog/catalog.json")).unwrap();
        let order: Vec<&str> = meta["order"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let cat = Catalog::bundled();
        for p in &cat.procedures {
            assert!(
                order.contains(&p.id.as_str()),
                "{} is missing from \"order\" in catalog.json",
                p.id
            );
            let file = format!("{}/tests/answers/{}.json", env!("CARGO_MANIFEST_DIR"), p.id);
            let text =
                std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{file} is missing"));
            let sample: Answers = serde_json::from_str(&text).unwrap();
            assert!(validate(p, &sample, &ctx()).is_valid(), "{file}");
        }
        let idx = crate::engine::catalog::CatalogIndex::bundled();
        let ids: Vec<&str> = idx.procedures.iter().map(|p| p.id.as_str()).collect();
        let listed: Vec<&str> = order.iter().copied().filter(|o| ids.contains(o)).collect();
        assert_eq!(ids, listed, "the index lists procedures most common first");
        for by_event in [true, false] {
            let grouped: usize = idx.grouped(by_event).iter().map(|(_, m)| m.len()).sum();
            assert!(
                grouped >= idx.procedures.len(),
                "every procedure is in a group"
            );
        }
    }
}
