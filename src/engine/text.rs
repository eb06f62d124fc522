//! Text primitives shared by the whole engine: the two interface languages, bilingual strings,
//! Unicode normalisation (NFC, collapsed spaces) and diacritic-insensitive folding for search.

use serde::{Deserialize, Serialize};

/// Unicode NFC. Natively via `unicode-normalization`; in the browser via the engine's own
/// `String.prototype.normalize`, which saves the ~100 KB of tables the crate would add to the
/// wasm. Both implement the same Unicode algorithm.
#[cfg(not(target_arch = "wasm32"))]
pub fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}
#[cfg(target_arch = "wasm32")]
pub fn nfc(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFC"))
}

/// Letters with diacritics and the plain letter search folds them to: every Vietnamese letter
/// (both cases) and the other Latin-1 / Latin Extended-A letters seen in foreign names. A table
/// instead of NFD decomposition: the browser's `normalize` costs a trip to JavaScript per string,
/// and folding the 3,321 communes when the unit list loads made thousands of them (a test checks
/// the table against NFD).
const FOLDS: [(char, &str); 9] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậäåāÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ"),
    ('e', "èéẻẽẹêềếểễệëēÈÉẺẼẸÊỀẾỂỄỆËĒ"),
    ('i', "ìíỉĩịîïīÌÍỈĨỊÎÏĪ"),
    ('o', "òóỏõọôồốổỗộơờớởỡợöōÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖŌ"),
    ('u', "ùúủũụưừứửữựûüūÙÚỦŨỤƯỪỨỬỮỰÛÜŪ"),
    ('y', "ỳýỷỹỵÿỲÝỶỸỴŸ"),
    ('d', "đĐ"),
    ('c', "çÇ"),
    ('n', "ñÑ"),
];

/// The Vietnamese letters with diacritics in lower and upper case, position for position.
const VI_LOWER: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const VI_UPPER: &str = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

/// Lower case for Vietnamese (and ASCII) text. `str::to_lowercase` would link the whole Unicode
/// case tables into the wasm for letters this app never lowercases; other letters are kept.
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                VI_UPPER
                    .chars()
                    .position(|u| u == c)
                    .and_then(|i| VI_LOWER.chars().nth(i))
                    .unwrap_or(c)
            }
        })
        .collect()
}

fn fold_letter(c: char) -> Option<char> {
    let u = c as u32;
    let base = if (FOLD_LOW_START..FOLD_LOW_END).contains(&u) {
        FOLD_LOW[(u - FOLD_LOW_START) as usize]
    } else if (FOLD_HIGH_START..FOLD_HIGH_END).contains(&u) {
        FOLD_HIGH[(u - FOLD_HIGH_START) as usize]
    } else {
        0
    };
    (base != 0).then_some(base as char)
}

// `FOLDS` as two lookup tables built at compile time, one per block the letters live in (Latin-1
// to Latin Extended-B, and Latin Extended Additional): folding the 3,321 communes when the unit
// list loads looks up tens of thousands of letters, and searching the strings for each made that
// one long task on a slow phone. The build fails if a letter of `FOLDS` is outside both blocks.
const FOLD_LOW_START: u32 = 0xC0;
const FOLD_LOW_END: u32 = 0x1B1;
const FOLD_HIGH_START: u32 = 0x1EA0;
const FOLD_HIGH_END: u32 = 0x1EFA;
const FOLD_LOW: [u8; (FOLD_LOW_END - FOLD_LOW_START) as usize] =
    fold_table(FOLD_LOW_START, FOLD_LOW_END);
const FOLD_HIGH: [u8; (FOLD_HIGH_END - FOLD_HIGH_START) as usize] =
    fold_table(FOLD_HIGH_START, FOLD_HIGH_END);

const fn fold_table<const N: usize>(start: u32, end: u32) -> [u8; N] {
    let mut table = [0u8; N];
    let mut k = 0;
    while k < FOLDS.len() {
        let (to, from) = FOLDS[k];
        let b = from.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // UTF-8 decoding of the 2- and 3-byte letters the table holds.
            let (c, len) = if b[i] < 0xE0 {
                (((b[i] as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
            } else {
                (
                    ((b[i] as u32 & 0x0F) << 12)
                        | ((b[i + 1] as u32 & 0x3F) << 6)
                        | (b[i + 2] as u32 & 0x3F),
                    3,
                )
            };
            let in_low = c >= FOLD_LOW_START && c < FOLD_LOW_END;
            let in_high = c >= FOLD_HIGH_START && c < FOLD_HIGH_END;
            assert!(in_low || in_high, "a letter of FOLDS is outside the folding tables");
            if c >= start && c < end {
                table[(c - start) as usize] = to as u8;
            }
            i += len;
        }
        k += 1;
    }
    table
}

/// Combining diacritical marks (the blocks Latin, Vietnamese and most scripts use). Search
/// folding drops them; the same ranges on every platform keep search results identical.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Interface language. Vietnamese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// A text in both languages. Catalog data and engine messages are always bilingual.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct I18n {
    pub vi: String,
    pub en: String,
}

impl I18n {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        I18n {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    /// Both versions present (non-blank).
    pub fn is_complete(&self) -> bool {
        !self.vi.trim().is_empty() && !self.en.trim().is_empty()
    }
}

/// NFC-normalises, trims, and collapses every run of whitespace (including no-break spaces and
/// line breaks) into one ASCII space. This is how every free-text answer is stored.
pub fn clean(input: &str) -> String {
    let nfc: String = nfc(input);
    let mut out = String::with_capacity(nfc.len());
    for word in nfc.split(|c: char| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when the text is already in Unicode Normalization Form C.
#[cfg(not(target_arch = "wasm32"))]
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}
#[cfg(target_arch = "wasm32")]
pub fn is_nfc(s: &str) -> bool {
    nfc(s) == s
}

/// Folds a text for diacritic- and case-insensitive matching: "Phường Vỹ Dạ" → "phuong vy da".
/// Vietnamese đ/Đ fold to d. Everything that is not a letter or digit becomes a word break.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_mark(c) {
            continue;
        }
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            fold_letter(c).unwrap_or(c)
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Like [`fold`] but drops spaces, hyphens and apostrophes too: "Ê-đê" and "Ê Đê" both → "ede".
pub fn fold_compact(s: &str) -> String {
    fold(s).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Counts characters (Unicode scalar values) — what a person perceives as the length of a name.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Shortens a text for quoting it back in a message, so a 10,000-character paste does not produce a
/// 10,000-character error.
pub fn ellipsize(s: &str, max_chars: usize) -> String {
    if char_len(s) <= max_chars {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max_chars).collect();
        t.push('…');
        t
    }
}

/// Describes one character for an error message: printable ones are quoted, invisible or
/// combining ones are named by their code point so the message never looks empty.
pub fn describe_char(c: char) -> String {
    if c.is_control()
        || is_mark(c)
        || matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
        || c.is_whitespace()
        || c == '\u{200E}'
        || c == '\u{200F}'
    {
        format!("U+{:04X}", c as u32)
    } else {
        format!("“{c}”")
    }
}

/// Formats a whole number with the thousands separator of the language: 8.000 (vi), 8,000 (en).
pub fn group_thousands(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A file size for people: "850 KB", "1,2 MB" (vi uses a decimal comma).
pub fn format_size(bytes: u64, lang: Lang) -> String {
    // Integer arithmetic only: float formatting would add ~10 KB to the wasm.
    if bytes < 1000 {
        return format!(
            "{} {}",
            bytes,
            if lang == Lang::Vi { "byte" } else { "bytes" }
        );
    }
    let (unit_size, unit) = if bytes < 1_000_000 {
        (1000u64, "KB")
    } else {
        (1_000_000, "MB")
    };
    // Tenths, rounded half up.
    let tenths = (bytes * 10 + unit_size / 2) / unit_size;
    let (whole, frac) = (tenths / 10, tenths % 10);
    let sep = if lang == Lang::Vi { ',' } else { '.' };
    if whole >= 100 || frac == 0 {
        let rounded = (bytes + unit_size / 2) / unit_size;
        format!("{rounded} {unit}")
    } else {
        format!("{whole}{sep}{frac} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_and_composes() {
        // "Nguyễn" typed with combining marks (as some keyboards on Windows do), plus odd spaces.
        let decomposed = "  Nguye\u{0302}\u{0303}n\u{00A0}\u{00A0}Va\u{0306}n   An\n";
        assert_eq!(clean(decomposed), "Nguyễn Văn An");
        assert!(is_nfc(&clean(decomposed)));
    }

    /// What folding by decomposition gives: NFD, marks dropped, đ → d, lower case.
    fn fold_by_nfd(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        fold(&s.nfd().collect::<String>())
    }

    #[test]
    fn folding_by_table_matches_decomposition() {
        // Every precomposed letter of the Vietnamese alphabet, both cases.
        let vietnamese = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        for c in vietnamese.chars().chain(vietnamese.to_uppercase().chars()) {
            assert_eq!(fold(&c.to_string()), fold_by_nfd(&c.to_string()), "{c}");
            assert!(fold_letter(c).is_some(), "{c} is not in the table");
        }
        // Every letter the table knows folds as decomposition does.
        for (_, from) in FOLDS {
            for c in from.chars() {
                assert_eq!(fold(&c.to_string()), fold_by_nfd(&c.to_string()), "{c}");
            }
        }
        // And the real data: all 3,355 names in the 2025 unit list, and every ethnic group.
        let units = crate::engine::units::AdminUnits::bundled();
        for name in units
            .communes
            .iter()
            .map(|c| &c.name)
            .chain(units.provinces.iter().map(|p| &p.name))
        {
            assert_eq!(fold(name), fold_by_nfd(name), "{name}");
        }
        for (_, name) in crate::engine::refdata::ETHNIC_GROUPS {
            assert_eq!(fold(name), fold_by_nfd(name), "{name}");
        }
        // The case table is the standard one.
        assert_eq!(VI_LOWER.to_uppercase(), VI_UPPER);
        assert_eq!(VI_LOWER.chars().count(), VI_UPPER.chars().count());
        for name in units.communes.iter().map(|c| &c.name) {
            assert_eq!(lower(name), name.to_lowercase(), "{name}");
        }
        // Text typed with combining marks folds the same.
        assert_eq!(fold("Vy\u{0303} Da\u{0323}"), "vy da");
    }

    #[test]
    fn fold_removes_diacritics() {
        assert_eq!(fold("Phường Vỹ Dạ"), "phuong vy da");
        assert_eq!(fold("Đắk Lắk"), "dak lak");
        assert_eq!(fold("Văn Miếu - Quốc Tử Giám"), "van mieu quoc tu giam");
        assert_eq!(fold_compact("Ê-đê"), "ede");
        assert_eq!(fold_compact("Ê Đê"), "ede");
    }

    #[test]
    fn sizes_and_numbers_are_localised() {
        assert_eq!(format_size(1_234_567, Lang::Vi), "1,2 MB");
        assert_eq!(format_size(1_234_567, Lang::En), "1.2 MB");
        assert_eq!(format_size(850_000, Lang::En), "850 KB");
        assert_eq!(format_size(12, Lang::En), "12 bytes");
        assert_eq!(group_thousands(8000, Lang::Vi), "8.000");
        assert_eq!(group_thousands(1234567, Lang::En), "1,234,567");
    }

    #[test]
    fn ellipsize_limits_quotes() {
        let long = "a".repeat(10_000);
        assert_eq!(char_len(&ellipsize(&long, 20)), 21);
        assert_eq!(ellipsize("ngắn", 20), "ngắn");
    }
}

/// Text made safe to put in HTML, in element content or a quoted attribute.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
