#!/usr/bin/env python3
"""Reads the output of scripts/bench/bench.sh, writes the figures to benches/results.json and compares
them with the previous run's file, saying what got worse.

    python3 scripts/bench/bench_report.py LOG [--out benches/results.json] [--tolerance 0.10]

Each figure has a direction (lower or higher is better). A change beyond the tolerance (10 % by
default: timings on a shared 2-core machine wobble) in the bad direction is reported as WORSE,
except a Lighthouse median still inside the range of the previous run's runs.
"""
import argparse
import datetime
import json
import pathlib
import re
import subprocess

PATTERNS = [
    # (regex, [(name template, group, unit, better)])
    (r"^TOTAL \(gzip\)\s+([\d,]+)", [("first load (gzip)", 1, "bytes", "lower")]),
    (r"^TOTAL \(brotli[^)]*\)\s+([\d,]+)", [("first load (Brotli, as served)", 1, "bytes", "lower")]),
    (r"^staff page .*?([\d,]+)\s+=", [("staff page bundle (gzip)", 1, "bytes", "lower")]),
    (r"^a form page opened by a link\D*([\d,]+)\s+([\d,]+)\s+=", [("form page opened by a link (gzip)", 1, "bytes", "lower"), ("form page opened by a link (Brotli, as served)", 2, "bytes", "lower")]),
    (r"^a later page \(.*?\) opened by a link\D*([\d,]+)\s+([\d,]+)\s+=", [("later page opened by a link (gzip)", 1, "bytes", "lower")]),
    (r"^(browser )?(?!lighthouse)(\S.*?)\s+p50\s+([\d.]+) ms\s+p95\s+([\d.]+) ms",
     [("{1}{2} p50", 3, "ms", "lower"), ("{1}{2} p95", 4, "ms", "lower")]),
    (r"^throughput: build (\d+) MB/s, verify (\d+) MB/s",
     [("native build throughput", 1, "MB/s", "higher"), ("native verify throughput", 2, "MB/s", "higher")]),
    (r"^browser build: hoso (\d+) ms vs JSZip\+WebCrypto (\d+) ms — ratio ([\d.]+)",
     [("browser build vs JSZip+WebCrypto (ratio)", 3, "×", "lower")]),
    (r"^browser build: wasm memory grew ([\d.]+) MB building a ([\d.]+) MB package",
     [("browser build: wasm memory growth (20 MB package)", 1, "MB", "lower")]),
    (r"^browser build with WebCrypto hashes \(as the app\): (\d+) ms — ratio ([\d.]+)",
     [("browser build as the app (WebCrypto hashes) vs JSZip+WebCrypto (ratio)", 2, "×", "lower")]),
    (r"^photos: processed and listed [\d.]+ s, stored in IndexedDB ([\d.]+) s \((\d+) ms per photo\)",
     [("photos: 10 × 4000×3000 processed and stored", 1, "s", "lower"), ("photos: per photo", 2, "ms", "lower")]),
    (r"^photos: main thread during it: (\d+) task\(s\) over 50 ms, longest (\d+) ms",
     [("photos: main-thread tasks over 50 ms", 1, "", "lower"), ("photos: longest main-thread task", 2, "ms", "lower")]),
    (r"^photos: renderer memory peak ([\d.]+) MB", [("photos: renderer peak memory", 1, "MB", "lower")]),
    (r"^photos: restoring the draft .*: ([\d.]+) s", [("photos: draft restore", 1, "s", "lower")]),
    (r"^(form page .+?\(4x CPU\)) (\d+) ms", [("{1}", 2, "ms", "lower")]),
    (r"^form page main thread after first paint \(cold link\): CPU (\d+) ms, blocking time from CPU time (\d+) ms, "
     r"from wall time (\d+) ms, lazy wasm compilations (\d+)",
     [("form page main-thread CPU after first paint (cold link)", 1, "ms", "lower"),
      ("form page blocking time from CPU time (4×)", 2, "ms", "lower"),
      # What Lighthouse counts, and what this machine's waits swing 3× (Lighthouse's TBT is judged).
      ("form page blocking time from wall time (4×)", 3, "ms", "info"),
      ("form page lazy wasm compilations", 4, "", "lower")]),
    (r"^lighthouse (.+?): score (\d+), LCP (\d+) ms, TBT (\d+) ms(?:.*machine benchmark index (\d+))?",
     [("lighthouse {1} score", 2, "", "higher"), ("lighthouse {1} LCP", 3, "ms", "lower"),
      ("lighthouse {1} TBT", 4, "ms", "lower"),
      # Lighthouse's measure of the machine, not of hoso: recorded, never WORSE.
      ("lighthouse {1} machine benchmark index", 5, "", "info")]),
]


# The spread of Lighthouse's runs, printed after its medians: "scores 85–95; LCP …; TBT … ms".
RANGES = {"score": r"scores (\d+)–(\d+)", "LCP": r"LCP (\d+)–(\d+) ms", "TBT": r"TBT (\d+)–(\d+) ms"}


def parse(text):
    figures = {}
    for line in text.splitlines():
        line = line.strip()
        for rx, outs in PATTERNS:
            m = re.match(rx, line)
            if not m:
                continue
            for name, g, unit, better in outs:
                if m.group(g) is None:
                    continue
                key = re.sub(r"\s+", " ", name.format(None, *[("native " if x is None else x) for x in m.groups()])).strip()
                figures[key] = {"value": float(m.group(g).replace(",", "")), "unit": unit, "better": better}
                spread = RANGES.get(key.rsplit(" ", 1)[-1]) if key.startswith("lighthouse ") else None
                r = re.search(spread, line) if spread else None
                if r:
                    figures[key]["range"] = [float(r.group(1)), float(r.group(2))]
            break
    return figures


def num(v):
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.4g}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--out", default="benches/results.json")
    ap.add_argument("--tolerance", type=float, default=0.10)
    a = ap.parse_args()
    figures = parse(pathlib.Path(a.log).read_text(encoding="utf-8"))
    out = pathlib.Path(a.out)
    previous = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "commit": commit, "figures": figures}
    print(f"\n== comparison with the previous run ({previous['commit'] + ', ' + previous['date'] if previous else 'none'})")
    worse = []
    for k, f in figures.items():
        old = (previous or {}).get("figures", {}).get(k)
        v = f["value"]
        if old is None:
            print(f"  {k:<62} {num(v):>12} {f['unit']:<5} (new)")
            continue
        o = old["value"]
        change = (v - o) / o if o else 0.0
        bad = change > a.tolerance if f["better"] == "lower" else change < -a.tolerance and f["better"] == "higher"
        mark = "WORSE" if bad else ("better" if abs(change) > a.tolerance and f["better"] != "info" else "")
        # Lighthouse varies by 20 points between runs here: a median that stays inside the
        # previous run's range of runs is that spread, not a change.
        lo, hi = old.get("range", [None, None])
        if bad and lo is not None and lo <= v <= hi:
            bad, mark = False, f"within the last runs' range {num(lo)}–{num(hi)}"
        print(f"  {k:<62} {num(v):>12} {f['unit']:<5} was {num(o):>12} ({change:+.0%}) {mark}")
        if bad:
            worse.append(k)
    missing = [k for k in (previous or {}).get("figures", {}) if k not in figures]
    for k in missing:
        print(f"  {k:<62} not measured this time")
    # A control: JSZip + WebCrypto is not our code, so when its time moves the machine ran at a
    # different speed (a shared VM does), and our timings moved with it.
    control = "browser JSZip + WebCrypto, same files p50"
    if previous and control in figures and control in previous.get("figures", {}):
        c_new, c_old = figures[control]["value"], previous["figures"][control]["value"]
        drift = (c_new - c_old) / c_old if c_old else 0.0
        if abs(drift) > a.tolerance:
            print(f"  note: the control ({control}, not our code) moved {drift:+.0%}: this machine ran "
                  f"at a different speed, so browser timing changes of about that size are noise")
    for k, f in figures.items():
        old = (previous or {}).get("figures", {}).get(k)
        if f["better"] == "info" and old and old["value"] and abs(f["value"] / old["value"] - 1) > a.tolerance:
            moved = f"  note: {k} moved {f['value'] / old['value'] - 1:+.0%}"
            if k.endswith("machine benchmark index"):
                print(f"{moved}: Lighthouse found this machine "
                      f"{'faster' if f['value'] > old['value'] else 'slower'}, and its scores move with that")
            else:  # e.g. the blocking time from wall time: what Lighthouse counts, judged there
                print(f"{moved} (for information, not judged)")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"bench: {len(figures)} figures written to {out}" + (f"; WORSE than before: {', '.join(worse)}" if worse else "; nothing got worse"))


if __name__ == "__main__":
    main()
