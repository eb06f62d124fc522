#!/usr/bin/env python3
"""Cuts a bundle's wasm in parts after `trunk build`. The resident app: the start page's code, the
form pages' code and the later pages' code (src/ui/lazy/), each fetched when one of its pages
first opens. The staff page (`--bundle staff`): the page, and the package check with its views
(src/ui/staff/part.rs), fetched when a package is first opened.

    python3 scripts/build/split.py [--dir dist] [--bundle app|staff] [--input <the linked wasm>]

Trunk cannot split a wasm (trunk-rs/trunk#1022), so this redoes its last steps for the `hoso`
bundle from the wasm that cargo linked (with `--emit-relocs`, which wasm-split needs; build.rs):

1. `wasm-split-cli` cuts the module at the `#[wasm_split]` functions: a main module, one module
   per part (`form`, `finish`), a chunk of the code both parts use, and a small loader script
   that fetches and instantiates them into the main module's memory and function table;
2. `wasm-bindgen --keep-lld-exports` (the loader needs the function table export) writes the
   main module's glue, as trunk did;
3. `wasm-opt` optimizes each module (index.html gives trunk `data-wasm-opt="0"` for this bundle);
4. the files replace trunk's in dist under trunk's hashed name (`hoso-<hash>…`); index.html's
   integrity hashes follow, the loader is preloaded as a module with the glue, and the boot
   script's `'__SPLIT_PRELOAD__'` becomes each part's preload links: a link to a journey page
   preloads its part with the main wasm (the start page preloads neither).

Prints the size of each file and the files of each part. Tools come from scripts/setup.sh.
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

# Each bundle: its binary, the folder of dist it is served from, and its parts. The resident app's
# are those of src/ui/lazy/; index.html's boot script picks one by the page's address (`pack`,
# the package builder, is fetched by the review page). The staff page's one part is
# src/ui/staff/part.rs's; its page has no boot script preloading parts.
BUNDLES = {
    "app": {"bin": "hoso", "folder": "", "splits": ["finish", "form", "pack"]},
    "staff": {"bin": "hoso-staff", "folder": "staff/", "splits": ["check"]},
}
OPT = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"]
# For experiments: more wasm-opt flags before -Oz (e.g. HOSO_OPT_EXTRA="-aimfs 12 --inlining-optimizing").
OPT[0:0] = os.environ.get("HOSO_OPT_EXTRA", "").split()
# For profiling (scripts/diagnose/profile_page.js): keep function names in every part.
if os.environ.get("HOSO_KEEP_NAMES") == "1":
    OPT.append("-g")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        raise SystemExit(f"split: `{' '.join(cmd)}` failed")


def parts(loader: str) -> dict:
    """Each split's wasm files, its shared chunks first, read from the loader script."""
    chunks = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(.*?"\./([^"]+\.wasm)"', loader, re.S))
    out = {}
    for name, file, deps in re.findall(
            r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(.*?"\./([^"]+\.wasm)".*?\[([^\]]*)\]\)\)', loader, re.S):
        out[name] = [chunks[d.strip()] for d in deps.split(",") if d.strip()] + [file]
    return out


FETCHER = re.compile(
    r'\(\) => \{\s*const src = fetch\(new URL\("(\./[^"]+\.wasm)", import\.meta\.url\)\);\s*'
    r'src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}')


def compile_early(loader: str) -> str:
    """Lets a deep link compile its part while the main wasm downloads.

    wasm-split's loader fetches and compiles a part only when the app asks for it, after the main
    wasm has started. Here each part's module is compiled once, by `compile(url)`; the loader's
    fetchers use it, and when the loader script is evaluated (with the glue, before the main
    wasm runs) it starts compiling the files of the part that index.html's boot script named in
    `window.hosoPart`. A failed compile is forgotten, so the loader's retry fetches again."""
    if not FETCHER.search(loader):
        raise SystemExit("split: the loader's fetchers are not the expected code (wasm-split-cli version?)")
    loader = FETCHER.sub(lambda m: f'() => {{ const m = compile("{m.group(1)}"); return async (imports) => WebAssembly.instantiate(await m, imports); }}', loader)
    files = parts(loader)
    return loader + (
        "const compiled = {};\n"
        "function compile(url) {\n"
        "    let m = compiled[url];\n"
        "    if (m === undefined) {\n"
        "        m = compiled[url] = WebAssembly.compileStreaming(fetch(new URL(url, import.meta.url)));\n"
        "        m.catch(() => { if (compiled[url] === m) delete compiled[url]; });\n"
        "    }\n"
        "    return m;\n"
        "}\n"
        f"const early = {json.dumps({k: ['./' + f for f in v] for k, v in files.items()})};\n"
        "(early[globalThis.hosoPart] || []).forEach(compile);\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    ap.add_argument("--bundle", choices=sorted(BUNDLES), default="app")
    ap.add_argument("--input")
    a = ap.parse_args()
    bundle = BUNDLES[a.bundle]
    splits, url = bundle["splits"], "/" + bundle["folder"]
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    a.input = a.input or os.path.join(target, "wasm32-unknown-unknown", "release", bundle["bin"] + ".wasm")
    dist = pathlib.Path(a.dir) / bundle["folder"]
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    m = re.search(re.escape(url) + "(" + re.escape(bundle["bin"]) + r"-[0-9a-f]+)_bg\.wasm", html)
    if not m:
        raise SystemExit(f"split: no {url}{bundle['bin']}-<hash>_bg.wasm in {index}: build with trunk first")
    stem = m.group(1)
    source = pathlib.Path(a.input).read_bytes()
    if b"__wasm_split" not in source or b"reloc.CODE" not in source:
        raise SystemExit(f"split: {a.input} has no split points or no relocations (build.rs links it with --emit-relocs)")

    with tempfile.TemporaryDirectory() as tmp:
        t = pathlib.Path(tmp)
        run("wasm-split-cli", a.input, str(t / "split"), "--out-name", stem)
        run("wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
            "--out-dir", str(t / "bg"), "--out-name", stem, str(t / "split" / f"{stem}.wasm"))
        # wasm-bindgen's snippets are trunk's (same crate, same hash): check, keep trunk's copies.
        for f in (t / "bg" / "snippets").rglob("*"):
            if f.is_file():
                ours = dist / "snippets" / f.relative_to(t / "bg" / "snippets")
                if not ours.is_file() or ours.read_bytes() != f.read_bytes():
                    raise SystemExit(f"split: snippet {ours} differs from wasm-bindgen's")

        loader_name = f"{stem}-split.js"
        loader = (t / "split" / "__wasm_split.js").read_text(encoding="utf-8")
        made = []  # (file in dist, is a whole split rather than a shared chunk)
        # A shared chunk is named by the parts that use it (wasm-split numbers them), and
        # not ending like a part's name (`-form.wasm`).
        users = {file: "-".join(sorted(x.strip() for x in names.split(","))) + "-shared"
                 for names, file in re.findall(r'/\* ([\w, ]+) \*/\s*const __chunk_\d+ = makeLoad\(.*?"\./([^"]+)"', loader, re.S)}
        for f in sorted((t / "split").glob("*.wasm")):
            if f.name == f"{stem}.wasm":
                continue
            name = f.stem[len("split_"):] if f.stem.startswith("split_") else users.get(f.name, f.stem)
            out = f"{stem}-{name}.wasm"
            if f'"./{f.name}"' not in loader:
                raise SystemExit(f"split: the loader does not name {f.name}")
            loader = loader.replace(f'"./{f.name}"', f'"./{out}"')
            run("wasm-opt", *OPT, str(f), "-o", str(dist / out))
            made.append((out, f.stem.startswith("split_")))
        loader = compile_early(loader)
        (dist / loader_name).write_text(loader, encoding="utf-8")

        run("wasm-opt", *OPT, str(t / "bg" / f"{stem}_bg.wasm"), "-o", str(dist / f"{stem}_bg.wasm"))
        js = (t / "bg" / f"{stem}.js").read_text(encoding="utf-8")
        # The ES imports of the loader get its new name; the keys of the wasm's import object
        # keep the module name the wasm asks for.
        js, n = re.subn(r'(import \* as \w+ from )"\./__wasm_split\.js"', lambda m: f'{m.group(1)}"./{loader_name}"', js)
        if not n:
            raise SystemExit("split: the glue does not import the loader")
        (dist / f"{stem}.js").write_text(js, encoding="utf-8")

    # index.html: integrity of the rewritten files, the loader preloaded with the glue, and each
    # split's files for the boot script, which preloads those of the page a link opens.
    def fix_integrity(h, name):
        link = re.search(r"<link\b[^>]*href=\"?" + re.escape(url + name) + r"[\"\s>][^>]*>", h)
        if not link:
            raise SystemExit(f"split: no link to {url}{name} in {index}")
        new = re.sub(r"integrity=\"?sha384-[A-Za-z0-9+/=]+\"?", "integrity=" + sri((dist / name).read_bytes()), link.group(0))
        return h.replace(link.group(0), new), new

    html, js_link = fix_integrity(html, f"{stem}.js")
    html = html.replace(js_link, js_link + f"<link crossorigin href={url}{loader_name} integrity={sri((dist / loader_name).read_bytes())} rel=modulepreload>", 1)
    html, _ = fix_integrity(html, f"{stem}_bg.wasm")
    by_split = parts(loader)
    if set(by_split) != set(splits):
        raise SystemExit(f"split: the splits of {a.input} are {sorted(by_split)}, not {splits}")
    slot = re.search(r"([`'\"])__SPLIT_PRELOAD__\1", html)
    if a.bundle == "app" and not slot:
        raise SystemExit(f"split: no __SPLIT_PRELOAD__ in {index}'s boot script")
    if slot:
        links = {k: "".join(f"<link rel=preload as=fetch crossorigin href={url}{f}>" for f in v) for k, v in by_split.items()}
        html = html[:slot.start()] + json.dumps(links, separators=(",", ":")) + html[slot.end():]
    index.write_text(html, encoding="utf-8")

    def gz(name):
        return len(gzip.compress((dist / name).read_bytes(), 9))

    print(f"split: {stem}_bg.wasm (start page and shared code) {gz(stem + '_bg.wasm') / 1000:.1f} KB gzip")
    for out, whole in made:
        print(f"split: {out} ({'one part' if whole else 'shared by parts'}) {gz(out) / 1000:.1f} KB gzip")
    for k, v in sorted(by_split.items()):
        print(f"split: part {k}: {', '.join(v)}")
    print(f"split: {loader_name} {gz(loader_name) / 1000:.1f} KB gzip")


if __name__ == "__main__":
    main()
