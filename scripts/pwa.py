#!/usr/bin/env python3
"""After the trunk builds: writes dist/sw.js (scripts/sw.js with this build's version and the list
of every file to precache — both bundles, catalog and unit data, icons, schema).

    python3 scripts/pwa.py [--dir dist]
"""
import argparse
import hashlib
import json
import os
import pathlib

SKIP = {"sw.js", "data/units-2025.json"}  # the worker itself; source data the app never fetches


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    a = ap.parse_args()
    root = pathlib.Path(a.dir)
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
