#!/usr/bin/env python3
"""After the trunk builds: writes dist/sw.js (src/sw.js with this build's version and the list
of every file to precache — both bundles, catalog and unit data, icons, schema).

    python3 scripts/build/pwa.py [--dir dist]

Puts the static start page (public/data/start.vi.html, written by `hoso catalog export`) at the
start of dist/index.html's body (before the loading line), so the first paint shows the heading and
the procedures before the app has loaded (src/start_page.rs).

Also tightens the Content-Security-Policy of every built page: the `'unsafe-inline'` that the
source pages carry for trunk's inline loader script is replaced by the SHA-256 of each inline
script actually in the page, so no other inline script can run.
"""
import argparse
import base64
import hashlib
import json
import os
import pathlib
import re

SKIP = {"sw.js", "data/units-2025.json"}  # the worker itself; source data the app never fetches


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def tighten_csp(page: pathlib.Path) -> int:
    html = page.read_text(encoding="utf-8")
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
        for m in INLINE.finditer(html)
    ]
    if "'unsafe-inline'" not in html:
        return len(hashes)
    html = html.replace("'unsafe-inline'", " ".join(hashes) if hashes else "", 1)
    page.write_text(html, encoding="utf-8")
    return len(hashes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    a = ap.parse_args()
    root = pathlib.Path(a.dir)
    start = root / "data" / "start.vi.html"
    if start.exists():
        index = root / "index.html"
        html = index.read_text(encoding="utf-8")
        # Before the loading line, after the first inline script (which decides whether the
        # static page is shown, so a deep link never paints it).
        boot = re.search(r"<p\b[^>]*\bid=[\"']?boot[\"'\s>]", html)
        if not boot or 'id="boot-start"' in html:
            raise SystemExit("pwa: dist/index.html has no loading line (#boot) or already has the start page")
        html = html[:boot.start()] + start.read_text(encoding="utf-8") + html[boot.start():]
        # The wasm is preloaded only when the static start page is not shown (the boot script
        # decides): on the start page the heading, text and links come first on a slow link.
        preload = re.search(r"<link\b[^>]*_bg\.wasm[^>]*>", html)
        if not preload:
            raise SystemExit("pwa: no wasm preload link in dist/index.html")
        html = html[:preload.start()] + html[preload.end():]
        slot = re.search(r"([`'\"])__WASM_PRELOAD__\1", html)
        if not slot:
            raise SystemExit("pwa: no boot script placeholder (__WASM_PRELOAD__) in dist/index.html")
        html = html[:slot.start()] + json.dumps(preload.group(0)) + html[slot.end():]
        # When the static page is shown, the wasm is requested after it has painted, so the
        # paint never waits for it (and Lighthouse does not count it towards the page's LCP).
        init = re.search(r"const wasm\s*=\s*await init\(", html)
        if not init:
            raise SystemExit("pwa: no trunk loader (`const wasm = await init(`) in dist/index.html")
        html = (html[:init.start()]
                + "if(window.hosoStatic)await new Promise(r=>requestAnimationFrame(()=>setTimeout(r)));"
                + html[init.start():])
        index.write_text(html, encoding="utf-8")
        start.unlink()
        print(f"pwa: index.html: static start page put in ({len(html)} bytes)")
    for page in sorted(root.rglob("*.html")):
        n = tighten_csp(page)
        print(f"pwa: {page.relative_to(root)}: CSP allows {n} inline script(s) by hash")
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    files = [f for f in files if f not in SKIP and not f.endswith((".gz", ".br"))]  # precompressed copies
    h = hashlib.sha256()
    total = 0
    for f in files:
        data = (root / f).read_bytes()
        total += len(data)
        h.update(f.encode() + b"\0" + hashlib.sha256(data).digest())
    version = h.hexdigest()[:16]
    # The service worker's source, beside the app's other browser code.
    template = (pathlib.Path(__file__).resolve().parents[2] / "src" / "sw.js").read_text(encoding="utf-8")
    assets = ["/" + f for f in files]
    sw = template.replace("__VERSION__", version).replace("__ASSETS__", json.dumps(assets, indent=2))
    (root / "sw.js").write_text(sw, encoding="utf-8")
    print(f"pwa: sw.js version {version}, {len(assets)} files precached, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
