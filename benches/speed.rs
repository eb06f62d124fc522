//! Speed of the engine, natively: `cargo bench --bench speed` (scripts/bench/bench.sh also runs the
//! same measurements in headless Chromium). Prints figures; asserts nothing about time.
//!
//! - full re-validation of the largest procedure's sample answers (goal ≤ 1 ms);
//! - diacritic-insensitive commune search over the 3,321 units (goal ≤ 2 ms per query);
//! - building and verifying a 20 MB package with 10 attachments (goal: verify ≤ 0.5 s).

use hoso::engine::catalog::Catalog;
use hoso::engine::date::Date;
use hoso::engine::date::Timestamp;
use hoso::engine::package::{self, BuildInput};
use hoso::engine::units::AdminUnits;
use hoso::engine::validate::{self, Context};
use std::time::Instant;

#[path = "../tests/support/twenty_mb.rs"]
mod twenty_mb;

/// Typical queries: partial, without accents, with accents, a code, a miss.
const QUERIES: [&str; 8] = [
    "vy da",
    "phuong vy da",
    "Vỹ Dạ",
    "ben thanh",
    "xa tan",
    "hoan kiem",
    "19777",
    "zzzz",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, goal_ms: f64, mut samples_ms: Vec<f64>) {
    samples_ms.sort_by(|a, b| a.total_cmp(b));
    let (p50, p95, max) = (
        percentile(&samples_ms, 0.5),
        percentile(&samples_ms, 0.95),
        samples_ms[samples_ms.len() - 1],
    );
    let verdict = if p95 <= goal_ms {
        "within goal"
    } else {
        "OVER GOAL"
    };
    println!("{what:<58} p50 {p50:>8.4} ms  p95 {p95:>8.4} ms  max {max:>8.4} ms  (goal ≤ {goal_ms} ms: {verdict})");
}

fn main() {
    let cat = Catalog::bundled();
    let units = AdminUnits::bundled();
    let ctx = Context {
        today: Date::from_ymd(2026, 11, 23).unwrap(),
        units: Some(units),
    };
    let largest = cat
        .procedures
        .iter()
        .max_by_key(|p| p.fields.len())
        .expect("a procedure");
    let out = validate::validate(largest, &largest.sample_answers, &ctx);
    assert!(out.is_valid(), "the sample answers validate");
    let runs = 2000;
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let out = validate::validate(largest, &largest.sample_answers, &ctx);
        std::hint::black_box(&out);
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "native, {} procedures, catalog {}",
        cat.procedures.len(),
        cat.version
    );
    report(
        &format!(
            "validate {} ({} fields, {} answers)",
            largest.id,
            largest.fields.len(),
            largest.sample_answers.len()
        ),
        1.0,
        samples,
    );
    let mut samples = Vec::new();
    for _ in 0..200 {
        for q in QUERIES {
            let t = Instant::now();
            let hits = units.search(q, 8);
            std::hint::black_box(&hits);
            samples.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    assert!(!units.search("vy da", 8).is_empty());
    report(
        &format!(
            "commune search ({} units, {} queries × 200)",
            units.communes.len(),
            QUERIES.len()
        ),
        2.0,
        samples,
    );

    // A 20 MB package: the birth registration with ten 2 MB photos of the birth notice.
    let p = cat.procedure("khai-sinh").expect("khai-sinh");
    let attachments = twenty_mb::photos();
    let input = BuildInput {
        procedure: p,
        catalog_version: &cat.version,
        answers: &p.sample_answers,
        attachments: &attachments,
        created_at: Timestamp::from_unix(1_795_000_000),
        today: Date::from_ymd(2026, 11, 23).unwrap(),
        lang: hoso::engine::text::Lang::Vi,
        units,
        fonts: hoso::engine::pdf::BUNDLED_FONTS,
        digests: None,
    };
    let mut build_ms = Vec::new();
    let mut zip = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        zip = package::build(&input).expect("builds").zip.to_vec();
        build_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mut verify_ms = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let o = package::open(&zip, hoso::engine::pdf::BUNDLED_FONTS).expect("opens");
        let r = package::check_rules(&o, p, &cat.version, units);
        assert!(o.findings.is_empty() && r.findings.is_empty());
        verify_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mb = zip.len() as f64 / 1e6;
    report(
        &format!("build a {mb:.1} MB package (10 attachments)"),
        500.0,
        build_ms.clone(),
    );
    report(
        &format!("verify a {mb:.1} MB package (zip, SHA-256, rules)"),
        500.0,
        verify_ms.clone(),
    );
    build_ms.sort_by(|a, b| a.total_cmp(b));
    verify_ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "throughput: build {:.0} MB/s, verify {:.0} MB/s",
        mb / build_ms[2] * 1e3,
        mb / verify_ms[2] * 1e3
    );
}
