#!/usr/bin/env bash
# Installs everything hoso needs to build, serve and test, from the package registries only
# (crates.io, npm, Debian apt). Idempotent: each step checks first and is skipped when satisfied,
# so a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Cuts the resident app's wasm at its split points (scripts/build/split.py, src/ui/lazy/).
WASM_SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly (pinned with "=" in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. Rust's library sources: the browser bundles rebuild std for size (scripts/build/lean_env.sh).
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
  step "adding Rust component rust-src"
  # Not fatal: without it scripts/build/build.sh warns and builds with the prebuilt std.
  rustup component add rust-src || echo "[setup] warning: no rust-src; the wasm will be about 22 KB gzip larger, over the size budget" >&2
fi

# 2. trunk (0.22 needs a newer rustc than this machine's).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  step "installing trunk $TRUNK_VERSION from crates.io (several minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli at the exact Cargo.lock version (also provides wasm-bindgen-test-runner).
#    Not --locked: its own lockfile names a webpki-roots version the registry does not have.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 3b. wasm-split-cli: the start page downloads only the start page's code (src/ui/lazy/).
#    It has no --version; cargo's list of installed crates says which one is there.
if ! command -v wasm-split-cli >/dev/null \
   || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about a minute, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# 4. Chromium and chromedriver for the browser tests, openssl for the benchmark's HTTPS test
#    certificate (scripts/bench/serve_h2.js), poppler (pdftotext, pdfinfo, pdfimages) and qpdf,
#    the independent readers of the PDFs (tests/forms.rs, the browser tests), and zbar
#    (zbarimg), the independent reader of the counter QR codes (Debian packages).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v openssl >/dev/null \
   || ! command -v pdftotext >/dev/null || ! command -v qpdf >/dev/null || ! command -v zbarimg >/dev/null; then
  step "installing chromium, chromium-driver, openssl, poppler-utils, qpdf and zbar-tools from apt"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver openssl poppler-utils qpdf zbar-tools
fi

# 5. npm packages: wasm-opt (binaryen), Playwright (no browser download), axe-core, ajv, jszip,
#    and jsQR (the staff page's camera reads QR codes with it where the browser cannot).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
   || [ ! -f node_modules/jsqr/dist/jsQR.js ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# 6. Crates for the offline build (trunk runs cargo with --offline).
#    Also std's own crates, for the build that rebuilds std (scripts/build/lean_env.sh); the marker
#    names the toolchain, whose std may need other crates.
FETCHED="target/.fetched-$(rustc -V | awk '{print $2}')"
if [ ! -f "$FETCHED" ] || [ Cargo.lock -nt "$FETCHED" ]; then
  step "fetching crates"
  cargo fetch --locked
  RUSTC_BOOTSTRAP=1 cargo fetch --locked -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown \
    || echo "[setup] warning: std's crates not fetched; scripts/build/build.sh will use the prebuilt std, over the size budget" >&2
  mkdir -p target && touch "$FETCHED"
fi

step "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version | head -1), $(chromium --version 2>/dev/null | awk '{print $1, $2}')"
