//! Reads the catalog (src/catalog/*.json) at build time and writes, into OUT_DIR:
//! - `catalog_index.json`: version + a summary of every procedure (embedded in every build, so the
//!   start page lists procedures without loading them);
//! - `catalog_files.rs`: every procedure file, `include_str!`-ed (native builds embed them all;
//!   the browser fetches `/data/catalog/<id>.json` when a procedure is opened).
//! - `i18n_texts.rs`: the interface texts from `locales/<lang>.json`.
//! Adding a procedure is adding its JSON file here (docs/catalog.md).

use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

// The index in the compact (postcard) form the app decodes: these mirror, field for field,
// `engine::catalog::{CatalogIndex, ProcedureSummary, Group}` and `engine::text::I18n`
// (checked by the test `the_index_matches_the_procedures`).
#[derive(Serialize, serde::Deserialize)]
struct I18n {
    vi: String,
    en: String,
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
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
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
    interface_texts(Path::new(&root), &out);
}

/// The interface texts, one data file per language (`locales/<code>.json`: text id → text), become
/// `i18n::Tx` constants (`i18n_texts.rs`). Every language must have every text: the build stops
/// and lists what is missing (docs/translating.md).
fn interface_texts(root: &Path, out: &Path) {
    const LANGS: [&str; 2] = ["vi", "en"];
    let dir = root.join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let tables: Vec<serde_json::Map<String, serde_json::Value>> = LANGS
        .iter()
        .map(|code| {
            let path = dir.join(format!("{code}.json"));
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
    let mut problems = Vec::new();
    for (code, table) in LANGS.iter().zip(&tables) {
        for other in &tables {
            for id in other.keys().filter(|id| !table.contains_key(*id)) {
                problems.push(format!("locales/{code}.json lacks {id}"));
            }
        }
        for (id, v) in table {
            if !v.as_str().is_some_and(|t| !t.trim().is_empty()) {
                problems.push(format!(
                    "locales/{code}.json: {id} must be a non-empty text"
                ));
            }
            if !id
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            {
                problems.push(format!("locales/{code}.json: {id} is not a TEXT_ID"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "interface texts:\n{}",
        problems.join("\n")
    );
    let mut rs = String::new();
    for id in tables[0].keys() {
        let texts: Vec<String> = tables
            .iter()
            .map(|t| format!("{:?}", t[id].as_str().unwrap()))
            .collect();
        rs.push_str(&format!("pub const {id}: Tx = Tx({});\n", texts.join(", ")));
    }
    rs.push_str(
        "/// Every interface text, for the completeness test.\npub const ALL: &[(&str, Tx)] = &[\n",
    );
    for id in tables[0].keys() {
        rs.push_str(&format!("    ({id:?}, {id}),\n"));
    }
    rs.push_str("];\n");
    std::fs::write(out.join("i18n_texts.rs"), rs).unwrap();
}
