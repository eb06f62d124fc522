#!/usr/bin/env python3
"""Size budget of the first page load: index.html and every asset it loads, gzip -9 compressed.

    python3 scripts/build/budget.py [--dir dist] [--limit-kb 200] [--deep-limit-kb 275] [--staff-limit-kb 180]

Prints one row per file and the total; exits 1 when the total is above the limit
(1 KB = 1000 bytes). The journey pages' parts of the wasm (scripts/build/split.py) are not part of the
start page's load: their files are listed after the total, with what a link to a form page and to a
later page (attachments, review) transfers, the larger of which `--deep-limit-kb` limits;
`--staff-limit-kb` limits the staff page's own bundle. Also shows the Brotli size when the build wrote a `.br` copy
(scripts/build/precompress.js): what a server sending the precompressed copies transfers. The start page loads no catalog or unit data; those are fetched
later by the pages that need them and are listed separately for information.
"""
import argparse
import glob
import gzip
import os
import re
import sys


def gz(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), 9))


def br(path):
    """Size of the precompressed Brotli copy, or of the file when there is none."""
    return os.path.getsize(path + ".br") if os.path.isfile(path + ".br") else os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    ap.add_argument("--limit-kb", type=float, default=250)
    ap.add_argument("--deep-limit-kb", type=float, default=None)
    ap.add_argument("--staff-limit-kb", type=float, default=None)
    a = ap.parse_args()
    index = os.path.join(a.dir, "index.html")
    if not os.path.isfile(index):
        print(f"budget: {index} not found — build first", file=sys.stderr)
        return 2
    html = open(index, encoding="utf-8").read()
    # Minified HTML may leave attribute values unquoted.
    refs = set(re.findall(r'(?:href|src)=["\']?(/[^"\'#?\s>]+)', html))
    refs |= set(re.findall(r"""['"](/[^'"]+\.(?:wasm|js))['"]""", html))
    files = ["index.html"] + sorted(r.lstrip("/") for r in refs if os.path.isfile(os.path.join(a.dir, r.lstrip("/"))))
    # The journey pages' parts of the wasm (scripts/build/split.py): preloaded only by a deep link.
    later = [f for f in files if f.endswith(".wasm") and not f.endswith("_bg.wasm")]
    files = [f for f in files if f not in later]
    kind = lambda f: {".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html", ".json": "data"}.get(os.path.splitext(f)[1], "other")
    total = total_br = 0
    print(f"{'first page load':<44} {'raw':>10} {'gzip -9':>10} {'brotli':>10}")
    for f in files:
        p = os.path.join(a.dir, f)
        raw, z = os.path.getsize(p), gz(p)
        total += z
        total_br += br(p)
        print(f"{f:<44} {raw:>10,} {z:>10,} {br(p):>10,}  {kind(f)}")
    print(f"{'TOTAL (gzip)':<44} {'':>10} {total:>10,}  = {total/1000:.1f} KB (limit {a.limit_kb:g} KB)")
    print(f"{'TOTAL (brotli, as scripts/serve.py sends it)':<44} {'':>10} {total_br:>10,}  = {total_br/1000:.1f} KB")
    for f in later:
        p = os.path.join(a.dir, f)
        print(f"{'later: ' + f:<44} {os.path.getsize(p):>10,} {gz(p):>10,} {br(p):>10,}  wasm of journey pages, fetched when one first opens")
    # What a link to a journey page loads: all of the above and its part (scripts/build/split.py).
    deep = total
    loader = [f for f in files if f.endswith("-split.js")]
    if loader:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from split import parts
        limit = f" (limit {a.deep_limit_kb:g} KB)" if a.deep_limit_kb else ""
        split_parts = parts(open(os.path.join(a.dir, loader[0]), encoding="utf-8").read())
        for name, part in sorted(split_parts.items(), reverse=True):
            if name == "pack":
                continue  # not a page: after the pages below
            z = total + sum(gz(os.path.join(a.dir, f)) for f in part)
            b = total_br + sum(br(os.path.join(a.dir, f)) for f in part)
            deep = max(deep, z)
            label = {"form": "a form page", "finish": "a later page (attachments, review)"}.get(name, name)
            print(f"{label + ' opened by a link':<44} {'':>10} {z:>10,} {b:>10,}  = {z/1000:.1f} KB gzip{limit}, {b/1000:.1f} KB brotli")
        # The package builder (forms, PDF, zip, ready files) and the confirmation page that shows
        # what it made: fetched in the background once the review page has drawn, so it counts
        # against no page's load; what it adds to the review page's part. (The confirmation
        # page opened by a link has no package to show: the package lives in the tab.)
        if "pack" in split_parts:
            extra = [f for f in split_parts["pack"] if f not in split_parts.get("finish", [])]
            z = sum(gz(os.path.join(a.dir, f)) for f in extra)
            b = sum(br(os.path.join(a.dir, f)) for f in extra)
            print(f"{'later: the package builder (review page)':<44} {'':>10} {z:>10,} {b:>10,}  = {z/1000:.1f} KB gzip, fetched once the review page has drawn")
    data = os.path.join(a.dir, "data")
    for root, _, names in sorted(os.walk(data)):
        for n in sorted(names):
            if n.endswith((".gz", ".br")):
                continue  # precompressed copies of the files listed
            p = os.path.join(root, n)
            f = os.path.relpath(p, a.dir)
            if n.endswith(".json"):
                why = "source data, not fetched by the app"
            elif "units" in n:
                why = "data, fetched when a place field first appears"
            else:
                why = "data, fetched when that procedure is opened"
            print(f"{'later: ' + f:<44} {os.path.getsize(p):>10,} {gz(p):>10,}  {why}")
    stotal = 0
    staff = os.path.join(a.dir, "staff", "index.html")
    if os.path.isfile(staff):
        shtml = open(staff, encoding="utf-8").read()
        srefs = set(re.findall(r'(?:href|src)=["\']?(/staff/[^"\'#?\s>]+)', shtml))
        srefs |= set(re.findall(r"""['"](/staff/[^'"]+\.(?:wasm|js))['"]""", shtml))
        sfiles = [staff] + [os.path.join(a.dir, r.lstrip("/")) for r in sorted(srefs)]
        stotal = sum(gz(p) for p in sfiles if os.path.isfile(p))
        print(f"{'staff page /staff/ (own bundle, not for residents)':<55} {stotal:>10,}  = {stotal/1000:.1f} KB gzip")
        # Its parts (src/ui/staff/part.rs), fetched when a package is first opened.
        for p in sorted(glob.glob(os.path.join(a.dir, "staff", "hoso-staff-*-*.wasm"))):
            print(f"{'later: staff/' + os.path.basename(p):<44} {os.path.getsize(p):>10,} {gz(p):>10,}  the package check, fetched when a package is first opened")
    print()
    if total > a.limit_kb * 1000:
        print(f"budget: FAILED — first page load is {total/1000:.1f} KB gzip, above {a.limit_kb:g} KB", file=sys.stderr)
        return 1
    if a.staff_limit_kb and stotal > a.staff_limit_kb * 1000:
        print(f"budget: FAILED — the staff page's bundle is {stotal/1000:.1f} KB gzip, above {a.staff_limit_kb:g} KB", file=sys.stderr)
        return 1
    if a.deep_limit_kb and deep > a.deep_limit_kb * 1000:
        print(f"budget: FAILED — a journey page opened by a link loads {deep/1000:.1f} KB gzip, above {a.deep_limit_kb:g} KB", file=sys.stderr)
        return 1
    print("budget: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
