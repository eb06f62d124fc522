//! The speed benchmark in headless Chromium, on the wasm build of the same engine: run by
//! scripts/bench/bench.sh (`cargo test --release --target wasm32-unknown-unknown --test bench_browser
//! -- --nocapture`). Prints figures; the only assertions are about correctness.
#![cfg(target_arch = "wasm32")]

use hoso::engine::catalog::Procedure;
use hoso::engine::date::Date;
use hoso::engine::date::Timestamp;
use hoso::engine::package::{self, Attachment, BuildInput};
use hoso::engine::units::AdminUnits;
use hoso::engine::validate::{self, Context};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[path = "support/twenty_mb.rs"]
mod twenty_mb;
use twenty_mb::photos;

wasm_bindgen_test_configure!(run_in_browser);

mod files {
    include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));
}

/// The fonts of the printed forms (the app fetches them; here compiled in).
const FONTS: hoso::engine::pdf::Fonts = hoso::engine::pdf::Fonts {
    regular: include_bytes!("../public/fonts/HosoSerif-Regular.ttf"),
    bold: include_bytes!("../public/fonts/HosoSerif-Bold.ttf"),
};

fn now_ms() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let now: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into())
        .unwrap()
        .dyn_into()
        .unwrap();
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
    let verdict = if p(0.95) <= goal_ms {
        "within goal"
    } else {
        "OVER GOAL"
    };
    console_log!(
        "browser {what:<50} p50 {:>8.4} ms  p95 {:>8.4} ms  (goal ≤ {goal_ms} ms: {verdict})",
        p(0.5),
        p(0.95)
    );
}

#[wasm_bindgen_test]
fn validation_and_commune_search_speed_in_the_browser() {
    let units = AdminUnits::from_json(include_str!("../public/data/units-2025.json")).unwrap();
    let procs: Vec<Procedure> = files::PROCEDURE_FILES
        .iter()
        .map(|(_, j)| Procedure::parse(j).unwrap())
        .collect();
    let largest = procs.iter().max_by_key(|p| p.fields.len()).unwrap();
    let ctx = Context {
        today: Date::from_ymd(2026, 11, 23).unwrap(),
        units: Some(&units),
    };
    assert!(validate::validate(largest, &largest.sample_answers, &ctx).is_valid());
    let s = measure(50, 20, || {
        std::hint::black_box(validate::validate(largest, &largest.sample_answers, &ctx));
    });
    report(
        &format!("validate {} ({} fields)", largest.id, largest.fields.len()),
        1.0,
        s,
    );
    assert!(!units.search("vy da", 8).is_empty());
    let queries = [
        "vy da",
        "phuong vy da",
        "Vỹ Dạ",
        "ben thanh",
        "xa tan",
        "hoan kiem",
        "19777",
        "zzzz",
    ];
    let mut i = 0;
    let s = measure(40, 16, || {
        std::hint::black_box(units.search(queries[i % queries.len()], 8));
        i += 1;
    });
    report(
        &format!("commune search ({} units)", units.communes.len()),
        2.0,
        s,
    );
}

/// Builds the same files as a zip with JSZip (stored) and SHA-256 with WebCrypto — what a
/// JavaScript form tool would do — and returns the milliseconds it took.
const JS_BENCH: &str = r#"
globalThis.__jszipBench = async (files) => {
  const t = performance.now();
  const zip = new JSZip();
  const entries = [];
  for (const [name, bytes] of files) {
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    entries.push({ path: name, size: bytes.length, sha256: Array.from(d, b => b.toString(16).padStart(2, '0')).join('') });
  }
  zip.file('manifest.json', JSON.stringify({ files: entries }, null, 2));
  for (const [name, bytes] of files) zip.file(name, bytes, { binary: true });
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return [performance.now() - t, out.length];
};
"#;

#[wasm_bindgen_test]
async fn twenty_megabyte_package_build_and_verify_in_the_browser_with_the_jszip_comparison() {
    let units = AdminUnits::from_json(include_str!("../public/data/units-2025.json")).unwrap();
    // The compact file the app loads: with its forms (the JSON read in wasm has none attached).
    let p = Procedure::from_compact(include_bytes!("../public/data/catalog/khai-sinh.bin")).unwrap();
    let atts = photos();
    let input = BuildInput {
        procedure: &p,
        catalog_version: "bench",
        answers: &p.sample_answers,
        attachments: &atts,
        created_at: Timestamp::from_unix(1_795_000_000),
        today: Date::from_ymd(2026, 11, 23).unwrap(),
        lang: hoso::engine::text::Lang::Vi,
        units: &units,
        fonts: FONTS,
        digests: None,
    };
    // Peak memory of a build: wasm memory only grows, so its growth over the first build (the
    // photos already in memory, as in the app's drafts) is what the build needed at its peak.
    let heap = || {
        let m: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
        m.buffer().dyn_into::<js_sys::ArrayBuffer>().unwrap().byte_length() as f64 / 1e6
    };
    let before = heap();
    let first = package::build(&input).unwrap();
    console_log!(
        "browser build: wasm memory grew {:.1} MB building a {:.1} MB package from {:.1} MB of photos held by the caller",
        heap() - before,
        first.zip.len() as f64 / 1e6,
        atts.iter().map(|a| a.bytes.len()).sum::<usize>() as f64 / 1e6
    );
    drop(first);
    let mut build = Vec::new();
    let mut zip = Vec::new();
    for _ in 0..3 {
        let t = now_ms();
        zip = package::build(&input).unwrap().zip.to_vec();
        build.push(now_ms() - t);
    }
    // As the app builds (src/ui/pages/review.rs): the attachments hashed with WebCrypto first.
    let mut native = Vec::new();
    for _ in 0..3 {
        let t = now_ms();
        let mut digests = Vec::new();
        for a in &atts {
            digests.push(hoso::ui::web::sha256_hex(&a.bytes).await.unwrap());
        }
        let with = BuildInput { digests: Some(&digests), ..input };
        let z = package::build(&with).unwrap().zip.to_vec();
        native.push(now_ms() - t);
        assert_eq!(z, zip, "the same bytes whoever hashes");
    }
    let mut verify = Vec::new();
    for _ in 0..3 {
        let t = now_ms();
        let o = package::open(&zip, FONTS).unwrap();
        let r = package::check_rules(&o, &p, "bench", &units);
        assert!(o.findings.is_empty() && r.findings.is_empty());
        verify.push(now_ms() - t);
    }
    // As the staff page verifies: every file hashed with WebCrypto first.
    let mut verify_native = Vec::new();
    for _ in 0..3 {
        let t = now_ms();
        // The zip read once, as the staff page does (src/ui/staff/mod.rs).
        let entries = package::read_entries(&zip).unwrap();
        let mut digests = std::collections::BTreeMap::new();
        for e in &entries {
            digests.insert(e.name.clone(), hoso::ui::web::sha256_hex(&zip[e.data.clone()]).await.unwrap());
        }
        let o = package::open_entries(&zip, &entries, FONTS, Some(&digests)).unwrap();
        let r = package::check_rules(&o, &p, "bench", &units);
        assert!(o.findings.is_empty() && r.findings.is_empty());
        verify_native.push(now_ms() - t);
    }
    let mb = zip.len() as f64 / 1e6;
    report(&format!("build a {mb:.1} MB package"), 500.0, build.clone());
    report(&format!("build a {mb:.1} MB package, WebCrypto hashes"), 500.0, native.clone());
    report(
        &format!("verify a {mb:.1} MB package"),
        500.0,
        verify.clone(),
    );
    report(&format!("verify a {mb:.1} MB package, WebCrypto hashes"), 500.0, verify_native);

    // JSZip + WebCrypto on the same files, in the same run.
    js_sys::eval(include_str!("../node_modules/jszip/dist/jszip.min.js")).unwrap();
    js_sys::eval(JS_BENCH).unwrap();
    let files = js_sys::Array::new();
    for a in &atts {
        let pair = js_sys::Array::new();
        pair.push(&format!("documents/giay-chung-sinh/{}", a.name).into());
        pair.push(&js_sys::Uint8Array::from(a.bytes.as_slice()));
        files.push(&pair);
    }
    let f: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"__jszipBench".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let mut js = Vec::new();
    for _ in 0..3 {
        let promise: js_sys::Promise = f
            .call1(&wasm_bindgen::JsValue::NULL, &files)
            .unwrap()
            .dyn_into()
            .unwrap();
        let res = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
        js.push(js_sys::Reflect::get_u32(&res, 0).unwrap().as_f64().unwrap());
    }
    report("JSZip + WebCrypto, same files", 500.0, js.clone());
    let med = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    console_log!("browser build: hoso {:.0} ms vs JSZip+WebCrypto {:.0} ms — ratio {:.2} (below 1: hoso faster)", med(build.clone()), med(js.clone()), med(build) / med(js.clone()));
    console_log!("browser build with WebCrypto hashes (as the app): {:.0} ms — ratio {:.2} to JSZip+WebCrypto", med(native.clone()), med(native) / med(js));
}

/// Every procedure's printed forms made as PDF from its sample answers, as the package builder does
/// (fill the form, lay it out, subset and embed the fonts, compress): the largest one's time is
/// the figure (goal ≤ 50 ms).
#[wasm_bindgen_test]
fn printed_form_pdf_speed_in_the_browser() {
    use hoso::engine::declaration::{self, Stamp};
    use hoso::engine::summary;
    let units = AdminUnits::from_json(include_str!("../public/data/units-2025.json")).unwrap();
    let fonts = FONTS;
    macro_rules! procedures {
        ($($id:literal),*) => { [$(($id, &include_bytes!(concat!("../public/data/catalog/", $id, ".bin"))[..],
            include_str!(concat!("../tests/answers/", $id, ".json")))),*] };
    }
    let all = procedures!("khai-sinh", "khai-sinh-nhan-cha-me-con", "khai-tu", "ket-hon",
        "xac-nhan-tinh-trang-hon-nhan", "nhan-cha-me-con", "giam-ho", "ban-sao-trich-luc",
        "thuong-tru", "tam-tru", "ho-kinh-doanh");
    let stamp = Stamp {
        reference: "HS-0000-0000",
        package_id: "00000000000000000000000000000000",
        procedure: "bench",
        code: "0",
        generator: "bench",
    };
    let today = Date::from_ymd(2026, 11, 22).unwrap();
    let mut slowest = (String::new(), Vec::new(), -1.0);
    for (id, bin, answers) in all {
        let p = Procedure::from_compact(bin).unwrap();
        let answers: hoso::engine::catalog::Answers = serde_json::from_str(answers).unwrap();
        let ctx = Context { today, units: Some(&units) };
        let out = validate::validate(&p, &answers, &ctx);
        let sections = summary::sections(&p, &out.canonical, &out, Some(&units));
        let forms = declaration::filled(&p, &out.canonical, &sections, Some(&units), today);
        let mut size = 0;
        let times = measure(7, 3, || {
            size = forms
                .iter()
                .map(|f| declaration::pdf(f, &stamp, fonts).unwrap().len())
                .sum();
        });
        assert!(size > 1000, "{id}: no PDF");
        let median = {
            let mut t = times.clone();
            t.sort_by(|a, b| a.total_cmp(b));
            t[t.len() / 2]
        };
        console_log!("browser PDF of {id:<40} {} form(s), {size:>7} bytes, median {median:>7.2} ms", forms.len());
        if median > slowest.2 {
            slowest = (id.to_string(), times, median);
        }
    }
    report(&format!("printed forms as PDF, slowest ({})", slowest.0), 50.0, slowest.1);
}

/// Ten 2 MB camera pages → the documents' ready files (issue #23: one PDF per document component,
/// each JPEG embedded unchanged): a valid JPEG (tests/fixtures/page.jpg) padded with comment
/// segments of noise to 2 MB, as a phone photo's bytes are to the PDF writer (it copies them, it
/// does not decode them). Ten pages of one document, then five pages each of two. Goal ≤ 150 ms.
#[wasm_bindgen_test]
fn ready_files_from_ten_photos_in_the_browser() {
    use hoso::engine::ready;
    let base = include_bytes!("fixtures/page.jpg");
    let page = |seed: u32| {
        let mut bytes = base[..2].to_vec();
        let mut x = 0x9E37_79B9u32.wrapping_mul(seed + 1);
        while bytes.len() < 2_000_000 {
            bytes.extend([0xFF, 0xFE, 0xFF, 0xFF]);
            bytes.extend((0..65_533).map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            }));
        }
        bytes.extend(&base[2..]);
        bytes
    };
    let p = Procedure::from_compact(include_bytes!("../public/data/catalog/khai-sinh.bin")).unwrap();
    let answers = p.sample_answers.clone();
    for (label, split) in [("one document of 10 pages", false), ("two documents of 5 pages", true)] {
        let attachments: Vec<Attachment> = (0..10u32)
            .map(|i| Attachment {
                document_id: match split && i >= 5 {
                    true => "xac-nhan-mang-thai-ho".into(),
                    false => "giay-chung-sinh".into(),
                },
                name: format!("page{i}.jpg"),
                bytes: page(i).into(),
            })
            .collect();
        let mut a = answers.clone();
        if split {
            a.insert("mang_thai_ho".into(), "co".into());
        }
        let mut made = Vec::new();
        let times = measure(5, 1, || {
            made = ready::document_files(&p, &a, &attachments, FONTS).unwrap();
        });
        let pdfs = made.iter().filter(|f| f.media == hoso::engine::media::MediaType::Pdf).count();
        assert_eq!((pdfs, made.iter().map(|f| f.pages).sum::<usize>()), (1 + split as usize, 10), "{label}");
        let mb = made.iter().map(|f| f.bytes.len()).sum::<usize>() as f64 / 1e6;
        console_log!("browser ready files: {label}, {mb:.1} MB of PDF");
        report(&format!("ten 2 MB photos → ready PDFs ({label})"), 150.0, times);
    }
}
