#!/usr/bin/env bash
# Command (1) of the README: installs what is missing, builds the release app and serves it on
# http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release
# The staff page: its own bundle under /staff/ (after the main build, which empties dist/).
trunk build staff.html --release --dist dist/staff --public-url /staff/
# The service worker: precache list and version of this build (offline use).
python3 scripts/pwa.py --dir dist
exec python3 scripts/serve.py --dir dist --port "${PORT:-8080}"
