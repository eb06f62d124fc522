#!/usr/bin/env python3
"""Adds a pseudo-language "xx" to a COPY of the repository, as data only: the language list, the
two locale files (the English texts with a "⟦xx⟧ " marker), an "xx" key in every text of the
catalog, and the JSON Schemas. Shows that adding a language needs no Rust change, and any text
on a page without the marker is one that is not data (docs/translating.md).

    mkdir /tmp/xx && git archive HEAD | tar -x -C /tmp/xx
    python3 scripts/diagnose/pseudo_language.py /tmp/xx
    cd /tmp/xx && cargo run --offline --bin hoso -- catalog export public/data/catalog && cargo test --offline
    scripts/build/build.sh && python3 scripts/serve.py --dir dist     # then "Pseudo" in the header

Never run it on the working tree you commit from.
"""
import json, glob, sys
from collections import OrderedDict
import os
if len(sys.argv) != 2:
    sys.exit(__doc__)
root = sys.argv[1]
if os.path.exists(os.path.join(root, ".git")):
    sys.exit(f"pseudo_language: {root} is a git checkout; run it on a copy (git archive, see above)")
def load(p): return json.load(open(p), object_pairs_hook=OrderedDict)
def dump(p, v, indent=2): open(p, "w").write(json.dumps(v, ensure_ascii=False, indent=indent) + "\n")
langs = load(f"{root}/locales/languages.json")
langs.append(OrderedDict(code="xx", name="Pseudo", switch_to="Switch to Pseudo",
                         aliases=["xx-yy"], thousands_separator="\u202f", decimal_separator=","))
dump(f"{root}/locales/languages.json", langs)
mark = lambda t: "⟦xx⟧ " + t
for kind in ("", ".messages"):
    en = load(f"{root}/locales/en{kind}.json")
    dump(f"{root}/locales/xx{kind}.json", OrderedDict((k, mark(v)) for k, v in en.items()))
count = 0
def walk(v):
    global count
    if isinstance(v, dict):
        if "vi" in v or "en" in v:
            v["xx"] = mark(v.get("en", ""))
            count += 1
        else:
            for x in v.values(): walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
for f in glob.glob(f"{root}/src/catalog/*.json"):
    v = load(f); walk(v); dump(f, v, 1)
print("catalog texts given an xx version:", count)
# The published JSON Schemas list the languages too (tests/bilingual.rs checks them).
m = load(f"{root}/public/schema/manifest-v2.schema.json")
m["properties"]["language"]["enum"].append("xx")
m["$defs"]["i18n"]["properties"]["xx"] = OrderedDict(type="string", minLength=1)
dump(f"{root}/public/schema/manifest-v2.schema.json", m)
st = load(f"{root}/public/schema/settings-v1.schema.json")
st["properties"]["lang"]["enum"].append("xx")
st["$defs"]["text"]["oneOf"][1]["properties"]["xx"] = OrderedDict(type="string")
dump(f"{root}/public/schema/settings-v1.schema.json", st)
