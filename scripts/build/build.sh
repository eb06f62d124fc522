#!/usr/bin/env bash
# Release build of everything served, into dist/: the resident app, the staff page (its own
# bundle under /staff/, built after the main build, which empties dist/), then the service worker
# (precache list and version of this build) and the tightened Content-Security-Policy.
# Expects the tools of scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# The staff page's camera script (src/ui/camera.js), fetched when the camera is first opened: put
# beside the staff page below, under a name made of its content, which the staff bundle is built
# with (src/ui/staff/camera.rs).
CAMERA_JS="camera-$(sha256sum src/ui/camera.js | cut -c1-16).js"
export HOSO_CAMERA_JS="/staff/$CAMERA_JS"
# wasm-bindgen's snippets folder is shared by both bundles and never emptied: trunk would preload
# every script left in it by an earlier build, the other bundle's included.
SNIPPETS="${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/snippets"
# `&&`, not two lines: set -e does not apply inside the tested `if !` below.
bundles() {
  rm -rf "$SNIPPETS" &&
  trunk build --release &&
  rm -rf "$SNIPPETS" &&
  python3 scripts/build/split.py --dir dist &&
  trunk build staff.html --release --dist dist/staff --public-url /staff/ &&
  python3 scripts/build/split.py --dir dist --bundle staff
}
# The photo worker's codec (src/photo_main.rs: engine/redraw.rs and the two JPEG codecs, no
# wasm-bindgen), after the bundles so the library is already built with the same flags. Optimized
# for speed, not size: it redraws every photo (`node scripts/bench/codec_bench.js`: 86 ms for a
# 4000 × 3000 photo, against 136–142 ms at opt-level z) and is fetched with the first photo, in no
# page's load. `cargo rustc` gives the final link, where
# LTO optimizes the whole module, opt-level 3 without rebuilding anything else.
codec() {
  cargo rustc --locked --offline --release --target wasm32-unknown-unknown --bin hoso-photo -- -C opt-level=3 &&
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/hoso-photo.wasm" -o dist/photo-codec.wasm
}
# Smaller wasm with std rebuilt for size (scripts/build/lean_env.sh); HOSO_PLAIN_STD=1 skips it.
if [ "${HOSO_PLAIN_STD:-0}" = 1 ]; then
  bundles && codec
elif ! (source scripts/build/lean_env.sh && bundles && codec); then
  printf '\n\033[1;33mwarning:\033[0m the build with std rebuilt for size failed (see above; is the rust-src\n' >&2
  printf 'component installed? scripts/setup.sh adds it). Building with the prebuilt std: the wasm is\n' >&2
  printf 'about 22 KB gzip larger, over the size budget of scripts/test.sh.\n\n' >&2
  bundles && codec
fi
# Trunk preloads every wasm-bindgen snippet of the crate on both pages; the staff page's glue
# imports none of the resident app's (photos, drafts, embedding): those are left out of it.
python3 - dist/staff <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
glue = next(p for p in root.glob("hoso-staff-*.js"))
imports = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}/[^"']+)["']""")
used, todo = set(), [glue]
while todo:
    f = todo.pop()
    for rel in imports.findall(f.read_text(encoding="utf-8")):
        dep = (f.parent / rel).resolve()
        if dep not in used and dep.is_file():
            used.add(dep)
            todo.append(dep)
page = root / "index.html"
html = page.read_text(encoding="utf-8")
for f in sorted((root / "snippets").rglob("*.js")):
    if f.resolve() not in used:
        href = "/staff/" + f.relative_to(root).as_posix()
        html, n = re.subn(r"<link\b[^>]*href=[\"']?" + re.escape(href) + r"[\"'\s>][^>]*>", "", html)
        f.unlink()
        print(f"build: staff page: {href} not imported, left out ({n} preload link removed)")
page.write_text(html, encoding="utf-8")
PY
cp src/ui/camera.js "dist/staff/$CAMERA_JS"
# The QR reader the camera's script fetches where the browser has no BarcodeDetector (npm jsqr,
# package.json): beside the staff page under its version's name, which src/ui/camera.js names.
# The service worker precaches both with every other file.
JSQR_VERSION=$(node -p 'require("./node_modules/jsqr/package.json").version')
if ! grep -q "/staff/jsqr-$JSQR_VERSION\.js" src/ui/camera.js; then
  echo "build: src/ui/camera.js does not load /staff/jsqr-$JSQR_VERSION.js (the jsqr of package.json)" >&2
  exit 1
fi
{ printf '/*! jsQR %s (npm jsqr), Apache License 2.0 */\n' "$JSQR_VERSION"; cat node_modules/jsqr/dist/jsQR.js; } \
  > "dist/staff/jsqr-$JSQR_VERSION.js"
python3 scripts/build/pwa.py --dir dist
node scripts/build/precompress.js dist
