#!/usr/bin/env bash
# Release build of everything served, into dist/: the resident app, the staff page (its own
# bundle under /staff/, built after the main build, which empties dist/), then the service worker
# (precache list and version of this build) and the tightened Content-Security-Policy.
# Expects the tools of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# `&&`, not two lines: set -e does not apply inside the tested `if !` below.
bundles() {
  trunk build --release &&
  python3 scripts/build/split.py --dir dist &&
  trunk build staff.html --release --dist dist/staff --public-url /staff/
}
# Smaller wasm with std rebuilt for size (scripts/build/lean_env.sh); HOSO_PLAIN_STD=1 skips it.
if [ "${HOSO_PLAIN_STD:-0}" = 1 ]; then
  bundles
elif ! (source scripts/build/lean_env.sh && bundles); then
  printf '\n\033[1;33mwarning:\033[0m the build with std rebuilt for size failed (see above; is the rust-src\n' >&2
  printf 'component installed? scripts/setup.sh adds it). Building with the prebuilt std: the wasm is\n' >&2
  printf 'about 22 KB gzip larger, over the size budget of scripts/test.sh.\n\n' >&2
  bundles
fi
python3 scripts/build/pwa.py --dir dist
node scripts/build/precompress.js dist
