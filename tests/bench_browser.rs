//! The speed benchmark in headless Chromium, on the wasm build of the same engine: run by
//! scripts/bench.sh (`cargo test --release --target wasm32-unknown-unknown --test bench_browser
//! -- --nocapture`). Prints figures; the only assertions are about correctness.
#![cfg(target_arch = "wasm32")]

use hoso::engine::catalog::Procedure;
use hoso::engine::date::Date;
use hoso::engine::units::AdminUnits;
use hoso::engine::validate::{self, Context};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod files {
    include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));
}

fn now_ms() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let now: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into()).unwrap().dyn_into().unwrap();
    now.call0(&perf).unwrap().as_f64().unwrap()
}

/// Per-call times from batches of `batch` calls (the browser's clock is coarse).
fn measure(batches: usize, batch: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..batches)
        .map(|_| {
            let t = now_ms();
            for _ in 0..batch {
                f();
            }
            (now_ms() - t) / batch as f64
        })
        .collect()
}

fn report(what: &str, goal_ms: f64, mut s: Vec<f64>) {
    s.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| s[((s.len() as f64 - 1.0) * q).round() as usize];
    let verdict = if p(0.95) <= goal_ms { "within goal" } else { "OVER GOAL" };
    console_log!("browser {what:<50} p50 {:>8.4} ms  p95 {:>8.4} ms  (goal ≤ {goal_ms} ms: {verdict})", p(0.5), p(0.95));
}

#[wasm_bindgen_test]
fn validation_and_commune_search_speed_in_the_browser() {
    let units = AdminUnits::from_json(include_str!("../public/data/units-2025.json")).unwrap();
    let procs: Vec<Procedure> = files::PROCEDURE_FILES.iter().map(|(_, j)| Procedure::parse(j).unwrap()).collect();
    let largest = procs.iter().max_by_key(|p| p.fields.len()).unwrap();
    let ctx = Context { today: Date::from_ymd(2026, 11, 23).unwrap(), units: Some(&units) };
    assert!(validate::validate(largest, &largest.sample_answers, &ctx).is_valid());
    let s = measure(50, 20, || {
        std::hint::black_box(validate::validate(largest, &largest.sample_answers, &ctx));
    });
    report(&format!("validate {} ({} fields)", largest.id, largest.fields.len()), 1.0, s);
    assert!(!units.search("vy da", 8).is_empty());
    let queries = ["vy da", "phuong vy da", "Vỹ Dạ", "ben thanh", "xa tan", "hoan kiem", "19777", "zzzz"];
    let mut i = 0;
    let s = measure(40, 16, || {
        std::hint::black_box(units.search(queries[i % queries.len()], 8));
        i += 1;
    });
    report(&format!("commune search ({} units)", units.communes.len()), 2.0, s);
}
