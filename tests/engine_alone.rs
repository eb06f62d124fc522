//! The engine stands alone: nothing under `src/engine/` reads anything of the crate outside the
//! engine (the interface texts, the UI, the CLI, the routes), nor a UI or DOM crate. It could
//! be lifted out as a crate of its own; the browser app, the staff page and the CLI use it.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// What in `code` (one file, comments removed) reaches outside the engine.
fn outside_references(code: &str, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if !rest.starts_with("engine") {
            found.push(rest.chars().take(30).collect());
        }
    }
    // `super::` climbing out of `src/engine/` (a file at depth 1 may use one `super::`).
    let climb = "super::".repeat(depth + 1);
    if code.contains(&climb) {
        found.push(climb);
    }
    // (`js_sys` is allowed: in the browser the engine normalises text with the browser's own
    // `String.prototype.normalize`, engine/text.rs, instead of carrying Unicode tables.)
    for krate in ["leptos", "web_sys", "wasm_bindgen", "gloo"] {
        if code.contains(&format!("{krate}::")) {
            found.push(format!("{krate}::"));
        }
    }
    found
}

fn without_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_engine_imports_nothing_from_outside_itself() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 10, "the engine's files were found");
    let mut problems = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap();
        let depth = rel.components().count();
        let code = without_comments(&std::fs::read_to_string(f).unwrap());
        for r in outside_references(&code, depth) {
            problems.push(format!("src/engine/{}: {r}", rel.display()));
        }
    }
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn the_check_sees_an_import_from_outside() {
    assert_eq!(outside_references("use crate::i18n;", 1), vec!["i18n;"]);
    assert_eq!(
        outside_references("use crate::engine::msg;", 1),
        Vec::<String>::new()
    );
    assert_eq!(outside_references("use super::super::ui;", 1).len(), 1);
    assert_eq!(outside_references("leptos::prelude::view", 1).len(), 1);
}
