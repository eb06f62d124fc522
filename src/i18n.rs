//! Interface texts in both languages (Vietnamese first), from the data files `locales/<lang>.json`.
//! Kept out of the UI module so a native test can check that every text has both versions.

use crate::engine::text::Lang;

/// A fixed interface text: (Vietnamese, English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tx(pub &'static str, pub &'static str);

impl Tx {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.0,
            Lang::En => self.1,
        }
    }
}

// The texts themselves are data: `locales/vi.json` and `locales/en.json`, turned into one
// constant per text by build.rs (docs/translating.md).
include!(concat!(env!("OUT_DIR"), "/i18n_texts.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::is_nfc;

    #[test]
    fn every_interface_text_has_both_languages_in_nfc() {
        for (name, t) in ALL {
            assert!(
                !t.0.trim().is_empty() && !t.1.trim().is_empty(),
                "{name} lacks a language"
            );
            assert!(is_nfc(t.0) && is_nfc(t.1), "{name} is not NFC");
        }
        assert!(ALL.len() > 40);
    }
}
