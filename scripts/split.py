#!/usr/bin/env python3
"""Cuts the resident app's wasm in two after `trunk build`: the start page's code, and the
journey pages' code (src/ui/lazy.rs), fetched when a procedure's page first opens.

    python3 scripts/split.py [--dir dist] [--input target/wasm32-unknown-unknown/release/hoso.wasm]

Trunk cannot split a wasm (trunk-rs/trunk#1022), so this redoes its last steps for the `hoso`
bundle from the wasm that cargo linked (with `--emit-relocs`, which wasm-split needs):

1. `wasm-split-cli` cuts the module at the `#[wasm_split]` functions: a main module, one module
   per split (`journey`), chunks of code that several splits share (none with one split), and a
   small loader script that fetches and instantiates them into the main module's memory and
   function table;
2. `wasm-bindgen --keep-lld-exports` (the loader needs the function table export) writes the
   main module's glue, as trunk did;
3. `wasm-opt` optimizes each module (index.html gives trunk `data-wasm-opt="0"` for this bundle);
4. the files replace trunk's in dist under trunk's hashed name (`hoso-<hash>…`), and index.html's
   integrity hashes and preload links follow: the loader is preloaded as a module; the journey
   module gets a preload link that scripts/pwa.py moves into the boot script, like the main
   wasm's, so only a deep link preloads it.

Prints the size of each part. Tools come from scripts/setup.sh.
"""
import argparse
import base64
import gzip
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

OPT = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"]


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        raise SystemExit(f"split: `{' '.join(cmd)}` failed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    ap.add_argument("--input", default=os.path.join(target, "wasm32-unknown-unknown", "release", "hoso.wasm"))
    a = ap.parse_args()
    dist = pathlib.Path(a.dir)
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    m = re.search(r"/(hoso-[0-9a-f]+)_bg\.wasm", html)
    if not m:
        raise SystemExit(f"split: no /hoso-<hash>_bg.wasm in {index}: build with trunk first")
    stem = m.group(1)
    source = pathlib.Path(a.input).read_bytes()
    if b"__wasm_split" not in source or b"reloc.CODE" not in source:
        raise SystemExit(f"split: {a.input} has no split points or no relocations (is -Clink-arg=--emit-relocs set?)")

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
        parts = []  # (file in dist, is the whole split rather than a shared chunk)
        for f in sorted((t / "split").glob("*.wasm")):
            if f.name == f"{stem}.wasm":
                continue
            name = f.stem[len("split_"):] if f.stem.startswith("split_") else f.stem
            out = f"{stem}-{name}.wasm"
            if f'"./{f.name}"' not in loader:
                raise SystemExit(f"split: the loader does not name {f.name}")
            loader = loader.replace(f'"./{f.name}"', f'"./{out}"')
            run("wasm-opt", *OPT, str(f), "-o", str(dist / out))
            parts.append((out, f.stem.startswith("split_")))
        (dist / loader_name).write_text(loader, encoding="utf-8")

        run("wasm-opt", *OPT, str(t / "bg" / f"{stem}_bg.wasm"), "-o", str(dist / f"{stem}_bg.wasm"))
        js = (t / "bg" / f"{stem}.js").read_text(encoding="utf-8")
        # The ES imports of the loader get its new name; the keys of the wasm's import object
        # keep the module name the wasm asks for.
        js, n = re.subn(r'(import \* as \w+ from )"\./__wasm_split\.js"', lambda m: f'{m.group(1)}"./{loader_name}"', js)
        if not n:
            raise SystemExit("split: the glue does not import the loader")
        (dist / f"{stem}.js").write_text(js, encoding="utf-8")

    # index.html: integrity of the rewritten files, the loader preloaded with the glue, the split
    # modules' preloads beside the main wasm's (pwa.py moves them into the boot script).
    def fix_integrity(h, name):
        link = re.search(r"<link\b[^>]*href=\"?/" + re.escape(name) + r"[\"\s>][^>]*>", h)
        if not link:
            raise SystemExit(f"split: no link to /{name} in index.html")
        new = re.sub(r"integrity=\"?sha384-[A-Za-z0-9+/=]+\"?", "integrity=" + sri((dist / name).read_bytes()), link.group(0))
        return h.replace(link.group(0), new), new

    html, js_link = fix_integrity(html, f"{stem}.js")
    html = html.replace(js_link, js_link + f"<link crossorigin href=/{loader_name} integrity={sri((dist / loader_name).read_bytes())} rel=modulepreload>", 1)
    html, wasm_link = fix_integrity(html, f"{stem}_bg.wasm")
    extra = "".join(f"<link as=fetch crossorigin href=/{out} rel=preload type=application/wasm>" for out, _ in parts)
    html = html.replace(wasm_link, wasm_link + extra, 1)
    index.write_text(html, encoding="utf-8")

    def gz(name):
        return len(gzip.compress((dist / name).read_bytes(), 9))

    print(f"split: {stem}_bg.wasm (start page and shared code) {gz(stem + '_bg.wasm') / 1000:.1f} KB gzip")
    for out, whole in parts:
        print(f"split: {out} ({'loaded by its pages' if whole else 'shared by several splits'}) {gz(out) / 1000:.1f} KB gzip")
    print(f"split: {loader_name} {gz(loader_name) / 1000:.1f} KB gzip")


if __name__ == "__main__":
    main()
