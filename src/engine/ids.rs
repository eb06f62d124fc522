//! Identifier formats: the 12-digit personal identification number (số định danh cá nhân, also the
//! number of the CCCD / citizen identity card), Vietnamese phone numbers and e-mail addresses.
//!
//! Sources (see `../shared/reference/procedures.md` §A, §B): NĐ 137/2015/NĐ-CP Điều 13 and
//! TT 07/2016/TT-BCA Điều 7 + Phụ lục I (structure, province codes) [secondary]; libphonenumber
//! metadata for VN (mobile and fixed-line patterns); the 2018 11→10 digit mobile conversion table.

use super::msg;
use super::text::{describe_char, fill, I18n};

/// Sex as declared on civil-status forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// Canonical stored values are "nam" and "nu"; typed variants are accepted.
    pub fn parse(s: &str) -> Option<Sex> {
        match super::text::fold(s).as_str() {
            "nam" | "male" | "m" => Some(Sex::Male),
            "nu" | "female" | "f" => Some(Sex::Female),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "nam",
            Sex::Female => "nu",
        }
    }
    pub fn label(self) -> I18n {
        match self {
            Sex::Male => msg::SEX_MALE.into(),
            Sex::Female => msg::SEX_FEMALE.into(),
        }
    }
}

/// Codes of the 63 provinces before 2025 (TT 07/2016/TT-BCA Phụ lục I): the first three digits of
/// a personal number are the province where the birth was registered. Numbers issued before the
/// 2025 mergers keep their codes.
pub const ID_PROVINCE_CODES: [(&str, &str); 63] = [
    ("001", "Hà Nội"),
    ("002", "Hà Giang"),
    ("004", "Cao Bằng"),
    ("006", "Bắc Kạn"),
    ("008", "Tuyên Quang"),
    ("010", "Lào Cai"),
    ("011", "Điện Biên"),
    ("012", "Lai Châu"),
    ("014", "Sơn La"),
    ("015", "Yên Bái"),
    ("017", "Hòa Bình"),
    ("019", "Thái Nguyên"),
    ("020", "Lạng Sơn"),
    ("022", "Quảng Ninh"),
    ("024", "Bắc Giang"),
    ("025", "Phú Thọ"),
    ("026", "Vĩnh Phúc"),
    ("027", "Bắc Ninh"),
    ("030", "Hải Dương"),
    ("031", "Hải Phòng"),
    ("033", "Hưng Yên"),
    ("034", "Thái Bình"),
    ("035", "Hà Nam"),
    ("036", "Nam Định"),
    ("037", "Ninh Bình"),
    ("038", "Thanh Hóa"),
    ("040", "Nghệ An"),
    ("042", "Hà Tĩnh"),
    ("044", "Quảng Bình"),
    ("045", "Quảng Trị"),
    ("046", "Thừa Thiên Huế"),
    ("048", "Đà Nẵng"),
    ("049", "Quảng Nam"),
    ("051", "Quảng Ngãi"),
    ("052", "Bình Định"),
    ("054", "Phú Yên"),
    ("056", "Khánh Hòa"),
    ("058", "Ninh Thuận"),
    ("060", "Bình Thuận"),
    ("062", "Kon Tum"),
    ("064", "Gia Lai"),
    ("066", "Đắk Lắk"),
    ("067", "Đắk Nông"),
    ("068", "Lâm Đồng"),
    ("070", "Bình Phước"),
    ("072", "Tây Ninh"),
    ("074", "Bình Dương"),
    ("075", "Đồng Nai"),
    ("077", "Bà Rịa - Vũng Tàu"),
    ("079", "TP Hồ Chí Minh"),
    ("080", "Long An"),
    ("082", "Tiền Giang"),
    ("083", "Bến Tre"),
    ("084", "Trà Vinh"),
    ("086", "Vĩnh Long"),
    ("087", "Đồng Tháp"),
    ("089", "An Giang"),
    ("091", "Kiên Giang"),
    ("092", "Cần Thơ"),
    ("093", "Hậu Giang"),
    ("094", "Sóc Trăng"),
    ("095", "Bạc Liêu"),
    ("096", "Cà Mau"),
];

/// What the 4th–6th digits of a personal number say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdFacts {
    pub sex: Sex,
    pub birth_year: i32,
    /// The first three digits when they are not a province code: for a birth registered abroad
    /// they are a country code (the list of those is not verified, so this is only a warning).
    pub unknown_place: Option<[u8; 3]>,
}

/// Keeps only digits, dropping the spaces, dots and dashes people type to group them.
fn digits_only(s: &str) -> Result<String, char> {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if matches!(c, ' ' | '.' | '-' | '\u{00A0}') {
            continue;
        } else {
            return Err(c);
        }
    }
    Ok(out)
}

/// Validates a personal number on its own: 12 digits (the first three a province code, or, for a
/// birth registered abroad, a country code: see [`IdFacts::unknown_place`]).
/// Returns the canonical 12 digits and what they encode.
pub fn parse_personal_id(input: &str) -> Result<(String, IdFacts), I18n> {
    let d = digits_only(input)
        .map_err(|c| fill(msg::ID_DIGITS_ONLY, &[("char", (&describe_char(c)).into())]))?;
    if d.len() != 12 {
        return Err(fill(msg::ID_LENGTH, &[("count", d.len().into())]));
    }
    let ppp = &d[0..3];
    let known = ID_PROVINCE_CODES.iter().any(|(c, _)| *c == ppp);
    let g = (d.as_bytes()[3] - b'0') as i32;
    let yy: i32 = d[4..6].parse().unwrap_or(0);
    let facts = IdFacts {
        sex: if g % 2 == 0 { Sex::Male } else { Sex::Female },
        birth_year: 1900 + (g / 2) * 100 + yy,
        unknown_place: (!known).then(|| [d.as_bytes()[0], d.as_bytes()[1], d.as_bytes()[2]]),
    };
    Ok((d, facts))
}

/// Cross-checks the century/sex digit and the year digits with the declared sex and birth year.
pub fn check_id_against(
    facts: IdFacts,
    sex: Option<Sex>,
    birth_year: Option<i32>,
) -> Result<(), I18n> {
    if let Some(sex) = sex {
        if sex != facts.sex {
            let word = |s: Sex| match s {
                Sex::Male => msg::SEX_WORD_MALE,
                Sex::Female => msg::SEX_WORD_FEMALE,
            };
            return Err(fill(
                msg::ID_SEX_MISMATCH,
                &[
                    ("id_sex", word(facts.sex).into()),
                    ("declared_sex", word(sex).into()),
                ],
            ));
        }
    }
    if let Some(y) = birth_year {
        if y != facts.birth_year {
            return Err(fill(
                msg::ID_YEAR_MISMATCH,
                &[("id_year", facts.birth_year.into()), ("year", y.into())],
            ));
        }
    }
    Ok(())
}

/// Mobile prefixes renumbered in 2018 (11 → 10 digits): old 4-digit prefix → new 3-digit prefix.
pub const OLD_MOBILE_PREFIXES: [(&str, &str); 21] = [
    ("0120", "070"),
    ("0121", "079"),
    ("0122", "077"),
    ("0126", "076"),
    ("0128", "078"),
    ("0123", "083"),
    ("0124", "084"),
    ("0125", "085"),
    ("0127", "081"),
    ("0129", "082"),
    ("0162", "032"),
    ("0163", "033"),
    ("0164", "034"),
    ("0165", "035"),
    ("0166", "036"),
    ("0167", "037"),
    ("0168", "038"),
    ("0169", "039"),
    ("0186", "056"),
    ("0188", "058"),
    ("0199", "059"),
];

fn is_mobile_national(n: &str) -> bool {
    // n: 9 digits after the leading 0 (libphonenumber VN mobile pattern).
    if n.len() != 9 {
        return false;
    }
    let p3 = &n[0..3];
    let p2 = &n[0..2];
    matches!(
        p3,
        "522" | "523" | "528" | "559" | "896" | "897" | "898" | "899" | "990" | "991"
    ) || matches!(p3.as_bytes(), [b'9', b'9', b'3'..=b'9'])
        || matches!(
            p2.as_bytes(),
            [b'3', _]
                | [b'5', b'1' | b'6' | b'8' | b'9']
                | [b'7', b'0' | b'6'..=b'9']
                | [b'8', b'1'..=b'8']
                | [b'9', b'0'..=b'8']
        )
}

fn is_fixed_national(n: &str) -> bool {
    // n: 10 digits after the leading 0, starting with 2 (area codes 02XX since 2017).
    if n.len() != 10 || !n.starts_with('2') {
        return false;
    }
    let b = n.as_bytes();
    match (b[1], b[2]) {
        (b'0', b'3'..=b'9') => true,
        (b'1', c) => matches!(
            c,
            b'0' | b'1' | b'2' | b'3' | b'4' | b'5' | b'6' | b'8' | b'9'
        ),
        (b'2', c) => matches!(c, b'0' | b'1' | b'2' | b'5'..=b'9'),
        (b'3' | b'8', b'2'..=b'9') => true,
        (b'4', b'2'..=b'8') => true,
        (b'5', c) => matches!(c, b'1' | b'2' | b'4'..=b'9'),
        (b'6', c) => matches!(c, b'0'..=b'3' | b'9'),
        (b'7', b'0'..=b'7') => true,
        (b'9', c) => matches!(c, b'0'..=b'4' | b'6' | b'7' | b'9'),
        _ => false,
    }
}

/// Validates a Vietnamese mobile or landline number. Accepts spaces, dots, dashes, brackets and
/// +84 / 84 prefixes; returns the national form with a leading 0 ("0912345678", "02343812345").
pub fn parse_phone(input: &str) -> Result<String, I18n> {
    let mut s = String::new();
    let trimmed = input.trim();
    let (plus, body) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    for c in body.chars() {
        if c.is_ascii_digit() {
            s.push(c);
        } else if matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{00A0}') {
            continue;
        } else {
            return Err(fill(
                msg::PHONE_DIGITS_ONLY,
                &[("char", (&describe_char(c)).into())],
            ));
        }
    }
    if plus || (s.starts_with("84") && (s.len() == 11 || s.len() == 12)) {
        match s.strip_prefix("84") {
            Some(rest) => s = format!("0{rest}"),
            None => return Err(msg::PHONE_FOREIGN.into()),
        }
    }
    if s.is_empty() {
        return Err(msg::PHONE_EMPTY.into());
    }
    if !s.starts_with('0') {
        return Err(msg::PHONE_START_0.into());
    }
    if s.len() == 11 {
        if let Some((old, new)) = OLD_MOBILE_PREFIXES
            .iter()
            .find(|(old, _)| s.starts_with(old))
        {
            let converted = format!("{new}{}", &s[4..]);
            return Err(fill(
                msg::PHONE_OLD_PREFIX,
                &[
                    ("old", (*old).into()),
                    ("new", (*new).into()),
                    ("number", (&converted).into()),
                ],
            ));
        }
    }
    let national = &s[1..];
    if is_mobile_national(national) || is_fixed_national(national) {
        return Ok(s);
    }
    let template = if s.len() < 10 {
        msg::PHONE_TOO_SHORT
    } else if s.len() > 11 {
        msg::PHONE_TOO_LONG
    } else {
        msg::PHONE_PREFIX
    };
    Err(fill(template, &[("count", s.len().into())]))
}

/// Validates an e-mail address (RFC 5322 syntax via the `email_address` crate, plus a dotted
/// domain as real mail needs). Returns it trimmed, with the domain lower-cased.
pub fn parse_email(input: &str) -> Result<String, I18n> {
    let s = input.trim();
    let bad = || I18n::from(msg::EMAIL_FORMAT);
    if s.chars().count() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = s.rsplit_once('@').ok_or_else(bad)?;
    if local.is_empty()
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.starts_with('[')
        || !email_address::EmailAddress::is_valid(s)
    {
        return Err(bad());
    }
    Ok(format!("{local}@{}", crate::engine::text::lower(domain)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_id_structure() {
        // 025 = Phú Thọ, 1 = female born 1900s, 88 = 1988
        let (n, f) = parse_personal_id("025 188 001 010").unwrap();
        assert_eq!(n, "025188001010");
        assert_eq!(
            f,
            IdFacts {
                sex: Sex::Female,
                birth_year: 1988,
                unknown_place: None
            }
        );
        let (_, f) = parse_personal_id("001206012345").unwrap();
        assert_eq!(
            f,
            IdFacts {
                sex: Sex::Male,
                birth_year: 2006,
                unknown_place: None
            }
        );
        assert!(parse_personal_id("12345678901")
            .unwrap_err()
            .en
            .contains("12 digits"));
        // Not a province code: for a birth registered abroad it is a country code (V1), so the
        // number is accepted and the place is flagged for a warning.
        let (_, f) = parse_personal_id("003188001010").unwrap();
        assert_eq!(f.unknown_place, Some(*b"003"));
        assert!(parse_personal_id("02518800101x")
            .unwrap_err()
            .en
            .contains("digits only"));
    }

    #[test]
    fn personal_id_cross_checks() {
        let (_, f) = parse_personal_id("025188001010").unwrap();
        assert!(check_id_against(f, Some(Sex::Female), Some(1988)).is_ok());
        assert!(check_id_against(f, Some(Sex::Male), None)
            .unwrap_err()
            .en
            .contains("female"));
        assert!(check_id_against(f, None, Some(1989))
            .unwrap_err()
            .en
            .contains("1988"));
    }

    #[test]
    fn phones() {
        // Gmobile's old 0199 became 059 (V2).
        assert!(parse_phone("0199 123 4567").unwrap_err().en.contains("059"));
        assert_eq!(parse_phone("059 123 4567").unwrap(), "0591234567");
        assert_eq!(parse_phone("0912 345 678").unwrap(), "0912345678");
        assert_eq!(parse_phone("+84 912-345-678").unwrap(), "0912345678");
        assert_eq!(parse_phone("84912345678").unwrap(), "0912345678");
        assert_eq!(parse_phone("(024) 3825 1234").unwrap(), "02438251234");
        assert_eq!(parse_phone("0234 3812 345").unwrap(), "02343812345");
        assert_eq!(parse_phone("0386 123 456").unwrap(), "0386123456");
        assert!(parse_phone("01234567890").unwrap_err().vi.contains("083"));
        assert!(parse_phone("091234567")
            .unwrap_err()
            .en
            .contains("too short"));
        assert!(parse_phone("0112345678").is_err());
        assert!(parse_phone("+1 202 555 0100").is_err());
        assert!(parse_phone("0912abc678").is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(
            parse_email(" an.nguyen@Example.VN ").unwrap(),
            "an.nguyen@example.vn"
        );
        for bad in [
            "an",
            "an@",
            "@x.vn",
            "an@localhost",
            "an nguyen@x.vn",
            "an@x.",
            "<b>@x.vn",
        ] {
            assert!(parse_email(bad).is_err(), "{bad}");
        }
    }
}

/// Weights of the tax-code check digit (N10) over N1–N9.
const TAX_WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// Validates a tax code (mã số thuế): 10 digits whose tenth is the check digit, 13 digits
/// (a dependent unit: the parent's 10 digits + 3), or — since 1 July 2025 — the 12-digit personal
/// identification number that individuals and business households use as their tax code.
/// Spaces, dots and dashes are ignored. Canonical forms: "0100233488", "0100233488-001",
/// "046195000123".
pub fn parse_tax_code(input: &str) -> Result<String, I18n> {
    let mut d = String::new();
    for c in input.trim().chars() {
        if c.is_ascii_digit() {
            d.push(c);
        } else if !matches!(c, ' ' | '.' | '-' | '\u{00A0}') {
            return Err(fill(
                msg::TAX_DIGITS_ONLY,
                &[("char", (&describe_char(c)).into())],
            ));
        }
    }
    match d.len() {
        12 => parse_personal_id(&d)
            .map(|(n, _)| n)
            .map_err(|e| fill(msg::TAX_PERSONAL_ID, &[("problem", (&e).into())])),
        10 | 13 => {
            let digits: Vec<u32> = d.chars().filter_map(|c| c.to_digit(10)).collect();
            if digits[2..9].iter().all(|&x| x == 0) || (d.len() == 13 && &d[10..] == "000") {
                return Err(msg::TAX_INVALID.into());
            }
            let sum: u32 = digits[..9]
                .iter()
                .zip(TAX_WEIGHTS)
                .map(|(a, w)| a * w)
                .sum();
            let check = 10 - sum % 11;
            if check == 10 || check % 10 != digits[9] {
                return Err(msg::TAX_CHECK_DIGIT.into());
            }
            Ok(if d.len() == 13 {
                format!("{}-{}", &d[..10], &d[10..])
            } else {
                d
            })
        }
        n => Err(fill(msg::TAX_LENGTH, &[("count", n.into())])),
    }
}

/// Validates a passport number: letters and digits only, 6–9 characters, with at least one digit
/// (Vietnamese passports: one letter and seven digits, e.g. C1234567). Returned in capitals,
/// without spaces.
pub fn parse_passport(input: &str) -> Result<String, I18n> {
    let s: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '-'))
        .collect::<String>()
        .to_ascii_uppercase();
    if let Some(c) = s.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(fill(
            msg::PASSPORT_CHARS,
            &[("char", (&describe_char(c)).into())],
        ));
    }
    let n = s.len();
    if !(6..=9).contains(&n) || !s.chars().any(|c| c.is_ascii_digit()) {
        return Err(fill(msg::PASSPORT_LENGTH, &[("count", n.into())]));
    }
    Ok(s)
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn tax_codes_check_their_check_digit() {
        for ok in [
            "0100233488",
            "0100047516",
            "0314409058",
            "0312687878",
            "0100112437",
        ] {
            assert_eq!(parse_tax_code(ok).unwrap(), ok);
        }
        assert_eq!(parse_tax_code("0100233488 001").unwrap(), "0100233488-001");
        assert_eq!(
            parse_tax_code("010.023.3488-001").unwrap(),
            "0100233488-001"
        );
        assert!(parse_tax_code("0100233480")
            .unwrap_err()
            .en
            .contains("check digit"));
        assert!(parse_tax_code("0100233488-000").is_err());
        assert!(parse_tax_code("0100000000").is_err());
        assert!(parse_tax_code("01002334")
            .unwrap_err()
            .en
            .contains("you entered 8"));
        assert!(parse_tax_code("01002334x8")
            .unwrap_err()
            .vi
            .contains("chữ số"));
        // The 12-digit personal number of an individual or business household.
        assert_eq!(parse_tax_code("046 195 000 123").unwrap(), "046195000123");
        // A personal number whose first digits are not a province (a birth registered abroad:
        // a country code, V1) is a personal number still.
        assert_eq!(parse_tax_code("999195000123").unwrap(), "999195000123");
        assert!(parse_tax_code("04619500012").unwrap_err().en.contains("11"));
    }

    #[test]
    fn passports_are_letters_and_digits() {
        assert_eq!(parse_passport(" c1234567 ").unwrap(), "C1234567");
        assert_eq!(parse_passport("P 00012345").unwrap(), "P00012345");
        assert!(parse_passport("C12")
            .unwrap_err()
            .en
            .contains("you entered 3"));
        assert!(parse_passport("ABCDEFGH").is_err());
        assert!(parse_passport("C123456ă")
            .unwrap_err()
            .vi
            .contains("không dấu"));
    }

    #[test]
    fn landlines_with_02xx_area_codes() {
        assert_eq!(parse_phone("024 3825 1234").unwrap(), "02438251234");
        assert_eq!(parse_phone("(0234) 382 1234").unwrap(), "02343821234");
        assert_eq!(parse_phone("+84 28 3829 1234").unwrap(), "02838291234");
        assert!(parse_phone("0123 456 789").is_err());
    }
}
