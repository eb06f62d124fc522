//! Text primitives shared by the whole engine: the interface languages, texts in every language
//! and the message templates filled in per language, Unicode normalisation (NFC, collapsed spaces) and diacritic-insensitive folding for search.

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

/// Upper case for Vietnamese (and ASCII) text, the counterpart of [`lower`] (names a form asks
/// "bằng chữ in hoa"); other letters are kept.
pub fn upper(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_uppercase()
            } else {
                VI_LOWER
                    .chars()
                    .position(|l| l == c)
                    .and_then(|i| VI_UPPER.chars().nth(i))
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
            assert!(
                in_low || in_high,
                "a letter of FOLDS is outside the folding tables"
            );
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

// The languages are data (`locales/languages.json`): build.rs writes `Lang` (one variant per
// language, `Lang::ALL`, the first the default), `LANG_COUNT` and `I18n` (one field per language,
// `text`, `get_mut`) from it. docs/translating.md says how to add one.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// What `locales/languages.json` says about one language.
struct LangData {
    code: &'static str,
    name: &'static str,
    switch_to: &'static str,
    aliases: &'static [&'static str],
    thousands_separator: &'static str,
    decimal_separator: &'static str,
}

impl Lang {
    fn data(self) -> &'static LangData {
        &LANG_DATA[self as usize]
    }

    /// The language's code: "vi", "en".
    pub fn code(self) -> &'static str {
        self.data().code
    }

    /// The language's name in itself ("Tiếng Việt", "English"), on the button that switches to it.
    pub fn name(self) -> &'static str {
        self.data().name
    }

    /// The accessible name of the button that switches to the language, in the language itself.
    pub fn switch_to(self) -> &'static str {
        self.data().switch_to
    }

    /// Between the thousands of a whole number: "." in Vietnamese, "," in English.
    pub fn thousands_separator(self) -> &'static str {
        self.data().thousands_separator
    }

    /// Before the decimals of a number: "," in Vietnamese, "." in English.
    pub fn decimal_separator(self) -> &'static str {
        self.data().decimal_separator
    }

    /// A language from its code or one of its aliases ("vi", "vi-VN", "en-GB"), any case.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code || l.data().aliases.contains(&code.as_str()))
    }

    /// The other languages, in order of preference: what the language switch offers.
    pub fn others(self) -> impl Iterator<Item = Lang> {
        Lang::ALL.into_iter().filter(move |l| *l != self)
    }
}

impl I18n {
    /// The text in `lang`; the first language's when it has none in `lang` (a package made before
    /// that language was added).
    pub fn get(&self, lang: Lang) -> &str {
        match self.text(lang) {
            "" => self.text(Lang::default()),
            t => t,
        }
    }

    /// A text made language by language.
    pub fn from_fn(mut f: impl FnMut(Lang) -> String) -> Self {
        let mut t = I18n::default();
        for lang in Lang::ALL {
            *t.get_mut(lang) = f(lang);
        }
        t
    }

    /// The same text in every language (a name, a code).
    pub fn same(text: &str) -> Self {
        I18n::from_fn(|_| text.to_string())
    }

    /// This text with `text` in `lang` (tests build expected values so).
    pub fn with(mut self, lang: Lang, text: impl Into<String>) -> Self {
        *self.get_mut(lang) = text.into();
        self
    }

    /// Every language present (non-blank).
    pub fn is_complete(&self) -> bool {
        Lang::ALL.iter().all(|l| !self.text(*l).trim().is_empty())
    }
}

/// A fixed text in every language, in the order of `Lang::ALL`: the interface texts and message
/// templates of `locales/` (`crate::i18n::*`, `crate::engine::msg::*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tx(pub [&'static str; LANG_COUNT]);

impl Tx {
    pub fn get(self, lang: Lang) -> &'static str {
        self.0[lang as usize]
    }

    /// The template in `lang` with its `{placeholders}` filled in (see [`fill`]).
    pub fn fill(self, lang: Lang, args: &[(&str, Arg)]) -> String {
        fill_one(self.get(lang), lang, args)
    }
}

impl From<Tx> for I18n {
    fn from(t: Tx) -> I18n {
        I18n::from_fn(|lang| t.get(lang).to_string())
    }
}

/// A value put into a message template, written the way each language writes it.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// The same in every language: a name, a code, a file name, what the person typed.
    Str(&'a str),
    /// A text that has its own version per language (a field label, a nested message).
    Text(&'a I18n),
    /// A fixed text per language.
    Tx(Tx),
    /// A whole number as plain digits: a year, a count, a limit.
    Int(i64),
    /// A whole number with the language's thousands separator ([`group_thousands`]).
    Grouped(u64),
    /// Tenths, with the language's decimal separator ([`tenths_text`]): 255 → "25,5" / "25.5".
    Tenths(i64),
    /// A file size ([`format_size`]): "1,2 MB" / "1.2 MB".
    Size(u64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}
impl<'a> From<&'a I18n> for Arg<'a> {
    fn from(t: &'a I18n) -> Self {
        Arg::Text(t)
    }
}
impl From<Tx> for Arg<'_> {
    fn from(t: Tx) -> Self {
        Arg::Tx(t)
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Int(n as i64)
            }
        }
    )*};
}
int_arg!(i32, i64, u8, u16, u32, u64, usize);

/// A message from a template in every language: each `{name}` is replaced by the argument of that
/// name, written for that language. The templates are `locales/<code>.messages.json` (and catalog
/// rule messages); the build checks that every language has the same placeholders.
pub fn fill(template: impl Template, args: &[(&str, Arg)]) -> I18n {
    I18n::from_fn(|lang| fill_one(template.text(lang), lang, args))
}

/// Something with a template per language.
pub trait Template {
    fn text(&self, lang: Lang) -> &str;
}
impl Template for Tx {
    fn text(&self, lang: Lang) -> &str {
        self.get(lang)
    }
}
impl Template for &I18n {
    fn text(&self, lang: Lang) -> &str {
        self.get(lang)
    }
}

/// One language of [`fill`]. A `{name}` without an argument is left as it is; other braces are
/// text.
pub fn fill_one(template: &str, lang: Lang, args: &[(&str, Arg)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let arg = after.find('}').and_then(|j| {
            let name = &after[..j];
            args.iter().find(|(n, _)| *n == name).map(|(_, a)| (j, a))
        });
        match arg {
            Some((j, a)) => {
                match a {
                    Arg::Str(s) => out.push_str(s),
                    Arg::Text(t) => out.push_str(t.get(lang)),
                    Arg::Tx(t) => out.push_str(t.get(lang)),
                    Arg::Int(n) => out.push_str(&n.to_string()),
                    Arg::Grouped(n) => out.push_str(&group_thousands(*n, lang)),
                    Arg::Tenths(t) => out.push_str(&tenths_text(*t, lang)),
                    Arg::Size(b) => out.push_str(&format_size(*b, lang)),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
    let sep = lang.thousands_separator();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// Tenths as a number with at most one decimal, written with `separator`; no decimal part when
/// it is zero: (255, ",") → "25,5", (300, ".") → "30".
pub fn tenths_with(tenths: i64, separator: &str) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        f => format!("{}{separator}{}", tenths / 10, f.abs()),
    }
}

/// Tenths as the language writes them: "25,5" in Vietnamese, "25.5" in English.
pub fn tenths_text(tenths: i64, lang: Lang) -> String {
    tenths_with(tenths, lang.decimal_separator())
}

/// A file size for people: "850 KB", "1,2 MB" (vi uses a decimal comma). The units are the
/// templates SIZE_BYTES, SIZE_KB and SIZE_MB of `locales/<code>.messages.json`.
pub fn format_size(bytes: u64, lang: Lang) -> String {
    use crate::engine::msg;
    // Integer arithmetic only: float formatting would add ~10 KB to the wasm.
    if bytes < 1000 {
        return fill_one(msg::SIZE_BYTES.get(lang), lang, &[("n", bytes.into())]);
    }
    let (unit_size, unit) = if bytes < 1_000_000 {
        (1000u64, msg::SIZE_KB)
    } else {
        (1_000_000, msg::SIZE_MB)
    };
    // Tenths, rounded half up.
    let tenths = (bytes * 10 + unit_size / 2) / unit_size;
    let (whole, frac) = (tenths / 10, tenths % 10);
    let n = if whole >= 100 || frac == 0 {
        ((bytes + unit_size / 2) / unit_size).to_string()
    } else {
        tenths_text(tenths as i64, lang)
    };
    fill_one(unit.get(lang), lang, &[("n", Arg::Str(&n))])
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
    fn templates_are_filled_per_language() {
        let label = I18n::from_fn(|l| format!("label-{}", l.code()));
        let m = fill(
            crate::engine::msg::ENTER_FIELD,
            &[("label", (&label).into()), ("unused", "x".into())],
        );
        for l in Lang::ALL {
            let want = crate::engine::msg::ENTER_FIELD
                .get(l)
                .replace("{label}", &format!("label-{}", l.code()));
            assert_eq!(m.get(l), want);
        }
        assert_eq!(m.vi, "Hãy nhập “label-vi”.");
        assert_eq!(m.en, "Enter “label-en”.");
        // Numbers as each language writes them; braces that are not placeholders stay text.
        let t = I18n::from_fn(|_| "{a} {b} {c} {d} {missing} { x } {\"vi\": …}".to_string());
        let m = fill(
            &t,
            &[
                ("a", 2026.into()),
                ("b", Arg::Grouped(8000)),
                ("c", Arg::Tenths(255)),
                ("d", Arg::Size(1_234_567)),
            ],
        );
        assert_eq!(m.vi, "2026 8.000 25,5 1,2 MB {missing} { x } {\"vi\": …}");
        assert_eq!(m.en, "2026 8,000 25.5 1.2 MB {missing} { x } {\"vi\": …}");
        assert_eq!(fill_one("{", Lang::Vi, &[]), "{");
        assert_eq!(fill_one("a}{b", Lang::Vi, &[("b", "B".into())]), "a}{b");
    }

    #[test]
    fn languages_come_from_the_list() {
        assert_eq!(Lang::ALL[0], Lang::default());
        assert_eq!(Lang::parse(" vi-VN "), Some(Lang::Vi));
        assert_eq!(Lang::parse("en-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fr-xx"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
            assert_eq!(l.others().count(), Lang::ALL.len() - 1);
            assert!(l.others().all(|o| o != l));
        }
        assert_eq!(Lang::Vi.name(), "Tiếng Việt");
        assert_eq!(Lang::En.switch_to(), "Switch to English");
    }

    #[test]
    fn a_text_without_a_language_reads_and_writes_back_unchanged() {
        // A package made before a language was added names its procedure in the old languages
        // only; its manifest must be written back byte for byte (its id is a hash of it).
        let json = r#"{"vi":"Đăng ký khai sinh"}"#;
        let t: I18n = serde_json::from_str(json).unwrap();
        assert_eq!(t.vi, "Đăng ký khai sinh");
        assert!(!t.is_complete());
        // Shown in the first language where it has no text.
        assert_eq!(
            (t.text(Lang::En), t.get(Lang::En)),
            ("", "Đăng ký khai sinh")
        );
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
        let all = I18n::from_fn(|l| l.code().to_string());
        let back: I18n = serde_json::from_str(&serde_json::to_string(&all).unwrap()).unwrap();
        assert_eq!(back, all);
        // The compact form keeps every language, in order.
        let bytes = postcard::to_allocvec(&I18n::default().with(Lang::En, "x")).unwrap();
        assert_eq!(postcard::from_bytes::<I18n>(&bytes).unwrap().en, "x");
        assert_eq!(bytes.len(), Lang::ALL.len() + 1);
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
