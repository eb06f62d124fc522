#!/usr/bin/env bash
# Command (1) of the README: installs what is missing, builds the release app and serves it on
# http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build/build.sh
exec python3 scripts/serve.py --dir dist --port "${PORT:-8080}"
