//! The engine's messages in every language: templates with `{placeholders}` from
//! `locales/<code>.messages.json`, one `Tx` constant per message id, written by build.rs
//! (docs/translating.md). The interface's own texts are `crate::i18n`, which the engine never reads.

pub use super::text::Tx;

include!(concat!(env!("OUT_DIR"), "/engine_messages.rs"));
