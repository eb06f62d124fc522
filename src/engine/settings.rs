//! A ward's settings: which commune receives the files, which procedures are offered and in what
//! order, language, colours, the centre's details, where to submit, and who may embed the wizard.
//!
//! Settings come from one JSON file (`settings.json` beside the app) or from URL parameters for
//! the simple cases. Both are first turned into a small [`Value`] tree (natively by serde_json,
//! in the browser by `JSON.parse`, so the resident app carries no JSON decoder), then checked here.
//! Anything unknown or invalid is reported to the site's maintainer in both languages and replaced
//! by a working default, so the resident always gets a working wizard. Format: docs/embedding.md.

use super::catalog::CatalogIndex;
use super::msg;
use super::text::{fill, fill_one, Arg, I18n, Lang};
use super::units::AdminUnits;

/// A settings value: text, a list, or named values.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    /// A number or a boolean, kept as written (only some settings accept them).
    Other(String),
}

/// The commune centre's details shown to residents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Centre {
    pub name: Option<I18n>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<I18n>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Official code of the commune that receives the files (5 digits).
    pub commune: Option<String>,
    /// Procedure ids offered, in this order (empty: all, most common first).
    pub procedures: Vec<String>,
    pub lang: Option<Lang>,
    /// `#rrggbb`.
    pub theme: Option<String>,
    /// Path of an image served with the app (the app requests nothing from other origins).
    pub logo: Option<String>,
    pub centre: Centre,
    /// Where residents submit (https address).
    pub portal: Option<String>,
    /// Origins allowed to embed the wizard and receive its messages (`https://host[:port]`).
    pub embed_origins: Vec<String>,
}

const KEYS: [&str; 9] = [
    "commune",
    "procedures",
    "lang",
    "theme",
    "logo",
    "centre",
    "portal",
    "embed_origins",
    "$schema",
];

fn problem(key: &str, what: impl Into<I18n>) -> I18n {
    let what = what.into();
    fill(
        msg::SETTING_PROBLEM,
        &[("key", key.into()), ("problem", (&what).into())],
    )
}

/// "“vi” hoặc “en”", "\"vi\" or \"en\"": the language codes, as each language lists them.
fn language_codes() -> I18n {
    I18n::from_fn(|lang| {
        let quoted: Vec<String> = Lang::ALL
            .iter()
            .map(|l| msg::QUOTED_CODE.fill(lang, &[("code", l.code().into())]))
            .collect();
        match quoted.split_last() {
            Some((last, rest)) if !rest.is_empty() => fill_one(
                msg::LIST_OR.get(lang),
                lang,
                &[
                    ("list", Arg::Str(&rest.join(msg::LIST_SEPARATOR.get(lang)))),
                    ("last", last.into()),
                ],
            ),
            _ => quoted.concat(),
        }
    })
}

fn text<'a>(key: &str, v: &'a Value, problems: &mut Vec<I18n>) -> Option<&'a str> {
    match v {
        Value::Text(s) if !s.trim().is_empty() => Some(s.trim()),
        _ => {
            problems.push(problem(key, msg::SETTING_NEEDS_TEXT));
            None
        }
    }
}

fn texts<'a>(key: &str, v: &'a Value, problems: &mut Vec<I18n>) -> Vec<&'a str> {
    match v {
        Value::List(items) => items
            .iter()
            .filter_map(|i| text(key, i, problems))
            .collect(),
        // "a,b,c" (URL parameters).
        Value::Text(s) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
        _ => {
            problems.push(problem(key, msg::SETTING_NEEDS_LIST));
            Vec::new()
        }
    }
}

/// Text in every language: either one text (used for all) or `{"vi": …, "en": …}` with a key per
/// language code; a language left out gets the first language's text, which is required.
fn bilingual(key: &str, v: &Value, problems: &mut Vec<I18n>) -> Option<I18n> {
    match v {
        Value::Text(s) if !s.trim().is_empty() => Some(I18n::same(s.trim())),
        Value::Map(m) => {
            let get = |k: &str| {
                m.iter().find(|(n, _)| n == k).and_then(|(_, v)| match v {
                    Value::Text(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                    _ => None,
                })
            };
            match get(Lang::default().code()) {
                Some(first) => Some(I18n::from_fn(|lang| {
                    get(lang.code()).unwrap_or_else(|| first.clone())
                })),
                None => {
                    problems.push(problem(key, msg::SETTING_NEEDS_FIRST_LANGUAGE));
                    None
                }
            }
        }
        _ => {
            problems.push(problem(key, msg::SETTING_NEEDS_TEXTS));
            None
        }
    }
}

/// `https://host[:port]` (or `http://` for localhost and 127.0.0.1), without path.
pub fn valid_origin(s: &str) -> bool {
    let rest = if let Some(r) = s.strip_prefix("https://") {
        r
    } else if let Some(r) = s.strip_prefix("http://") {
        let host = r.split(':').next().unwrap_or("");
        if host != "localhost" && host != "127.0.0.1" {
            return false;
        }
        r
    } else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && port.is_none_or(|p| {
            !p.is_empty()
                && p.len() <= 5
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
        })
}

fn https_url(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|r| {
        !r.is_empty() && !r.contains(char::is_whitespace) && !r.contains(['"', '<', '>'])
    })
}

impl Settings {
    /// Checks settings; returns what is usable and a message per problem (for the maintainer).
    pub fn from_value(
        v: &Value,
        catalog: &CatalogIndex,
        units: Option<&AdminUnits>,
    ) -> (Settings, Vec<I18n>) {
        let mut s = Settings::default();
        let mut problems = Vec::new();
        let Value::Map(entries) = v else {
            problems.push(msg::SETTINGS_NOT_OBJECT.into());
            return (s, problems);
        };
        for (key, v) in entries {
            let p = &mut problems;
            match key.as_str() {
                "commune" => {
                    let code = match v {
                        Value::Other(n) => Some(n.as_str()),
                        other => text(key, other, p),
                    };
                    if let Some(code) = code {
                        let code = super::units::normalize_code(code, 5);
                        match (code, units) {
                            (Some(c), Some(u)) if u.commune(&c).is_some() => s.commune = Some(c),
                            (Some(c), None) => s.commune = Some(c),
                            _ => p.push(problem(key, msg::SETTING_COMMUNE)),
                        }
                    }
                }
                "procedures" => {
                    for id in texts(key, v, p) {
                        if catalog.get(id).is_none() {
                            p.push(problem(
                                key,
                                fill(msg::SETTING_PROCEDURE, &[("id", id.into())]),
                            ));
                        } else if !s.procedures.iter().any(|x| x == id) {
                            s.procedures.push(id.to_string());
                        }
                    }
                }
                "lang" => match text(key, v, p).and_then(Lang::parse) {
                    Some(l) => s.lang = Some(l),
                    None => p.push(problem(
                        key,
                        fill(msg::SETTING_LANG, &[("codes", (&language_codes()).into())]),
                    )),
                },
                "theme" => match text(key, v, p) {
                    Some(c)
                        if c.len() == 7
                            && c.starts_with('#')
                            && c[1..].bytes().all(|b| b.is_ascii_hexdigit()) =>
                    {
                        s.theme = Some(c.to_ascii_lowercase())
                    }
                    _ => p.push(problem(key, msg::SETTING_THEME)),
                },
                "logo" => match text(key, v, p) {
                    Some(l)
                        if l.starts_with('/')
                            && !l.starts_with("//")
                            && !l.contains(['"', '<', '>', ' ']) =>
                    {
                        s.logo = Some(l.to_string())
                    }
                    _ => p.push(problem(key, msg::SETTING_LOGO)),
                },
                "portal" => match text(key, v, p) {
                    Some(u) if https_url(u) => s.portal = Some(u.to_string()),
                    _ => p.push(problem(key, msg::SETTING_PORTAL)),
                },
                "embed_origins" => {
                    for o in texts(key, v, p) {
                        let o = o.trim_end_matches('/');
                        if valid_origin(o) {
                            s.embed_origins.push(o.to_ascii_lowercase());
                        } else {
                            p.push(problem(
                                key,
                                fill(msg::SETTING_ORIGIN, &[("origin", o.into())]),
                            ));
                        }
                    }
                }
                "centre" => match v {
                    Value::Map(m) => {
                        for (k, v) in m {
                            let name = format!("centre.{k}");
                            match k.as_str() {
                                "name" => s.centre.name = bilingual(&name, v, p),
                                "hours" => s.centre.hours = bilingual(&name, v, p),
                                "address" => {
                                    s.centre.address = text(&name, v, p).map(str::to_string)
                                }
                                "phone" => match text(&name, v, p) {
                                    Some(ph) if valid_phone(ph) => {
                                        s.centre.phone = Some(ph.to_string())
                                    }
                                    _ => p.push(problem(&name, msg::SETTING_PHONE)),
                                },
                                _ => p.push(problem(&name, msg::SETTING_CENTRE_ITEM)),
                            }
                        }
                    }
                    _ => p.push(problem(key, msg::SETTING_CENTRE)),
                },
                "$schema" => {}
                _ => p.push(fill(
                    msg::SETTING_UNKNOWN,
                    &[
                        ("key", key.into()),
                        ("keys", Arg::Str(&KEYS[..8].join(", "))),
                    ],
                )),
            }
        }
        (s, problems)
    }

    /// Settings from URL parameters (`?xa=19777&thu-tuc=khai-sinh,khai-tu&lang=en`; the English
    /// names `commune`, `procedures` work too). Other parameters are not settings and are ignored.
    pub fn from_query(
        pairs: &[(String, String)],
        catalog: &CatalogIndex,
        units: Option<&AdminUnits>,
    ) -> (Settings, Vec<I18n>) {
        let mut m = Vec::new();
        for (k, v) in pairs {
            let key = match k.as_str() {
                "xa" | "commune" => "commune",
                "thu-tuc" | "procedures" => "procedures",
                "lang" => "lang",
                "theme" => "theme",
                _ => continue,
            };
            m.push((key.to_string(), Value::Text(v.clone())));
        }
        Self::from_value(&Value::Map(m), catalog, units)
    }

    /// These settings with `over`'s given values taking precedence (URL over file).
    pub fn merged(mut self, over: Settings) -> Settings {
        if over.commune.is_some() {
            self.commune = over.commune;
        }
        if !over.procedures.is_empty() {
            self.procedures = over.procedures;
        }
        self.lang = over.lang.or(self.lang);
        self.theme = over.theme.or(self.theme);
        self
    }
}

fn valid_phone(s: &str) -> bool {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let digits = digits
        .strip_prefix("+84")
        .map(|d| format!("0{d}"))
        .unwrap_or(digits);
    digits.starts_with('0')
        && (10..=11).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Natively: a settings file's JSON as a [`Value`] (the browser uses `JSON.parse`).
#[cfg(not(target_arch = "wasm32"))]
pub fn value_from_json(text: &str) -> Result<Value, I18n> {
    fn conv(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::String(s) => Value::Text(s),
            serde_json::Value::Array(a) => Value::List(a.into_iter().map(conv).collect()),
            serde_json::Value::Object(o) => {
                Value::Map(o.into_iter().map(|(k, v)| (k, conv(v))).collect())
            }
            other => Value::Other(other.to_string()),
        }
    }
    serde_json::from_str(text).map(conv).map_err(|e| {
        fill(
            msg::SETTINGS_NOT_JSON,
            &[("line", e.line().into()), ("column", e.column().into())],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> (Settings, Vec<I18n>) {
        let v = value_from_json(json).unwrap();
        Settings::from_value(&v, CatalogIndex::bundled(), Some(AdminUnits::bundled()))
    }

    #[test]
    fn a_ward_file_is_read() {
        let (s, p) = check(
            r##"{
            "commune": "19777",
            "procedures": ["khai-sinh", "khai-tu", "khai-sinh"],
            "lang": "vi",
            "theme": "#8A1538",
            "logo": "/logo-vy-da.svg",
            "centre": {"name": {"vi": "Trung tâm Phục vụ hành chính công phường Vỹ Dạ", "en": "Vỹ Dạ Ward Public Administrative Service Centre"},
                       "address": "Huế", "phone": "0234 3822 123", "hours": "7:30–11:30, 13:30–17:00"},
            "portal": "https://dichvucong.gov.vn",
            "embed_origins": ["https://vyda.hue.gov.vn/", "http://127.0.0.1:8766"]
        }"##,
        );
        assert_eq!(p, vec![]);
        assert_eq!(s.commune.as_deref(), Some("19777"));
        assert_eq!(s.procedures, ["khai-sinh", "khai-tu"]);
        assert_eq!(s.theme.as_deref(), Some("#8a1538"));
        assert_eq!(
            s.embed_origins,
            ["https://vyda.hue.gov.vn", "http://127.0.0.1:8766"]
        );
        assert_eq!(s.centre.hours.unwrap().en, "7:30–11:30, 13:30–17:00");
    }

    #[test]
    fn bad_settings_are_explained_and_defaulted() {
        let (s, p) = check(
            r##"{"commune": "99999", "procedures": ["khai-sinh", "nope"], "lang": "fr", "theme": "red",
            "logo": "javascript:alert(1)", "portal": "http://x", "embed_origins": ["*", "https://a.vn/path"], "colour": 1,
            "centre": {"phone": "12", "fax": "x"}}"##,
        );
        assert_eq!(s.commune, None);
        assert_eq!(s.procedures, ["khai-sinh"]);
        assert_eq!(
            (s.lang, s.theme, s.logo, s.portal),
            (None, None, None, None)
        );
        assert!(s.embed_origins.is_empty());
        assert_eq!(p.len(), 11, "{p:#?}");
        assert!(p.iter().all(|m| !m.vi.is_empty() && !m.en.is_empty()));
        assert!(p
            .iter()
            .any(|m| m.en.contains("There is no setting “colour”")));
        assert!(p.iter().any(|m| m.en.contains("“nope”")));
        let (_, p) = Settings::from_value(&Value::List(vec![]), CatalogIndex::bundled(), None);
        assert!(p[0].en.contains("JSON object"));
        assert!(value_from_json("{ oops").unwrap_err().en.contains("line 1"));
    }

    #[test]
    fn url_parameters_and_precedence() {
        let q = |k: &str, v: &str| (k.to_string(), v.to_string());
        let (url, p) = Settings::from_query(
            &[
                q("xa", "19777"),
                q("thu-tuc", "khai-tu,khai-sinh"),
                q("lang", "en"),
                q("return", "review"),
            ],
            CatalogIndex::bundled(),
            Some(AdminUnits::bundled()),
        );
        assert!(p.is_empty());
        assert_eq!(url.procedures, ["khai-tu", "khai-sinh"]);
        let (file, _) = check(
            r#"{"commune": "19777", "procedures": ["khai-sinh"], "portal": "https://dichvucong.gov.vn"}"#,
        );
        let m = file.merged(url);
        assert_eq!(m.procedures, ["khai-tu", "khai-sinh"]);
        assert_eq!(m.lang, Some(Lang::En));
        assert_eq!(m.portal.as_deref(), Some("https://dichvucong.gov.vn"));
    }

    #[test]
    fn shipped_settings_files_are_valid() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/settings");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            let (_, p) = check(&std::fs::read_to_string(&path).unwrap());
            assert_eq!(p, vec![], "{}", path.display());
            n += 1;
        }
        assert!(n >= 1);
    }

    #[test]
    fn origins() {
        for ok in [
            "https://vyda.hue.gov.vn",
            "https://a.vn:8443",
            "http://localhost:8080",
            "http://127.0.0.1:8766",
        ] {
            assert!(valid_origin(ok), "{ok}");
        }
        for bad in [
            "*",
            "http://vyda.vn",
            "https://",
            "https://a.vn/x",
            "https://a.vn:0",
            "https://a.vn:99999",
            "https://a b.vn",
            "javascript:x",
            "https://a..vn",
        ] {
            assert!(!valid_origin(bad), "{bad}");
        }
    }
}
