#!/usr/bin/env bash
# Release build of everything served, into dist/: the resident app, the staff page (its own
# bundle under /staff/, built after the main build, which empties dist/), then the service worker
# (precache list and version of this build) and the tightened Content-Security-Policy.
# Expects the tools of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release
trunk build staff.html --release --dist dist/staff --public-url /staff/
python3 scripts/pwa.py --dir dist
node scripts/precompress.js dist
