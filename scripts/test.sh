#!/usr/bin/env bash
# Command (2) of the README: installs what is missing, then runs every test.
#   1. native engine tests (unit + property)          cargo test
#   2. component tests in headless Chromium           wasm-bindgen-test
#   3. release build + first-load size budget         scripts/build/build.sh, scripts/build/budget.py
#   4. end-to-end tests at 360×780 with axe-core      Playwright against the served release build
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
section() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

section "1/4 native engine tests"
cargo test --locked --offline

section "2/4 component tests in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --locked --offline --target wasm32-unknown-unknown --test ui_browser

section "3/4 release build and size budget"
scripts/build/build.sh
python3 scripts/build/budget.py --dir dist --limit-kb 150 --deep-limit-kb 275 --staff-limit-kb 180

section "4/4 end-to-end tests (Playwright, Chromium, axe-core)"
npx --no-install playwright test
