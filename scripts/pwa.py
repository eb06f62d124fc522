#!/usr/bin/env python3
"""After the trunk builds: writes dist/sw.js (scripts/sw.js with this build's version and the list
of every file to precache — both bundles, catalog and unit data, icons, schema).

    python3 scripts/pwa.py [--dir dist]

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
    for page in sorted(root.rglob("*.html")):
        n = tighten_csp(page)
        print(f"pwa: {page.relative_to(root)}: CSP allows {n} inline script(s) by hash")
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    files = [f for f in files if f not in SKIP]
    h = hashlib.sha256()
    total = 0
    for f in files:
        data = (root / f).read_bytes()
        total += len(data)
        h.update(f.encode() + b"\0" + hashlib.sha256(data).digest())
    version = h.hexdigest()[:16]
    template = (pathlib.Path(__file__).parent / "sw.js").read_text(encoding="utf-8")
    assets = ["/" + f for f in files]
    sw = template.replace("__VERSION__", version).replace("__ASSETS__", json.dumps(assets, indent=2))
    (root / "sw.js").write_text(sw, encoding="utf-8")
    print(f"pwa: sw.js version {version}, {len(assets)} files precached, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
