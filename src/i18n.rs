//! The interface's texts, in every language (`locales/<code>.json`): the app's, the staff page's
//! and the command-line tool's own words, some of them templates with `{placeholders}` (filled in
//! by `Tx::fill`). build.rs turns every id into a constant here (docs/translating.md). The
//! engine's messages are `engine::msg`, generated apart: the engine never reads these. Kept out of
//! the UI module so native tests can check that every text has every language.

pub use crate::engine::text::Tx;

include!(concat!(env!("OUT_DIR"), "/i18n_texts.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::{is_nfc, Lang};

    #[test]
    fn every_text_has_every_language_in_nfc() {
        for (name, t) in ALL.iter().chain(crate::engine::msg::ALL) {
            for lang in Lang::ALL {
                assert!(
                    !t.get(lang).trim().is_empty(),
                    "{name} lacks {}",
                    lang.code()
                );
                assert!(is_nfc(t.get(lang)), "{name} is not NFC in {}", lang.code());
            }
        }
        assert!(ALL.len() > 40);
    }
}
