#!/usr/bin/env python3
"""Where the wasm's bytes go: sums function body sizes by crate (and optionally lists the largest
functions), from a build that keeps the `name` section:

    (. scripts/build/lean_env.sh && CARGO_PROFILE_RELEASE_STRIP=none cargo build --release --target wasm32-unknown-unknown --bin hoso)
    python3 scripts/diagnose/wasm_size.py target/wasm32-unknown-unknown/release/hoso.wasm [--top 30] [--grep serde]

Sizes are raw (before wasm-opt and gzip); use them to compare, not as the shipped size. For the
shipped code, run the wasm through wasm-bindgen and `wasm-opt -Oz -g` first (docs/size.md).
"""
import re
import sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j:j + size]
        i = j + size


def demangle(name):
    """Legacy Rust mangling `_ZN3foo3barE` → `foo::bar` (enough to group by crate)."""
    if name.startswith("_ZN"):
        i, parts = 3, []
        while i < len(name) and name[i].isdigit():
            m = re.match(r"\d+", name[i:])
            n = int(m.group())
            i += len(m.group())
            parts.append(name[i:i + n])
            i += n
        name = "::".join(parts)
    for a, b in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$C$", ","), ("..", "::"), ("$RF$", "&"), ("$BP$", "*")):
        name = name.replace(a, b)
    return name


def crate_of(name):
    """The crate a function's code belongs to: the first `crate::` path of the implementing type
    (`<impl Deserialize for hoso::engine::catalog::Procedure>::…` → hoso; `<&mut
    serde_json::de::Deserializer<R> as …>` → serde_json; `hoso::engine::catalog::…` → hoso;
    v0-mangled std internals → std; wasm-bindgen's generated shims → wasm-bindgen glue)."""
    if name.startswith("_R"):
        return "std (v0 names)"
    if name.startswith("__wbindgen") or name.startswith("__wbg") or name.startswith("__externref"):
        return "wasm-bindgen glue"
    # v0 names as the name section spells them with std rebuilt (scripts/build/lean_env.sh):
    # `hoso[3b5c1e12cc349a64]::ui::…`: drop the crate hashes.
    name = re.sub(r"\[[0-9a-f]{16}\]", "", name)
    impl = re.match(r"_?<impl(?:<[^ ]*>)? .*? for (.*)", name)
    subject = impl.group(1) if impl else name
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)::", subject)
    return m.group(1) if m else "?"


def main():
    args = sys.argv[1:]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 0
    grep = args[args.index("--grep") + 1] if "--grep" in args else None
    b = open(args[0], "rb").read()
    imports = 0
    bodies, names = [], {}
    for sid, data in sections(b):
        if sid == 2:  # imports: function imports come first in the index space
            n, i = leb(data, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, i = leb(data, i)
                    i += ln
                kind = data[i]
                i += 1
                if kind == 0:
                    _, i = leb(data, i)
                    imports += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                elif kind == 2:
                    flags, i = leb(data, i)
                    _, i = leb(data, i)
                    if flags & 1:
                        _, i = leb(data, i)
                else:
                    i += 2
        elif sid == 10:
            n, i = leb(data, 0)
            for _ in range(n):
                size, j = leb(data, i)
                bodies.append(size + (j - i))
                i = j + size
        elif sid == 0:
            ln, i = leb(data, 0)
            if data[i:i + ln] != b"name":
                continue
            i += ln
            while i < len(data):
                sub = data[i]
                size, j = leb(data, i + 1)
                if sub == 1:
                    n, k = leb(data, j)
                    for _ in range(n):
                        idx, k = leb(data, k)
                        ln2, k = leb(data, k)
                        names[idx] = demangle(data[k:k + ln2].decode("utf-8", "replace"))
                        k += ln2
                i = j + size
    by_crate, funcs = Counter(), []
    for n, size in enumerate(bodies):
        name = names.get(imports + n, f"func{imports + n}")
        if grep and grep not in name:
            continue
        by_crate[crate_of(name)] += size
        funcs.append((size, name))
    total = sum(by_crate.values())
    print(f"{'crate':<28}{'bytes':>10}{'share':>8}")
    for c, s in by_crate.most_common(25):
        print(f"{c:<28}{s:>10,}{s * 100 / total:>7.1f}%")
    print(f"{'total code':<28}{total:>10,}   ({len(b):,} bytes file)")
    if top:
        print()
        for s, n in sorted(funcs, reverse=True)[:top]:
            print(f"{s:>8,}  {n[:150]}")


if __name__ == "__main__":
    main()
