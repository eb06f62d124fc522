//! Reads the catalog (src/catalog/*.json) at build time and writes, into OUT_DIR:
//! - `catalog_index.json`: version + a summary of every procedure (embedded in every build, so the
//!   start page lists procedures without loading them);
//! - `catalog_files.rs`: every procedure file, `include_str!`-ed (native builds embed them all;
//!   the browser fetches `/data/catalog/<id>.json` when a procedure is opened).
//! - `languages.rs`: the languages (`engine::text::Lang`, `I18n`) from `locales/languages.json`;
//! - `i18n_texts.rs`: the interface texts from `locales/<lang>.json` (`crate::i18n`), and
//!   `engine_messages.rs`: the engine's message templates from `locales/<lang>.messages.json`
//!   (`engine::msg`) (docs/translating.md).
//!
//! Adding a procedure is adding its JSON file here (docs/catalog.md); adding a language is adding
//! it to `locales/languages.json` with its two text files (docs/translating.md).

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

// The index in the compact (postcard) form the app decodes: these mirror, field for field,
// `engine::catalog::{CatalogIndex, ProcedureSummary, Group}` and `engine::text::I18n`
// (checked by the test `the_index_matches_the_procedures`).

/// The language codes, in the order of `locales/languages.json` (set before the index is read).
static CODES: OnceLock<Vec<String>> = OnceLock::new();

/// `engine::text::I18n`: one text per language, in the order of the language list. Postcard writes
/// a struct as its fields one after the other, which is what a tuple gives too.
struct I18n(Vec<String>);
impl<'de> serde::Deserialize<'de> for I18n {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut m = BTreeMap::<String, String>::deserialize(d)?;
        let codes = CODES.get().expect("languages read first");
        Ok(I18n(
            codes
                .iter()
                .map(|c| m.remove(c).unwrap_or_default())
                .collect(),
        ))
    }
}
impl Serialize for I18n {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(self.0.len())?;
        for text in &self.0 {
            t.serialize_element(text)?;
        }
        t.end()
    }
}
#[derive(Serialize, serde::Deserialize)]
struct Summary {
    id: String,
    national_codes: Vec<String>,
    name: I18n,
    summary: I18n,
    area: I18n,
    #[serde(default)]
    life_events: Vec<String>,
    #[serde(default)]
    domain: String,
    #[serde(default)]
    person_fields: Vec<String>,
}
#[derive(Serialize, serde::Deserialize)]
struct Group {
    id: String,
    label: I18n,
}
#[derive(Serialize)]
struct Index {
    version: String,
    procedures: Vec<Summary>,
    life_events: Vec<Group>,
    domains: Vec<Group>,
}

fn main() {
    // Read when the script runs, not when it is compiled: a build script binary is reused by
    // checkouts elsewhere that share the target directory.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    // Both bundles' wasm is cut into parts after linking (scripts/build/split.py; src/ui/lazy/,
    // src/ui/staff/part.rs): wasm-split reads the linker's relocations to follow every call.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=hoso=--emit-relocs");
        println!("cargo:rustc-link-arg-bin=hoso-staff=--emit-relocs");
    }
    let langs = languages(Path::new(&root), &out);
    CODES
        .set(langs.iter().map(|l| l.code.clone()).collect())
        .expect("set once");
    let dir = Path::new(&root).join("src/catalog");
    println!("cargo:rerun-if-changed={}", dir.display());
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("catalog.json")).expect("src/catalog/catalog.json"),
    )
    .expect("catalog.json is JSON");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("src/catalog")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name().is_some_and(|n| n != "catalog.json")
        })
        .collect();
    // Most common first: the order listed in catalog.json, then the rest by file name (tests
    // require every procedure to be listed).
    let order: Vec<&str> = meta["order"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let rank = |p: &std::path::PathBuf| {
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        (
            order.iter().position(|o| *o == stem).unwrap_or(usize::MAX),
            stem,
        )
    };
    files.sort_by_key(rank);
    let mut summaries = Vec::new();
    let mut rs = String::from(
        "/// Every procedure file: (id, JSON).\npub static PROCEDURE_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).expect("readable");
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let id = v["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{}: no id", f.display()))
            .to_string();
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        assert_eq!(
            stem,
            id,
            "{}: the file name must be the procedure id",
            f.display()
        );
        let mut s = serde_json::Map::new();
        for k in [
            "id",
            "national_codes",
            "name",
            "summary",
            "area",
            "life_events",
            "domain",
        ] {
            if let Some(x) = v.get(k) {
                s.insert(k.into(), x.clone());
            }
        }
        s.insert("person_fields".into(), person_fields(&v).into());
        summaries.push(serde_json::Value::Object(s));
        writeln!(
            rs,
            "    ({id:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    rs.push_str("];\n");
    let index = serde_json::json!({
        "version": meta["version"],
        "procedures": summaries,
        "life_events": meta["life_events"],
        "domains": meta["domains"],
    });
    std::fs::write(
        out.join("catalog_index.json"),
        serde_json::to_string(&index).unwrap(),
    )
    .unwrap();
    let typed = Index {
        version: meta["version"]
            .as_str()
            .expect("catalog.json version")
            .to_string(),
        procedures: serde_json::from_value(index["procedures"].clone())
            .expect("procedure summaries"),
        life_events: serde_json::from_value(meta["life_events"].clone())
            .expect("catalog.json life_events"),
        domains: serde_json::from_value(meta["domains"].clone()).expect("catalog.json domains"),
    };
    std::fs::write(
        out.join("catalog_index.bin"),
        postcard::to_allocvec(&typed).unwrap(),
    )
    .unwrap();
    std::fs::write(out.join("catalog_files.rs"), rs).unwrap();
    form_files(Path::new(&root), &out);
    interface_texts(Path::new(&root), &out, &langs);
}

/// `forms_files.rs`: every official form (`src/forms/<id>.json`), `include_str!`-ed for native
/// builds, which attach them to the procedures that name them (the browser gets them inside each
/// procedure's compact file).
fn form_files(root: &Path, out: &Path) {
    let dir = root.join("src/forms");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("src/forms")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut rs = String::from(
        "/// Every form file: (id, JSON).\npub static FORM_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let id = f.file_stem().and_then(|s| s.to_str()).expect("a file name");
        writeln!(
            rs,
            "    ({id:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    rs.push_str("];\n");
    std::fs::write(out.join("forms_files.rs"), rs).unwrap();
}

/// One entry of `locales/languages.json` (docs/translating.md).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Language {
    /// BCP 47 code, lower case: "vi", "en", "zh-hant".
    code: String,
    /// The language's name in itself, on the button that switches to it.
    name: String,
    /// That button's accessible name, in the language itself ("Switch to English").
    switch_to: String,
    /// Other codes `Lang::parse` accepts (`?lang=en-GB`, `--lang vi-VN`).
    #[serde(default)]
    aliases: Vec<String>,
    thousands_separator: String,
    decimal_separator: String,
}

const RUST_KEYWORDS: [&str; 16] = [
    "as", "do", "fn", "if", "in", "box", "dyn", "for", "let", "mod", "mut", "pub", "ref", "try",
    "use", "yield",
];

/// The language list, in order of preference (the first is the default), becomes
/// `engine::text::{Lang, I18n}` (`languages.rs`). The build stops on a malformed list.
fn languages(root: &Path, out: &Path) -> Vec<Language> {
    let path = root.join("locales/languages.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let langs: Vec<Language> = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "{}: must be a list of {{code, name, switch_to, aliases, thousands_separator, decimal_separator}}: {e}",
            path.display()
        )
    });
    let mut problems = Vec::new();
    if langs.is_empty() {
        problems.push("the list is empty".to_string());
    }
    let mut seen: Vec<&str> = Vec::new();
    for l in &langs {
        let code_ok = !l.code.is_empty()
            && l.code.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
            && l.code.as_bytes()[0].is_ascii_lowercase();
        if !code_ok {
            problems.push(format!(
                "{:?}: a code is lower-case letters, digits and - (\"vi\", \"zh-hant\")",
                l.code
            ));
        }
        for (what, v) in [
            ("name", &l.name),
            ("switch_to", &l.switch_to),
            ("thousands_separator", &l.thousands_separator),
            ("decimal_separator", &l.decimal_separator),
        ] {
            if v.is_empty() || (what != "thousands_separator" && v.trim().is_empty()) {
                problems.push(format!("{}: {what} is empty", l.code));
            }
        }
        for c in std::iter::once(&l.code).chain(&l.aliases) {
            if seen.contains(&c.as_str()) {
                problems.push(format!("{c} is listed twice (as a code or an alias)"));
            }
            if *c != c.trim().to_ascii_lowercase() {
                problems.push(format!("{c}: codes and aliases are written in lower case"));
            }
            seen.push(c);
        }
    }
    assert!(
        problems.is_empty(),
        "{}:\n{}",
        path.display(),
        problems.join("\n")
    );
    let variant = |code: &str| -> String {
        code.split('-')
            .map(|p| {
                let mut c = p.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect()
    };
    let field = |code: &str| -> String {
        let f = code.replace('-', "_");
        if RUST_KEYWORDS.contains(&f.as_str()) {
            format!("r#{f}")
        } else {
            f
        }
    };
    let n = langs.len();
    let mut rs = String::from("// Written by build.rs from locales/languages.json.\n\n");
    writeln!(
        rs,
        "/// How many languages there are.\npub const LANG_COUNT: usize = {n};\n"
    )
    .unwrap();
    rs.push_str(
        "/// An interface language, as listed in `locales/languages.json`; the first is the default.\n\
         #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]\n\
         pub enum Lang {\n",
    );
    for (i, l) in langs.iter().enumerate() {
        if i == 0 {
            rs.push_str("    #[default]\n");
        }
        writeln!(
            rs,
            "    #[serde(rename = {:?})]\n    {},",
            l.code,
            variant(&l.code)
        )
        .unwrap();
    }
    rs.push_str("}\n\nimpl Lang {\n    /// Every language, in order of preference.\n");
    let all: Vec<String> = langs
        .iter()
        .map(|l| format!("Lang::{}", variant(&l.code)))
        .collect();
    writeln!(
        rs,
        "    pub const ALL: [Lang; LANG_COUNT] = [{}];\n}}\n",
        all.join(", ")
    )
    .unwrap();
    rs.push_str("static LANG_DATA: [LangData; LANG_COUNT] = [\n");
    for l in &langs {
        writeln!(
            rs,
            "    LangData {{ code: {:?}, name: {:?}, switch_to: {:?}, aliases: &{:?}, thousands_separator: {:?}, decimal_separator: {:?} }},",
            l.code, l.name, l.switch_to, l.aliases, l.thousands_separator, l.decimal_separator
        )
        .unwrap();
    }
    rs.push_str("];\n\n");
    rs.push_str(
        "/// A text in every language (catalog data, engine messages). In JSON an object with one key\n\
         /// per language code; a language missing from it reads as empty (the catalog and message\n\
         /// checks refuse that; old packages read that way).\n\
         #[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]\n\
         #[serde(default)]\n\
         pub struct I18n {\n",
    );
    for l in &langs {
        writeln!(
            rs,
            "    #[serde(rename = {:?})]\n    pub {}: String,",
            l.code,
            field(&l.code)
        )
        .unwrap();
    }
    rs.push_str("}\n\nimpl I18n {\n    /// The text in `lang` as it is, empty when missing.\n    pub fn text(&self, lang: Lang) -> &str {\n        match lang {\n");
    for l in &langs {
        writeln!(
            rs,
            "            Lang::{} => &self.{},",
            variant(&l.code),
            field(&l.code)
        )
        .unwrap();
    }
    rs.push_str("        }\n    }\n\n    /// The text in `lang`, to change it.\n    pub fn get_mut(&mut self, lang: Lang) -> &mut String {\n        match lang {\n");
    for l in &langs {
        writeln!(
            rs,
            "            Lang::{} => &mut self.{},",
            variant(&l.code),
            field(&l.code)
        )
        .unwrap();
    }
    rs.push_str("        }\n    }\n}\n\n");
    rs.push_str(
        "impl Serialize for I18n {\n    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {\n        \
         use serde::ser::SerializeStruct;\n        \
         // In JSON a language without a text is left out, so a text read from a file made before\n        \
         // that language was added is written back byte for byte (package manifests are compared\n        \
         // so). Compact (postcard) forms are positional: every language, always.\n        \
         let all = !s.is_human_readable();\n        \
         let mut st = s.serialize_struct(\"I18n\", LANG_COUNT)?;\n",
    );
    for l in &langs {
        let f = field(&l.code);
        writeln!(
            rs,
            "        if all || !self.{f}.is_empty() {{\n            st.serialize_field({:?}, &self.{f})?;\n        }} else {{\n            st.skip_field({:?})?;\n        }}",
            l.code, l.code
        )
        .unwrap();
    }
    rs.push_str("        st.end()\n    }\n}\n");
    std::fs::write(out.join("languages.rs"), rs).unwrap();
    langs
}

/// The `{placeholders}` of a template: `{` a lower-case name `}`. Other braces are text.
fn placeholders(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find('}') {
            let name = &rest[..j];
            if !name.is_empty()
                && name.as_bytes()[0].is_ascii_lowercase()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                out.push(name.to_string());
                rest = &rest[j + 1..];
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The texts, two data files per language: `locales/<code>.json` (the interface) and
/// `locales/<code>.messages.json` (the messages the engine composes, with `{placeholders}`),
/// text id → text. They become `Tx` constants: `crate::i18n` (`i18n_texts.rs`) and
/// `engine::msg` (`engine_messages.rs`). Every
/// language must have every text, non-empty, with the same placeholders as the first language:
/// the build stops and lists every problem (docs/translating.md).
fn interface_texts(root: &Path, out: &Path, langs: &[Language]) {
    let dir = root.join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut problems = Vec::new();
    // Per file kind, per language: the table.
    let mut kinds: Vec<Vec<serde_json::Map<String, serde_json::Value>>> = Vec::new();
    for suffix in [".json", ".messages.json"] {
        let tables: Vec<serde_json::Map<String, serde_json::Value>> = langs
            .iter()
            .map(|l| {
                let path = dir.join(format!("{}{suffix}", l.code));
                println!("cargo:rerun-if-changed={}", path.display());
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                match serde_json::from_str(&text) {
                    Ok(serde_json::Value::Object(m)) => m,
                    _ => panic!(
                        "{}: must be one JSON object of text id → text",
                        path.display()
                    ),
                }
            })
            .collect();
        for (l, table) in langs.iter().zip(&tables) {
            let file = format!("locales/{}{suffix}", l.code);
            for other in &tables {
                for id in other.keys().filter(|id| !table.contains_key(*id)) {
                    problems.push(format!("{file} lacks {id}"));
                }
            }
            for (id, v) in table {
                if !v.as_str().is_some_and(|t| !t.trim().is_empty()) {
                    problems.push(format!("{file}: {id} must be a non-empty text"));
                }
                if !id
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                {
                    problems.push(format!("{file}: {id} is not a TEXT_ID"));
                }
                let first = tables[0].get(id).and_then(|f| f.as_str());
                if let (Some(t), Some(f)) = (v.as_str(), first) {
                    let (mine, want) = (placeholders(t), placeholders(f));
                    if mine != want {
                        problems.push(format!(
                            "{file}: {id} has the placeholders {{{}}} but locales/{}{suffix} has {{{}}}",
                            mine.join("}, {"),
                            langs[0].code,
                            want.join("}, {")
                        ));
                    }
                }
            }
        }
        kinds.push(tables);
    }
    for id in kinds[1][0]
        .keys()
        .filter(|id| kinds[0][0].contains_key(*id))
    {
        problems.push(format!(
            "{id} is both an interface text and a message: one id, one text"
        ));
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "texts (locales/, docs/translating.md):\n{}",
        problems.join("\n")
    );
    // Two files, so that the engine's messages and the interface's texts are separate modules:
    // the engine (`engine::msg`) never reads an interface text (`crate::i18n`).
    for (tables, file, what) in [
        (&kinds[0], "i18n_texts.rs", "interface texts"),
        (&kinds[1], "engine_messages.rs", "engine messages"),
    ] {
        let mut rs = String::new();
        for id in tables[0].keys() {
            let texts: Vec<String> = tables
                .iter()
                .map(|t| format!("{:?}", t[id].as_str().unwrap()))
                .collect();
            writeln!(rs, "pub const {id}: Tx = Tx([{}]);", texts.join(", ")).unwrap();
        }
        writeln!(
            rs,
            "/// Every one of the {what}, for the completeness tests."
        )
        .unwrap();
        rs.push_str("pub const ALL: &[(&str, Tx)] = &[\n");
        for id in tables[0].keys() {
            writeln!(rs, "    ({id:?}, {id}),").unwrap();
        }
        rs.push_str("];\n");
        std::fs::write(out.join(file), rs).unwrap();
    }
}

/// A procedure's full-name fields in page order, as `engine::draft::person_fields` finds them
/// (a test compares the two): the start page names each draft by them.
fn person_fields(v: &serde_json::Value) -> Vec<serde_json::Value> {
    let fields = v["fields"].as_array().cloned().unwrap_or_default();
    v["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|page| page["fields"].as_array().cloned().unwrap_or_default())
        .filter(|id| {
            fields
                .iter()
                .any(|f| f["id"] == *id && f["type"] == "full_name")
        })
        .collect()
}
