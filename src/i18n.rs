//! The texts, in every language: the interface (`locales/<code>.json`) and the messages the
//! engine, the command-line tool and the app compose from templates with `{placeholders}`
//! (`locales/<code>.messages.json`, filled in by `engine::text::fill`). build.rs turns every id
//! into a constant here (docs/translating.md). Kept out of the UI module so native tests can check
//! that every text has every language.

pub use crate::engine::text::Tx;

include!(concat!(env!("OUT_DIR"), "/i18n_texts.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::{is_nfc, Lang};

    #[test]
    fn every_text_has_every_language_in_nfc() {
        for (name, t) in ALL {
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
