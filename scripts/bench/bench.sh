#!/usr/bin/env bash
# The benchmark command (README "Speed and size"): prints every figure, writes them to
# benches/results.json and compares with the previous run's file, saying what got worse.
# No timed assertions.
#   scripts/bench/bench.sh            everything: size, native, browser (wasm), photos, Lighthouse
#   scripts/bench/bench.sh native     native speed only (no file written)
#   scripts/bench/bench.sh photos     the photo benchmark only (no file written)
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh >/dev/null
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
photos() {
  echo "== photos (release build, headless Chromium; scripts/bench/photo_bench.js)"
  node scripts/bench/photo_bench.js --dir dist
}
native() {
  echo "== native (cargo bench --bench speed)"
  cargo bench --offline --bench speed 2>/dev/null
}
case "${1:-}" in
  native) native; exit 0 ;;
  photos) [ -f dist/sw.js ] || scripts/build/build.sh >/dev/null 2>&1; photos; exit 0 ;;
esac
LOG=$(mktemp)
{
  echo "== size (release build of this checkout; scripts/build/budget.py)"
  scripts/build/build.sh >/dev/null 2>&1
  python3 scripts/build/budget.py --dir dist --limit-kb 100000 | grep -E "^TOTAL|^staff page|^a (form|later) page|wasm"
  native
  echo "== browser (wasm release build in headless Chromium)"
  # With the prebuilt std: `cargo test` with std rebuilt (scripts/build/lean_env.sh) fails on a
  # duplicate `core` in memchr. The engine code is the same; cargo rebuilds the crates once here.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --offline --release --target wasm32-unknown-unknown --test bench_browser -- --nocapture 2>&1 \
    | grep -E "^browser|test result|panicked|^error" || true
  photos
  echo "== form page with the CPU slowed 4× (scripts/bench/form_bench.js)"
  node scripts/bench/form_bench.js --dir dist
  echo "== form page main-thread work, wall and CPU time (scripts/bench/task_cpu.js)"
  node scripts/bench/task_cpu.js --dir dist
  echo "== Lighthouse (mobile preset, system Chromium; scripts/bench/lighthouse.mjs), over HTTPS and HTTP/2 as deployed"
  node scripts/bench/lighthouse.mjs --dir dist
  echo "== Lighthouse over plain HTTP/1.1 (as the runs before serve_h2.js measured), 3 runs"
  node scripts/bench/lighthouse.mjs --dir dist --http1 --runs 3
} 2>&1 | tee "$LOG"
python3 scripts/bench/bench_report.py "$LOG" --out benches/results.json
rm -f "$LOG"
