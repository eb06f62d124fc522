//! Small reference lists used by field types: the 54 ethnic groups and nationality names.
//!
//! Ethnic groups: GSO classification (Quyết định 121-TCTK/PPCĐ, 02/03/1979), codes and spellings
//! as compiled in `../shared/reference/ethnic-groups.md` [secondary: spellings vary between
//! sources, so common variants are accepted when matching typed input].

use super::text::{fold_compact, I18n};

pub const ETHNIC_GROUPS: [(&str, &str); 54] = [
    ("01", "Kinh"),
    ("02", "Tày"),
    ("03", "Thái"),
    ("04", "Hoa"),
    ("05", "Khmer"),
    ("06", "Mường"),
    ("07", "Nùng"),
    ("08", "Mông"),
    ("09", "Dao"),
    ("10", "Gia Rai"),
    ("11", "Ngái"),
    ("12", "Ê Đê"),
    ("13", "Ba Na"),
    ("14", "Xơ Đăng"),
    ("15", "Sán Chay"),
    ("16", "Cơ Ho"),
    ("17", "Chăm"),
    ("18", "Sán Dìu"),
    ("19", "Hrê"),
    ("20", "Mnông"),
    ("21", "Ra Glai"),
    ("22", "Xtiêng"),
    ("23", "Bru Vân Kiều"),
    ("24", "Thổ"),
    ("25", "Giáy"),
    ("26", "Cơ Tu"),
    ("27", "Gié Triêng"),
    ("28", "Mạ"),
    ("29", "Khơ Mú"),
    ("30", "Co"),
    ("31", "Tà Ôi"),
    ("32", "Chơ Ro"),
    ("33", "Kháng"),
    ("34", "Xinh Mun"),
    ("35", "Hà Nhì"),
    ("36", "Chu Ru"),
    ("37", "Lào"),
    ("38", "La Chí"),
    ("39", "La Ha"),
    ("40", "Phù Lá"),
    ("41", "La Hủ"),
    ("42", "Lự"),
    ("43", "Lô Lô"),
    ("44", "Chứt"),
    ("45", "Mảng"),
    ("46", "Pà Thẻn"),
    ("47", "Cơ Lao"),
    ("48", "Cống"),
    ("49", "Bố Y"),
    ("50", "Si La"),
    ("51", "Pu Péo"),
    ("52", "Brâu"),
    ("53", "Ơ Đu"),
    ("54", "Rơ Măm"),
];

/// For a parent who is a foreign national (forms write "Người nước ngoài").
pub const FOREIGN_ETHNICITY: &str = "Người nước ngoài";

/// Other spellings seen in documents, folded compactly → canonical name.
const ETHNIC_ALIASES: [(&str, &str); 8] = [
    ("khome", "Khmer"),
    ("hmong", "Mông"),
    ("mong", "Mông"),
    ("jrai", "Gia Rai"),
    ("bahnar", "Ba Na"),
    ("stieng", "Xtiêng"),
    ("brauvankieu", "Bru Vân Kiều"),
    ("nuocngoai", FOREIGN_ETHNICITY),
];

/// Matches a typed or stored ethnicity to its canonical name: "kinh", "01", "Ê-đê", "Khơ-me".
pub fn match_ethnicity(input: &str) -> Option<&'static str> {
    let t = input.trim();
    if t.len() <= 2 && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        let code = format!("{t:0>2}");
        return ETHNIC_GROUPS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n);
    }
    let f = fold_compact(t);
    if f.is_empty() {
        return None;
    }
    if f == fold_compact(FOREIGN_ETHNICITY) {
        return Some(FOREIGN_ETHNICITY);
    }
    ETHNIC_GROUPS
        .iter()
        .find(|(_, n)| fold_compact(n) == f)
        .map(|(_, n)| *n)
        .or_else(|| {
            ETHNIC_ALIASES
                .iter()
                .find(|(a, _)| *a == f)
                .map(|(_, n)| *n)
        })
}

pub fn ethnicity_code(name: &str) -> Option<&'static str> {
    ETHNIC_GROUPS
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(c, _)| *c)
}

pub const VIETNAM: &str = "Việt Nam";

/// Names that mean Vietnam when typed in a nationality field.
pub fn is_vietnam(input: &str) -> bool {
    matches!(
        fold_compact(input).as_str(),
        "vietnam" | "vn" | "vietnamese" | "quoctichvietnam"
    )
}

pub fn vietnam_label() -> I18n {
    crate::engine::msg::VIETNAM.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_four_distinct_groups() {
        let mut names: Vec<_> = ETHNIC_GROUPS.iter().map(|(_, n)| fold_compact(n)).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 54);
        for (i, (code, _)) in ETHNIC_GROUPS.iter().enumerate() {
            assert_eq!(code.parse::<usize>().unwrap(), i + 1);
        }
    }

    #[test]
    fn matches_variants() {
        assert_eq!(match_ethnicity("kinh"), Some("Kinh"));
        assert_eq!(match_ethnicity("1"), Some("Kinh"));
        assert_eq!(match_ethnicity("Ê-đê"), Some("Ê Đê"));
        assert_eq!(match_ethnicity("Khơ-me"), Some("Khmer"));
        assert_eq!(match_ethnicity("H'Mông"), Some("Mông"));
        assert_eq!(match_ethnicity("cơ-ho"), Some("Cơ Ho"));
        assert_eq!(match_ethnicity("người nước ngoài"), Some(FOREIGN_ETHNICITY));
        assert_eq!(match_ethnicity("Klingon"), None);
        assert_eq!(match_ethnicity("55"), None);
        assert_eq!(match_ethnicity(""), None);
    }

    #[test]
    fn vietnam_spellings() {
        assert!(is_vietnam("Việt Nam"));
        assert!(is_vietnam("viet nam"));
        assert!(is_vietnam("VN"));
        assert!(!is_vietnam("Lào"));
    }
}
