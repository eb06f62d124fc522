//! Bilingual completeness: every interface text and every catalog text has a Vietnamese and an
//! English version, Vietnamese in NFC, and the two are not the same untranslated text.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Texts that are rightly the same in both languages (names, codes).
fn same_ok(s: &str) -> bool {
    s.chars().count() <= 12 || s.starts_with("http") || !s.chars().any(|c| c.is_alphabetic())
}

fn check_pair(place: &str, vi: &str, en: &str, problems: &mut Vec<String>) {
    if vi.trim().is_empty() {
        problems.push(format!("{place}: Vietnamese text missing"));
    }
    if en.trim().is_empty() {
        problems.push(format!("{place}: English text missing"));
    }
    if vi.nfc().collect::<String>() != vi {
        problems.push(format!("{place}: Vietnamese text not in NFC"));
    }
    if vi == en && !same_ok(vi) {
        problems.push(format!(
            "{place}: the same text in both languages (untranslated?): {vi}"
        ));
    }
}

/// Every object with a "vi" or an "en" key is a bilingual text.
fn walk(place: &str, v: &Value, problems: &mut Vec<String>) -> usize {
    match v {
        Value::Object(m) if m.contains_key("vi") || m.contains_key("en") => {
            let get = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("");
            check_pair(place, get("vi"), get("en"), problems);
            for k in m.keys().filter(|k| *k != "vi" && *k != "en") {
                problems.push(format!("{place}: unexpected key {k} in a bilingual text"));
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
fn every_catalog_text_has_both_languages() {
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
    assert!(texts > 1000, "only {texts} bilingual texts found");
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn every_interface_text_has_both_languages() {
    let mut problems = Vec::new();
    for (name, t) in hoso::i18n::ALL {
        check_pair(name, t.0, t.1, &mut problems);
    }
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn the_check_finds_what_it_should() {
    let mut p = Vec::new();
    let v: Value = serde_json::from_str(r#"{"a": {"vi": "Đăng ký khai sinh"}, "b": [{"vi": "", "en": "x"}], "c": {"vi": "Some long English text", "en": "Some long English text"}}"#).unwrap();
    assert_eq!(walk("t", &v, &mut p), 3);
    assert_eq!(p.len(), 3, "{p:?}");
    let mut p = Vec::new();
    check_pair("nfd", "Ho\u{302}\u{300} so\u{31b}", "File", &mut p);
    assert_eq!(p.len(), 1);
}
