//! Preferences and the ward's settings: the language (kept on the device and on `<html lang>`)
//! and the settings a ward website gave (`embed::load`), fixed for the session. A narrow `Copy`
//! context: the resident app and the staff page both provide it.

use crate::engine::settings::Settings;
use crate::engine::text::Lang;
use crate::i18n::Tx;
use leptos::prelude::*;
use std::sync::Arc;

const LANG_KEY: &str = "hoso:lang";

#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    /// The ward's settings, fixed for the session.
    pub settings: StoredValue<Arc<Settings>>,
}

impl Prefs {
    /// The language kept on the device (or the default), with no ward settings.
    pub fn new() -> Prefs {
        // (Older builds stored the code JSON-quoted.)
        let lang = super::web::load_text(LANG_KEY)
            .and_then(|s| Lang::parse(s.trim_matches('"')))
            .unwrap_or_default();
        Prefs {
            lang: RwSignal::new(lang),
            settings: StoredValue::new(Arc::new(Settings::default())),
        }
    }

    /// Takes the ward's settings: its language unless the resident chose one, its colour.
    pub fn apply(&self, settings: Settings) {
        if let (Some(l), None) = (settings.lang, super::web::load_text(LANG_KEY)) {
            self.lang.set(l);
        }
        if let Some(t) = &settings.theme {
            super::web::set_css_var("--brand", t);
        }
        self.settings.set_value(Arc::new(settings));
    }

    /// Text in the current language (reactive).
    pub fn t(&self, tx: Tx) -> &'static str {
        tx.get(self.lang.get())
    }

    /// Keeps the chosen language on the device and on `<html lang>`.
    pub fn persist(&self) {
        let lang = self.lang;
        Effect::new(move |_| {
            let lang = lang.get();
            super::web::save_text(LANG_KEY, lang.code());
            super::web::set_html_lang(lang.code());
        });
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Self::new()
    }
}

/// The preferences of the page (provided by the app or the staff page).
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}
