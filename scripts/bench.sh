#!/usr/bin/env bash
# Speed benchmark: prints figures (no timed assertions). Natively, then in headless Chromium.
#   scripts/bench.sh            both
#   scripts/bench.sh native     native only
#   scripts/bench.sh photos     the photo benchmark only (release build in dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
photos() {
  echo "== photos (release build, headless Chromium; scripts/photo_bench.js)"
  [ -f dist/sw.js ] || scripts/build.sh >/dev/null 2>&1
  node scripts/photo_bench.js --dir dist
}
[ "${1:-}" = photos ] && { photos; exit 0; }
echo "== native (cargo bench --bench speed)"
cargo bench --offline --bench speed 2>/dev/null
[ "${1:-}" = native ] && exit 0
echo "== browser (wasm release build in headless Chromium)"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=120
cargo test --offline --release --target wasm32-unknown-unknown --test bench_browser -- --nocapture 2>&1 \
  | grep -E "^browser|test result|panicked|^error" || true
photos
