//! Completeness in every language of `locales/languages.json`: every interface text, message
//! template and catalog text has a version in each language, in NFC, and the other languages do
//! not just repeat the first one's text untranslated.
#![cfg(not(target_arch = "wasm32"))]

use hoso::engine::text::Lang;
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

/// Texts that are rightly the same in every language (names, codes, "{label}: {message}").
fn same_ok(s: &str) -> bool {
    let mut words = String::new();
    let mut rest = s;
    // Placeholders are not words.
    while let Some(i) = rest.find('{') {
        words.push_str(&rest[..i]);
        match rest[i..].find('}') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    words.push_str(rest);
    words.chars().count() <= 12
        || s.starts_with("http")
        || !words.chars().any(|c| c.is_alphabetic())
}

/// One text in every language: `texts[i]` is the text in `Lang::ALL[i]` ("" when missing).
fn check_texts(place: &str, texts: &[&str], problems: &mut Vec<String>) {
    let first = texts[0];
    for (lang, t) in Lang::ALL.iter().zip(texts) {
        if t.trim().is_empty() {
            problems.push(format!("{place}: the text in {} is missing", lang.code()));
        }
        if t.nfc().collect::<String>() != *t {
            problems.push(format!(
                "{place}: the text in {} is not in NFC",
                lang.code()
            ));
        }
        if *lang != Lang::ALL[0] && *t == first && !same_ok(first) {
            problems.push(format!(
                "{place}: the same text in {} as in {} (untranslated?): {first}",
                lang.code(),
                Lang::ALL[0].code()
            ));
        }
    }
}

/// The `{placeholders}` of a text, sorted.
fn placeholders(t: &str) -> Vec<&str> {
    let mut out: Vec<&str> = t
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A catalog text is shown as it is, except a rule's message, a template filled with the rule's
/// `{value}` (or `{days}`) and `{limit}`: any other placeholder, or one a language lacks, would be
/// shown to residents as it is written.
fn check_catalog_placeholders(place: &str, texts: &[&str], problems: &mut Vec<String>) {
    let rule_message = place.contains(".rules[") && place.ends_with(".message");
    let first = placeholders(texts[0]);
    for (lang, t) in Lang::ALL.iter().zip(texts) {
        let names = placeholders(t);
        if names != first {
            problems.push(format!(
                "{place}: the text in {} has the placeholders {names:?}, the first language {first:?}",
                lang.code()
            ));
        }
        for name in names {
            if !(rule_message && ["value", "days", "limit"].contains(&name)) {
                problems.push(format!(
                    "{place}: {{{name}}} in {} is not filled in here",
                    lang.code()
                ));
            }
        }
    }
}

/// Every object with a language code as a key is a text in every language.
fn walk(place: &str, v: &Value, problems: &mut Vec<String>) -> usize {
    let is_code = |k: &str| Lang::ALL.iter().any(|l| l.code() == k);
    match v {
        Value::Object(m) if m.keys().any(|k| is_code(k)) => {
            let texts: Vec<&str> = Lang::ALL
                .iter()
                .map(|l| m.get(l.code()).and_then(Value::as_str).unwrap_or(""))
                .collect();
            check_texts(place, &texts, problems);
            check_catalog_placeholders(place, &texts, problems);
            for k in m.keys().filter(|k| !is_code(k)) {
                problems.push(format!("{place}: unexpected key {k} in a text"));
            }
            1
        }
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| walk(&format!("{place}.{k}"), v, problems))
            .sum(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| walk(&format!("{place}[{i}]"), v, problems))
            .sum(),
        _ => 0,
    }
}

#[test]
fn every_catalog_text_has_every_language() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalog");
    let mut problems = Vec::new();
    let mut texts = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            texts += walk(
                &path.file_name().unwrap().to_string_lossy(),
                &v,
                &mut problems,
            );
        }
    }
    assert!(texts > 1000, "only {texts} texts found");
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn every_interface_text_and_message_has_every_language() {
    let mut problems = Vec::new();
    for (name, t) in hoso::i18n::ALL.iter().chain(hoso::engine::msg::ALL) {
        check_texts(name, &t.0, &mut problems);
    }
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn every_language_is_described() {
    assert_eq!(Lang::default(), Lang::ALL[0]);
    for l in Lang::ALL {
        assert_eq!(Lang::parse(l.code()), Some(l));
        assert_eq!(Lang::parse(&l.code().to_ascii_uppercase()), Some(l));
        assert!(!l.name().trim().is_empty() && !l.switch_to().trim().is_empty());
        assert!(l.name().nfc().eq(l.name().chars()));
    }
}

#[test]
fn the_check_finds_what_it_should() {
    let n = Lang::ALL.len();
    let text = |f: &dyn Fn(usize) -> Option<&'static str>| {
        let mut m = Map::new();
        for (i, l) in Lang::ALL.iter().enumerate() {
            if let Some(t) = f(i) {
                m.insert(l.code().into(), t.into());
            }
        }
        Value::Object(m)
    };
    let mut v = Map::new();
    // Only the first language: every other one is missing.
    v.insert(
        "a".into(),
        text(&|i| (i == 0).then_some("Đăng ký khai sinh")),
    );
    // The first language empty.
    v.insert(
        "b".into(),
        Value::Array(vec![text(&|i| Some(if i == 0 { "" } else { "x" }))]),
    );
    // The same long text in every language: untranslated.
    v.insert("c".into(), text(&|_| Some("Some long English text")));
    let mut p = Vec::new();
    assert_eq!(walk("t", &Value::Object(v), &mut p), 3);
    assert_eq!(p.len(), 2 * (n - 1) + 1, "{p:?}");
    // A rule message may use {value} and {limit}, in every language; a misspelt one, one that a
    // language lacks, or one outside a rule message is found.
    let rule = |f: &dyn Fn(usize) -> &'static str| {
        let mut m = Map::new();
        for (i, l) in Lang::ALL.iter().enumerate() {
            m.insert(l.code().into(), f(i).into());
        }
        Value::Object(m)
    };
    let mut p = Vec::new();
    let ok = rule(&|i| {
        [
            "Mới {value} tuổi, cần {limit}.",
            "Only {value}, at least {limit}.",
        ][i.min(1)]
    });
    walk("t.rules[0].message", &ok, &mut p);
    assert_eq!(p, Vec::<String>::new());
    let misspelt = rule(&|i| {
        [
            "Mới {value} tuổi, cần {limit}.",
            "Only {value}, at least {limt}.",
        ][i.min(1)]
    });
    walk("t.rules[0].message", &misspelt, &mut p);
    assert!(p.len() >= 2, "{p:?}");
    let mut p = Vec::new();
    walk("t.fields[0].label", &ok, &mut p);
    assert_eq!(p.len(), 2 * n, "{p:?}");
    let mut p = Vec::new();
    let mut texts = vec!["File"; n];
    texts[0] = "Ho\u{302}\u{300} so\u{31b}";
    check_texts("nfd", &texts, &mut p);
    assert_eq!(p.len(), 1);
    assert!(same_ok("{label}: {message}") && !same_ok("Enter “{label}” in the box"));
}

/// The published JSON Schemas of the package manifest and of ward settings name the languages
/// too: a language added to `locales/languages.json` must be added there (docs/translating.md).
#[test]
fn the_json_schemas_know_every_language() {
    let read = |name: &str| -> Value {
        let path = format!("{}/public/schema/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    };
    let codes: std::collections::BTreeSet<String> =
        Lang::ALL.iter().map(|l| l.code().to_string()).collect();
    let set = |v: &Value| -> std::collections::BTreeSet<String> {
        match v {
            Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            Value::Object(m) => m.keys().cloned().collect(),
            _ => Default::default(),
        }
    };
    let manifest = read("manifest-v2.schema.json");
    assert_eq!(
        set(&manifest["properties"]["language"]["enum"]),
        codes,
        "manifest language"
    );
    let text = &manifest["$defs"]["i18n"];
    assert_eq!(set(&text["properties"]), codes, "manifest $defs.i18n");
    assert!(set(&text["required"]).is_subset(&codes));
    let settings = read("settings-v1.schema.json");
    assert_eq!(
        set(&settings["properties"]["lang"]["enum"]),
        codes,
        "settings lang"
    );
    assert_eq!(
        set(&settings["$defs"]["text"]["oneOf"][1]["properties"]),
        codes,
        "settings $defs.text"
    );
}
