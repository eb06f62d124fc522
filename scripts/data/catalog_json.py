#!/usr/bin/env python3
"""Writes a procedure file (src/catalog/<id>.json) in the catalog's layout: one key per line at
the top, and each element of a list of objects compact on a line of its own. Used by scripts that
edit the catalog, so a change shows as the lines it changes.

    python3 scripts/data/catalog_json.py src/catalog/*.json     # rewrites them in place
"""
import json
import sys


def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))


def element(x, indent):
    """One element of a top-level list: compact, but a field's options one per line."""
    if isinstance(x, dict) and isinstance(x.get("options"), list) and x["options"]:
        head = {k: v for k, v in x.items() if k != "options"}
        opts = ",\n".join(indent + "  " + compact(o) for o in x["options"])
        return compact(head)[:-1] + ', "options": [\n' + opts + "\n" + indent + "]}"
    return compact(x)


def dumps(d):
    lines = ["{"]
    items = list(d.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(v, list) and (any(isinstance(x, (dict, list)) for x in v) or len(compact(v)) > 100):
            lines.append(f"  {json.dumps(k)}: [")
            for j, x in enumerate(v):
                lines.append("    " + element(x, "    ") + ("," if j < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        elif k == "sample_answers" and isinstance(v, dict) and v:
            # A flat map of strings (sample answers): one entry per line.
            lines.append(f"  {json.dumps(k)}: {{")
            entries = list(v.items())
            for j, (kk, vv) in enumerate(entries):
                lines.append(f"    {json.dumps(kk)}: {json.dumps(vv, ensure_ascii=False)}" + ("," if j < len(entries) - 1 else ""))
            lines.append("  }" + comma)
        else:
            lines.append(f"  {json.dumps(k)}: {compact(v)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(path, d):
    with open(path, "w", encoding="utf-8") as f:
        f.write(dumps(d))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        write(p, json.load(open(p, encoding="utf-8")))
