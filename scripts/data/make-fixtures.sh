#!/usr/bin/env bash
# Rebuilds the sample packages in tests/fixtures/ with `hoso pack` (used by the staff page's
# browser tests and by tests/cli.rs). Deterministic: fixed creation time and dates.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A 1×1 JPEG and a minimal PDF.
echo '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=' | base64 -d > "$tmp/photo.jpg"
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' > "$tmp/notice.pdf"
python3 - "$tmp/markup.json" <<'PY'
import json, sys
a = json.load(open("tests/answers/khai-tu.json"))
a["nm_noi_chet"] = '<img src=x onerror="window.__xss=1">Bệnh viện <b>Trung ương</b> Huế'
json.dump(a, open(sys.argv[1], "w"), ensure_ascii=False)
PY
hoso() { cargo run --quiet --offline --bin hoso -- "$@"; }
hoso pack khai-sinh tests/answers/khai-sinh.json --attach "giay-chung-sinh=$tmp/photo.jpg" \
  -o tests/fixtures/khai-sinh.zip --created-at 2026-11-22T03:04:05Z --today 2026-11-22
hoso pack khai-tu "$tmp/markup.json" --attach "giay-bao-tu=$tmp/notice.pdf" \
  -o tests/fixtures/khai-tu-markup.zip --created-at 2026-11-22T03:04:05Z --today 2026-11-22
