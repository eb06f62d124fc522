//! The `hoso` command-line tool, run as a process: output, exit codes, and bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn hoso(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp(name: &str, content: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("hoso-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

const TODAY: [&str; 2] = ["--today", "2026-11-22"];

#[test]
fn sample_answers_of_every_procedure_validate_and_have_a_checklist() {
    let (code, list, _) = hoso(&["catalog", "list", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    for p in v["procedures"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let file = format!("tests/answers/{id}.json");
        let (code, out, err) = hoso(&["validate", id, &file, TODAY[0], TODAY[1]]);
        assert_eq!(code, 0, "{id}: {out}{err}");
        let (code, out, _) = hoso(&["checklist", id, &file, "--json"]);
        assert_eq!(code, 0);
        let c: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(!c["documents"].as_array().unwrap().is_empty());
    }
}

#[test]
fn validate_reports_every_problem_with_field_ids() {
    let f = temp(
        "bad.json",
        r#"{"noi_nop": "19777", "tre_ho_ten": "An1", "tre_ngay_sinh": "31/02/2026", "la": "x"}"#
            .as_bytes(),
    );
    let (code, out, _) = hoso(&[
        "validate",
        "khai-sinh",
        &f,
        "--json",
        "--lang",
        "en",
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["valid"], false);
    let fields: Vec<&str> = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["field"].as_str().unwrap())
        .collect();
    for f in ["tre_ho_ten", "tre_ngay_sinh", "co_giay_chung_sinh", "la"] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    let date = v["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["field"] == "tre_ngay_sinh")
        .unwrap();
    assert!(
        date["message"].as_str().unwrap().contains("28 days"),
        "{date}"
    );
    // Text output, Vietnamese by default.
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, TODAY[0], TODAY[1]]);
    assert_eq!(code, 1);
    assert!(out.contains("lỗi") && out.contains("tre_ho_ten"), "{out}");
}

#[test]
fn late_registration_is_a_warning_and_still_valid() {
    let mut a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/answers/khai-sinh.json").unwrap())
            .unwrap();
    a["tre_ngay_sinh"] = "2026-01-01".into();
    let f = temp("late.json", a.to_string().as_bytes());
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, "--json", TODAY[0], TODAY[1]]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"warnings\": 1"), "{out}");
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_code_2() {
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                "/nonexistent/answers.json".into(),
            ],
            "cannot read",
        ),
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                temp("notjson.json", b"{oops"),
            ],
            "not valid JSON",
        ),
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                temp("list.json", b"[1,2]"),
            ],
            "expected a JSON object",
        ),
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                temp("types.json", br#"{"tre_ho_ten": ["a"]}"#),
            ],
            "a list",
        ),
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                temp("bin.json", &[0xff, 0xfe, 0x00]),
            ],
            "not UTF-8",
        ),
        (
            vec![
                "validate".into(),
                "khong-co".into(),
                "tests/answers/khai-sinh.json".into(),
            ],
            "unknown procedure",
        ),
        (vec!["validate".into(), "khai-sinh".into()], "usage"),
        (vec!["frobnicate".into()], "unknown command"),
        // Each command takes its own options: one of another command's is refused.
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                "tests/answers/khai-sinh.json".into(),
                "--attach".into(),
                "giay-chung-sinh=x.jpg".into(),
            ],
            "hoso validate: invalid option '--attach'",
        ),
        (
            vec![
                "verify".into(),
                "p.zip".into(),
                "--today".into(),
                "2026-11-22".into(),
            ],
            "hoso verify: invalid option '--today'",
        ),
        (
            vec![
                "pack".into(),
                "khai-sinh".into(),
                "tests/answers/khai-sinh.json".into(),
                "-o".into(),
                "p.zip".into(),
                "--json".into(),
            ],
            "hoso pack: invalid option '--json'",
        ),
        (
            vec![
                "catalog".into(),
                "list".into(),
                "--today".into(),
                "2026-11-22".into(),
            ],
            "hoso catalog: invalid option '--today'",
        ),
        (
            vec![
                "checklist".into(),
                "khai-sinh".into(),
                "a.json".into(),
                "b.json".into(),
            ],
            "usage",
        ),
        (
            vec![
                "validate".into(),
                "khai-sinh".into(),
                "tests/answers/khai-sinh.json".into(),
                "--lang".into(),
                "fr".into(),
            ],
            // The codes of locales/languages.json (checked whole below).
            "--lang fr: use vi",
        ),
    ];
    // Every language of the list is offered, in its order: "use vi or en", "use vi, en or xx".
    let codes: Vec<&str> = hoso::engine::text::Lang::ALL
        .iter()
        .map(|l| l.code())
        .collect();
    let (first, last) = codes.split_at(codes.len() - 1);
    let offered = format!("--lang fr: use {} or {}", first.join(", "), last[0]);
    for (args, expect) in cases {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = hoso(&a);
        assert_eq!(code, 2, "{a:?}: {out}{err}");
        assert!(err.contains(expect), "{a:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        if a.contains(&"fr") {
            assert!(err.contains(&offered), "{err}");
        }
    }
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("hoso-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("big.json");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(100_000_000).unwrap(); // sparse: no 100 MB written to disk
    let (code, _, err) = hoso(&["validate", "khai-sinh", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("at most"), "{err}");
    std::fs::remove_file(p).unwrap();
}

#[test]
fn catalog_show_gives_the_whole_definition() {
    let (code, out, _) = hoso(&["catalog", "show", "khai-sinh", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["national_codes"][0], "1.001193");
    let field = v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "me_so_dinh_danh")
        .unwrap();
    assert_eq!(field["type"], "personal_id");
    assert_eq!(field["birth_date_field"], "me_ngay_sinh");
    // What `catalog show` prints parses back as the same procedure.
    let again: hoso::engine::catalog::Procedure = serde_json::from_str(&out).unwrap();
    assert_eq!(again.fields.len(), v["fields"].as_array().unwrap().len());
}

#[test]
fn a_package_answers_file_is_accepted_too() {
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/answers/khai-sinh.json").unwrap())
            .unwrap();
    let wrapped = serde_json::json!({"format": "hoso-answers", "format_version": 1, "procedure_id": "khai-sinh", "answers": a});
    let f = temp("pkg-answers.json", wrapped.to_string().as_bytes());
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, TODAY[0], TODAY[1]]);
    assert_eq!(code, 0, "{out}");
}

const JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 2, 3,
];

/// Packs the birth-registration sample (with a birth notice photo unless `photo` is false).
fn pack(name: &str, photo: bool) -> String {
    let jpg = temp("gcs.jpg", JPEG);
    let out = std::env::temp_dir()
        .join(format!("hoso-cli-{}", std::process::id()))
        .join(name)
        .to_string_lossy()
        .into_owned();
    let mut args = vec![
        "pack",
        "khai-sinh",
        "tests/answers/khai-sinh.json",
        "-o",
        &out,
        "--created-at",
        "2026-11-22T03:04:05Z",
        TODAY[0],
        TODAY[1],
    ];
    let attach = format!("giay-chung-sinh={jpg}");
    if photo {
        args.extend(["--attach", &attach]);
    }
    let (code, stdout, stderr) = hoso(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("reference HS-"), "{stdout}");
    out
}

fn verify_json(path: &str) -> (i32, serde_json::Value) {
    let (code, out, err) = hoso(&["verify", path, "--json", "--lang", "en"]);
    (
        code,
        serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}")),
    )
}

/// Rewrites a package's entries with correct CRCs (what a careful forger would do).
fn rewrite(zip: &[u8], f: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    let mut entries: Vec<(String, Vec<u8>)> = hoso::engine::zipr::read(zip)
        .unwrap()
        .into_iter()
        .map(|e| (e.name, zip[e.data].to_vec()))
        .collect();
    f(&mut entries);
    let mut w = hoso::engine::zipw::ZipWriter::with_capacity(zip.len() + 100);
    for (n, d) in &entries {
        w.add(n, d).unwrap();
    }
    w.finish()
}

#[test]
fn pack_then_verify_is_complete_intact_and_valid() {
    let p = pack("ok.zip", true);
    let (code, v) = verify_json(&p);
    assert_eq!(code, 0, "{v}");
    assert_eq!(
        (v["valid"].as_bool(), v["intact"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(v["procedure"]["national_code"], "1.001193");
    assert_eq!(v["receiving_commune"]["name"], "Phường Vỹ Dạ");
    let docs: Vec<&str> = v["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["document_id"].as_str().unwrap())
        .collect();
    assert!(docs.contains(&"giay-chung-sinh"), "{docs:?}");
    // Same inputs, same bytes.
    assert_eq!(
        std::fs::read(&p).unwrap(),
        std::fs::read(pack("again.zip", true)).unwrap()
    );
    // Text output, Vietnamese by default.
    let (code, out, _) = hoso(&["verify", &p]);
    assert_eq!(code, 0);
    assert!(out.contains("đầy đủ, nguyên vẹn và hợp lệ"), "{out}");
}

#[test]
fn verify_reports_missing_documents_and_forged_contents() {
    let (code, v) = verify_json(&pack("nophoto.zip", false));
    assert_eq!(code, 1);
    assert_eq!(v["intact"], true);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "missing-document"),
        "{v}"
    );

    let good = std::fs::read(pack("forge.zip", true)).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("hash-mismatch", rewrite(&good, |e| e[2].1[5] ^= 1)),
        (
            "missing-file",
            rewrite(&good, |e| {
                e.remove(2);
            }),
        ),
        (
            "extra-file",
            rewrite(&good, |e| {
                e.push(("documents/giay-chung-sinh/02.jpg".into(), JPEG.to_vec()))
            }),
        ),
        (
            "id-mismatch",
            rewrite(&good, |e| {
                let m = String::from_utf8(e[0].1.clone())
                    .unwrap()
                    .replace("Phường Vỹ Dạ", "Phường Vĩ Dạ");
                e[0].1 = m.into_bytes();
            }),
        ),
    ];
    for (want, bytes) in cases {
        let (code, v) = verify_json(&temp(&format!("{want}.zip"), &bytes));
        assert_eq!(code, 1, "{want}: {v}");
        assert_eq!(v["intact"], false, "{want}");
        assert!(
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == want),
            "{want}: {v}"
        );
    }
}

#[test]
fn hostile_files_are_refused_with_a_reason_and_exit_2() {
    let good = std::fs::read(pack("base.zip", true)).unwrap();
    let zip_of = |entries: &[(&str, &[u8])]| {
        let mut w = hoso::engine::zipw::ZipWriter::with_capacity(1000);
        for (n, d) in entries {
            w.add(n, d).unwrap();
        }
        w.finish()
    };
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge = vec![b' '; 1_100_000];
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not-zip", b"%PDF-1.4 not a zip".to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "unsafe-path",
            zip_of(&[("manifest.json", b"{}"), ("../../etc/cron.d/x", b"x")]),
        ),
        (
            "unsafe-path",
            zip_of(&[("manifest.json", b"{}"), ("/etc/passwd", b"x")]),
        ),
        (
            "unsafe-path",
            zip_of(&[("manifest.json", b"{}"), ("documents\\x.jpg", b"x")]),
        ),
        (
            "duplicate",
            zip_of(&[("manifest.json", b"{}"), ("a.jpg", b"1"), ("A.jpg", b"2")]),
        ),
        ("no-manifest", zip_of(&[("answers.json", b"{}")])),
        (
            "manifest-invalid",
            zip_of(&[("manifest.json", deep.as_bytes())]),
        ),
        (
            "manifest-invalid",
            zip_of(&[("manifest.json", &[0xFF, 0xFE, b'{', b'}'])]),
        ),
        ("manifest-too-large", zip_of(&[("manifest.json", &huge)])),
    ];
    for (want, bytes) in cases {
        let (code, v) = verify_json(&temp("hostile.zip", &bytes));
        assert_eq!(code, 2, "{want}: {v}");
        assert_eq!(v["code"], want, "{v}");
        assert!(!v["message"].as_str().unwrap().is_empty());
        let (code, _, err) = hoso(&["verify", &temp("hostile2.zip", &bytes)]);
        assert_eq!(code, 2);
        assert!(
            err.starts_with("hoso: ") && !err.contains("panicked"),
            "{err}"
        );
    }
    // A 100 MB file is refused by its size before reading.
    let big = std::env::temp_dir()
        .join(format!("hoso-cli-{}", std::process::id()))
        .join("big.zip");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100_000_000)
        .unwrap();
    let (code, _, err) = hoso(&["verify", big.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("at most"), "{err}");
}

#[test]
fn markup_in_answers_is_only_ever_text() {
    let mut a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/answers/khai-tu.json").unwrap())
            .unwrap();
    a["nm_noi_chet"] = "<script>alert(1)</script> Bệnh viện".into();
    let answers = temp("markup.json", a.to_string().as_bytes());
    let out = std::env::temp_dir()
        .join(format!("hoso-cli-{}", std::process::id()))
        .join("markup.zip");
    let (code, o, e) = hoso(&[
        "pack",
        "khai-tu",
        &answers,
        "-o",
        out.to_str().unwrap(),
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(code, 0, "{o}{e}");
    let z = std::fs::read(&out).unwrap();
    let (m, files) = hoso::engine::package::read(&z).unwrap();
    assert_eq!(m.procedure.id, "khai-tu");
    let ans: serde_json::Value = serde_json::from_slice(&files["answers.json"]).unwrap();
    assert_eq!(
        ans["answers"]["nm_noi_chet"],
        "<script>alert(1)</script> Bệnh viện"
    );
}

#[test]
fn the_sample_packages_verify() {
    for f in [
        "tests/fixtures/khai-sinh.zip",
        "tests/fixtures/khai-tu-markup.zip",
    ] {
        let (code, v) = verify_json(f);
        assert_eq!(
            code, 0,
            "{f}: {v} — rebuild with scripts/data/make-fixtures.sh if the package format changed"
        );
        assert_eq!(v["intact"], true);
    }
}

#[test]
fn declaration_writes_the_official_form_as_a_pdf_an_independent_reader_reads() {
    let dir = std::env::temp_dir().join(format!("hoso-cli-decl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("to-khai.pdf");
    let (code, stdout, err) = hoso(&[
        "declaration",
        "khai-sinh",
        "tests/answers/khai-sinh.json",
        "-o",
        out.to_str().unwrap(),
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(stdout.contains("TỜ KHAI ĐĂNG KÝ KHAI SINH"), "{stdout}");
    let text = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8", out.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (apt poppler-utils, scripts/setup.sh)");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("TỜ KHAI ĐĂNG KÝ KHAI SINH"), "{text}");
    assert!(
        text.contains("Họ, chữ đệm, tên: NGUYỄN THỊ MAI ANH"),
        "{text}"
    );
    assert!(text.contains("không kèm gói hồ sơ"), "{text}");
    // Answers with an error: no form, the errors by field, exit 1.
    let mut a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/answers/khai-sinh.json").unwrap())
            .unwrap();
    a["tre_ngay_sinh"] = "31/02/2026".into();
    let bad = temp("bad-decl.json", a.to_string().as_bytes());
    let (code, stdout, _) = hoso(&[
        "declaration",
        "khai-sinh",
        &bad,
        "-o",
        out.to_str().unwrap(),
        TODAY[0],
        TODAY[1],
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("tre_ngay_sinh"), "{stdout}");
}

#[test]
fn a_package_s_counter_qr_codes_read_back_as_its_answers() {
    // `hoso verify` prints the counter codes; `hoso qr decode` reads them back (any order), with
    // the answers checked under the rules; one misread character is refused.
    let (code, stdout, err) = hoso(&["verify", "tests/fixtures/khai-sinh.zip", "--json"]);
    assert_eq!(code, 0, "{stdout}{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<String> = v["counter_qr"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| c.starts_with("HS1:")));
    let mut args = vec!["qr", "decode", "--json", "--today", "2026-11-22"];
    args.extend(codes.iter().rev().map(String::as_str));
    let (code, stdout, err) = hoso(&args);
    assert_eq!(code, 0, "{stdout}{err}");
    let d: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(d["reference"], v["reference"]);
    assert_eq!(d["procedure"], "khai-sinh");
    assert_eq!(d["answers"]["tre_ho_ten"], "Nguyễn Thị Mai Anh");
    assert_eq!(d["valid"], true);
    // A character changed.
    let bad = {
        let c = &codes[0];
        let at = c.len() - 5;
        let other = if &c[at..at + 1] == "A" { "B" } else { "A" };
        format!("{}{other}{}", &c[..at], &c[at + 1..])
    };
    let mut args = vec!["qr", "decode", bad.as_str()];
    args.extend(codes[1..].iter().map(String::as_str));
    let (code, _, err) = hoso(&args);
    assert_eq!(code, 2);
    assert!(err.contains("đọc chưa đúng"), "{err}");
}

#[test]
fn a_picture_of_the_counter_qr_codes_reads_as_their_text() {
    // `hoso qr image` draws each code as a PNG (zbar, an independent reader, reads it back);
    // `hoso qr decode <picture>` finds and reads the codes in it and says exactly what the codes'
    // text says: one picture per code, or both codes in one colour picture.
    let (code, stdout, err) = hoso(&["verify", "tests/fixtures/khai-sinh.zip", "--json"]);
    assert_eq!(code, 0, "{stdout}{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = v["counter_qr"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(codes.len() > 1, "the sample takes several codes");
    let dir = std::path::Path::new(&temp("x", b""))
        .parent()
        .unwrap()
        .to_path_buf();
    let mut pictures = Vec::new();
    for (i, c) in codes.iter().enumerate() {
        let out = dir
            .join(format!("code-{}.png", i + 1))
            .to_string_lossy()
            .into_owned();
        let (code, _, err) = hoso(&["qr", "image", c, "-o", &out, "--scale", "4"]);
        assert_eq!(code, 0, "{err}");
        let zbar = Command::new("zbarimg")
            .args(["--raw", "-q", &out])
            .output()
            .expect("zbarimg (scripts/setup.sh installs zbar-tools)");
        assert_eq!(
            String::from_utf8_lossy(&zbar.stdout).trim_end_matches('\n'),
            *c
        );
        pictures.push(out);
    }
    let decode = |args: &[&str]| {
        let mut a = vec!["qr", "decode", "--json", TODAY[0], TODAY[1]];
        a.extend(args);
        let (code, out, err) = hoso(&a);
        assert_eq!(code, 0, "{out}{err}");
        out
    };
    let from_text = decode(&codes);
    assert!(from_text.contains("\"reference\": \"HS-"), "{from_text}");
    let names: Vec<&str> = pictures.iter().rev().map(String::as_str).collect();
    assert_eq!(decode(&names), from_text);

    // Both codes in one RGB picture on a grey background, a screenshot as it were.
    let grey = |path: &str| {
        let mut r = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()))
            .read_info()
            .unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let f = r.next_frame(&mut buf).unwrap();
        assert_eq!(f.color_type, png::ColorType::Grayscale);
        (f.width as usize, f.height as usize, buf)
    };
    let parts: Vec<_> = pictures.iter().map(|p| grey(p)).collect();
    let (w, h) = (
        parts.iter().map(|p| p.0 + 20).sum::<usize>() + 20,
        parts.iter().map(|p| p.1).max().unwrap() + 40,
    );
    let mut rgb = [200u8, 205, 215].repeat(w * h);
    let mut left = 20;
    for (pw, ph, px) in &parts {
        for y in 0..*ph {
            for x in 0..*pw {
                let at = 3 * ((y + 20) * w + left + x);
                rgb[at..at + 3].fill(px[y * pw + x]);
            }
        }
        left += pw + 20;
    }
    let both = dir.join("both.png").to_string_lossy().into_owned();
    let mut bytes = Vec::new();
    let mut e = png::Encoder::new(&mut bytes, w as u32, h as u32);
    e.set_color(png::ColorType::Rgb);
    let mut wr = e.write_header().unwrap();
    wr.write_image_data(&rgb).unwrap();
    wr.finish().unwrap();
    std::fs::write(&both, &bytes).unwrap();
    assert_eq!(decode(&[&both]), from_text);

    // A picture with no code, a file that is no picture, a text too long for one code.
    let blank = dir.join("blank.png").to_string_lossy().into_owned();
    let mut bytes = Vec::new();
    let mut e = png::Encoder::new(&mut bytes, 50, 50);
    e.set_color(png::ColorType::Grayscale);
    let mut wr = e.write_header().unwrap();
    wr.write_image_data(&[255; 2500]).unwrap();
    wr.finish().unwrap();
    std::fs::write(&blank, &bytes).unwrap();
    let (code, _, err) = hoso(&["qr", "decode", &blank]);
    assert_eq!(code, 2);
    assert!(err.contains("no QR code found"), "{err}");
    let (code, _, err) = hoso(&["qr", "decode", "tests/answers/khai-sinh.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a PNG or JPEG"), "{err}");
    let long = "A".repeat(5000);
    let (code, _, err) = hoso(&["qr", "image", &long, "-o", &blank]);
    assert_eq!(code, 2);
    assert!(err.contains("too long"), "{err}");
}
