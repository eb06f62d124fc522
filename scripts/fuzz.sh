#!/usr/bin/env bash
# Coverage-guided fuzzing of the package reader (cargo-fuzz, libFuzzer; needs a nightly toolchain).
#   scripts/fuzz.sh [seconds]        default 600
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/package
cp tests/fixtures/*.zip fuzz/corpus/package/
cargo +nightly fuzz run package fuzz/corpus/package -- -max_total_time="${1:-600}" -max_len=200000 -rss_limit_mb=2048
