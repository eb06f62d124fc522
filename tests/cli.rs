//! The `hoso` command-line tool, run as a process: output, exit codes, and bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn hoso(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hoso")).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
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
    let f = temp("bad.json", r#"{"noi_nop": "19777", "tre_ho_ten": "An1", "tre_ngay_sinh": "31/02/2026", "la": "x"}"#.as_bytes());
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, "--json", "--lang", "en", TODAY[0], TODAY[1]]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["valid"], false);
    let fields: Vec<&str> = v["issues"].as_array().unwrap().iter().map(|i| i["field"].as_str().unwrap()).collect();
    for f in ["tre_ho_ten", "tre_ngay_sinh", "co_giay_chung_sinh", "la"] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    let date = v["issues"].as_array().unwrap().iter().find(|i| i["field"] == "tre_ngay_sinh").unwrap();
    assert!(date["message"].as_str().unwrap().contains("28 days"), "{date}");
    // Text output, Vietnamese by default.
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, TODAY[0], TODAY[1]]);
    assert_eq!(code, 1);
    assert!(out.contains("lỗi") && out.contains("tre_ho_ten"), "{out}");
}

#[test]
fn late_registration_is_a_warning_and_still_valid() {
    let mut a: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("tests/answers/khai-sinh.json").unwrap()).unwrap();
    a["tre_ngay_sinh"] = "2026-01-01".into();
    let f = temp("late.json", a.to_string().as_bytes());
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, "--json", TODAY[0], TODAY[1]]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"warnings\": 1"), "{out}");
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_code_2() {
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["validate".into(), "khai-sinh".into(), "/nonexistent/answers.json".into()], "cannot read"),
        (vec!["validate".into(), "khai-sinh".into(), temp("notjson.json", b"{oops")], "not valid JSON"),
        (vec!["validate".into(), "khai-sinh".into(), temp("list.json", b"[1,2]")], "expected a JSON object"),
        (vec!["validate".into(), "khai-sinh".into(), temp("types.json", br#"{"tre_ho_ten": ["a"]}"#)], "a list"),
        (vec!["validate".into(), "khai-sinh".into(), temp("bin.json", &[0xff, 0xfe, 0x00])], "not UTF-8"),
        (vec!["validate".into(), "khong-co".into(), "tests/answers/khai-sinh.json".into()], "unknown procedure"),
        (vec!["validate".into(), "khai-sinh".into()], "usage"),
        (vec!["frobnicate".into()], "unknown command"),
        (vec!["validate".into(), "khai-sinh".into(), "tests/answers/khai-sinh.json".into(), "--lang".into(), "fr".into()], "use vi or en"),
    ];
    for (args, expect) in cases {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = hoso(&a);
        assert_eq!(code, 2, "{a:?}: {out}{err}");
        assert!(err.contains(expect), "{a:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
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
    let field = v["fields"].as_array().unwrap().iter().find(|f| f["id"] == "me_so_dinh_danh").unwrap();
    assert_eq!(field["type"], "personal_id");
    assert_eq!(field["birth_date_field"], "me_ngay_sinh");
    // What `catalog show` prints parses back as the same procedure.
    let again: hoso::engine::catalog::Procedure = serde_json::from_str(&out).unwrap();
    assert_eq!(again.fields.len(), v["fields"].as_array().unwrap().len());
}

#[test]
fn a_package_answers_file_is_accepted_too() {
    let a: serde_json::Value = serde_json::from_str(&std::fs::read_to_string("tests/answers/khai-sinh.json").unwrap()).unwrap();
    let wrapped = serde_json::json!({"format": "hoso-answers", "format_version": 1, "procedure_id": "khai-sinh", "answers": a});
    let f = temp("pkg-answers.json", wrapped.to_string().as_bytes());
    let (code, out, _) = hoso(&["validate", "khai-sinh", &f, TODAY[0], TODAY[1]]);
    assert_eq!(code, 0, "{out}");
}
