#!/usr/bin/env bash
# Writes public/data/catalog/<id>.bin (the compact procedure files the browser loads) from
# src/catalog/*.json. Run after editing the catalog; `cargo test` fails while they are stale.
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -f public/data/catalog/*.bin
cargo run --quiet --offline --bin hoso -- catalog export public/data/catalog
