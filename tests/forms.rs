//! The printed forms, read back by independent tools. For every procedure, the package made from
//! its sample answers (`tests/answers/<id>.json`) holds one PDF per form (or the plain summary);
//! poppler's `pdftotext -raw` must give back the lines of `tests/forms/<procedure>-<n>.txt` in
//! that order (title, addressee, every label and value, pledge, signature captions), and
//! `qpdf --check` must find no error. Both tools come from apt (scripts/setup.sh).
//!
//! `HOSO_BLESS=1 cargo test --test forms` writes the expected files from what the PDFs say; read
//! each against the official form (src/forms/<form>.json names its source) before committing it.
#![cfg(not(target_arch = "wasm32"))]

use hoso::engine::catalog::{Answers, Catalog};
use hoso::engine::date::{Date, Timestamp};
use hoso::engine::package::{self, BuildInput};
use hoso::engine::pdf::BUNDLED_FONTS;
use hoso::engine::text::Lang;
use hoso::engine::units::AdminUnits;
use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed to read the PDFs ({e}); scripts/setup.sh installs it (apt poppler-utils, qpdf)")
    })
}

/// Text with white space folded: line breaks inside a paragraph do not matter.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The package made from `id`'s sample answers (tests/answers/<id>.json) on 22/11/2026.
fn sample_package(id: &str) -> package::Built {
    let cat = Catalog::bundled();
    let p = cat.procedure(id).unwrap();
    let text = std::fs::read_to_string(format!("tests/answers/{id}.json")).unwrap();
    let answers: Answers = serde_json::from_str(&text).unwrap();
    package::build(&BuildInput {
        procedure: p,
        catalog_version: &cat.version,
        answers: &answers,
        attachments: &[],
        created_at: Timestamp::parse_rfc3339("2026-11-22T03:04:05Z").unwrap(),
        today: Date::from_ymd(2026, 11, 22).unwrap(),
        lang: Lang::Vi,
        units: AdminUnits::bundled(),
        fonts: BUNDLED_FONTS,
        digests: None,
    })
    .unwrap_or_else(|e| {
        panic!(
            "{id}: {:?}",
            e.0.iter().map(|m| m.en.clone()).collect::<Vec<_>>()
        )
    })
}

/// The printed PDFs of the package made from `id`'s sample answers: (path, bytes).
fn printed(id: &str) -> Vec<(String, Vec<u8>)> {
    let built = sample_package(id);
    let (_, files) = package::read(&built.zip.to_vec()).unwrap();
    files
        .into_iter()
        .filter(|(p, _)| p.ends_with(".pdf") && p.starts_with("to-khai/"))
        .collect()
}

#[test]
fn every_printed_form_reads_back_in_the_official_order() {
    let dir = std::env::temp_dir().join(format!("hoso-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bless = std::env::var("HOSO_BLESS").is_ok_and(|v| v == "1");
    let mut problems = Vec::new();
    for p in &Catalog::bundled().procedures {
        let pdfs = printed(&p.id);
        assert!(!pdfs.is_empty(), "{}: no printed form", p.id);
        for (n, (path, bytes)) in pdfs.iter().enumerate() {
            let file = dir.join(format!("{}-{}.pdf", p.id, n + 1));
            std::fs::write(&file, bytes).unwrap();
            let f = file.to_str().unwrap();
            let check = tool("qpdf", &["--check", f]);
            if !check.status.success() {
                problems.push(format!(
                    "{path}: qpdf --check: {}",
                    String::from_utf8_lossy(&check.stdout)
                ));
            }
            let out = tool("pdftotext", &["-raw", "-enc", "UTF-8", f, "-"]);
            let got = String::from_utf8(out.stdout).expect("UTF-8 text");
            let expected_file = format!("tests/forms/{}-{}.txt", p.id, n + 1);
            if bless {
                std::fs::write(&expected_file, &got).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&expected_file).unwrap_or_else(|_| {
                panic!("{expected_file} is missing: HOSO_BLESS=1 cargo test --test forms writes it")
            });
            // Every expected line, in order, in the text the reader extracted (the package's own
            // reference and id, which change with the catalog, are not compared).
            let text = folded(&got);
            let mut at = 0;
            for line in expected.lines().map(folded).filter(|l| !l.is_empty()) {
                if line.contains("HS-") || line.contains("mã gói") {
                    continue;
                }
                match text[at..].find(&line) {
                    Some(i) => at += i + line.len(),
                    None => {
                        problems.push(format!("{path} ({}): not found in order: {line}", p.id));
                        break;
                    }
                }
            }
        }
    }
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn every_character_of_every_form_has_a_glyph() {
    let faces = [BUNDLED_FONTS.regular, BUNDLED_FONTS.bold].map(|d| ttf_parser_face(d));
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("src/forms").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for c in text.chars().filter(|c| !c.is_control()) {
            for (face, name) in faces.iter().zip(["regular", "bold"]) {
                if !face.contains(&c) && !missing.contains(&(c, name)) {
                    missing.push((c, name));
                }
            }
        }
    }
    // Every letter of Vietnamese in NFC, both cases, and the marks a form uses.
    let vi =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
    for c in vi
        .chars()
        .chain(hoso::engine::text::upper(vi).chars())
        .chain("□…“”–".chars())
    {
        for (face, name) in faces.iter().zip(["regular", "bold"]) {
            if !face.contains(&c) {
                missing.push((c, name));
            }
        }
    }
    assert_eq!(missing, Vec::<(char, &str)>::new());
}

/// The characters a font has a glyph for.
fn ttf_parser_face(data: &[u8]) -> Vec<char> {
    let face = ttf_parser::Face::parse(data, 0).unwrap();
    (0u32..0x3_0000)
        .filter_map(char::from_u32)
        .filter(|c| face.glyph_index(*c).is_some())
        .collect()
}

#[test]
fn the_expected_files_name_existing_procedures() {
    for e in std::fs::read_dir("tests/forms").unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        let id = name.rsplit_once('-').map(|(id, _)| id).unwrap_or_default();
        assert!(
            Catalog::bundled().procedure(id).is_some()
                || !Path::new(&format!("src/catalog/{id}.json")).exists(),
            "tests/forms/{name}: no procedure {id}"
        );
    }
}

#[test]
fn every_sample_package_reads_back_intact_with_its_answers_known() {
    // The reader renders the printed forms again (HTML and PDF) and requires the same bytes, and
    // knows every answer, a repeating group's cells included (CT01's household members).
    use hoso::engine::finding::FindingCode;
    let cat = Catalog::bundled();
    for p in &cat.procedures {
        let built = sample_package(&p.id);
        let zip = built.zip.to_vec();
        let opened = package::open(&zip, BUNDLED_FONTS).unwrap();
        let rules = package::check_rules(&opened, p, &cat.version, AdminUnits::bundled());
        let wrong: Vec<_> = opened
            .findings
            .iter()
            .chain(&rules.findings)
            .filter(|f| f.code != FindingCode::MissingDocument)
            .filter(|f| f.severity == hoso::engine::catalog::Severity::Error)
            .map(|f| format!("{}: {}", f.code.as_str(), f.message.en))
            .collect();
        assert_eq!(wrong, Vec::<String>::new(), "{}", p.id);
    }
}

#[test]
fn a_document_of_photos_reads_back_as_one_pdf_with_its_jpegs_unchanged() {
    // engine::ready: the birth notice's two photos as one PDF for the portal; poppler counts the
    // pages and takes the JPEGs out as they are (pdfimages -j), qpdf finds no error.
    // A real baseline JPEG (24×16, made once with Pillow), told apart by a comment segment.
    let base = include_bytes!("fixtures/page.jpg").to_vec();
    let jpeg = |tag: u8| {
        let mut b = base.clone();
        b.splice(2..2, [0xFF, 0xFE, 0, 3, tag]);
        b
    };
    let pages = [jpeg(1), jpeg(2)];
    let p = Catalog::bundled().procedure("khai-sinh").unwrap();
    let atts: Vec<package::Attachment> = pages
        .iter()
        .map(|b| package::Attachment { document_id: "giay-chung-sinh".into(), name: "p.jpg".into(), bytes: b.clone().into() })
        .collect();
    let files = hoso::engine::ready::document_files(p, &p.sample_answers, &atts, BUNDLED_FONTS).unwrap();
    let dir = std::env::temp_dir().join(format!("hoso-ready-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("doc.pdf");
    std::fs::write(&pdf, files[0].bytes.to_vec()).unwrap();
    let f = pdf.to_str().unwrap();
    let check = tool("qpdf", &["--check", f]);
    assert!(check.status.success(), "{}{}", String::from_utf8_lossy(&check.stdout), String::from_utf8_lossy(&check.stderr));
    let info = String::from_utf8(tool("pdfinfo", &[f]).stdout).unwrap();
    assert!(info.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Pages:", "2"]), "{info}");
    let prefix = dir.join("img");
    assert!(tool("pdfimages", &["-j", f, prefix.to_str().unwrap()]).status.success());
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("img"))
        .collect();
    out.sort();
    let got: Vec<Vec<u8>> = out.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(got, pages.to_vec());
    std::fs::remove_dir_all(&dir).unwrap();
}
