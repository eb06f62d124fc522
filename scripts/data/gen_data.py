#!/usr/bin/env python3
"""Regenerates public/data/units-2025.json from the shared reference list of administrative units.

Source: ../shared/reference/admin-units-2025.json (GSO list after 1 July 2025, as packaged in
PyPI vietnam-provinces 2025.10.1). Output is compact: [province code, name, [[commune code, name], ...]].
Codes are zero-padded as official codes are written (province 2 digits, commune 5 digits).
Run: python3 scripts/data/gen_data.py [path/to/admin-units-2025.json]
"""
import json, sys, unicodedata, pathlib

root = pathlib.Path(__file__).resolve().parents[2]  # scripts/data/ → the repository
src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/reference/admin-units-2025.json"
data = json.loads(src.read_text(encoding="utf-8"))

def nfc(s):
    return unicodedata.normalize("NFC", s).strip()

provinces = []
for p in data["provinces"]:
    name = nfc(p["name"])
    if p["type"] == "tỉnh" and not name.startswith("Tỉnh "):
        name = "Tỉnh " + name
    communes = [[f'{c["code"]:05d}', nfc(c["name"])] for c in p["communes"]]
    provinces.append([f'{p["code"]:02d}', name, communes])

out = {
    "source": "Danh mục đơn vị hành chính sau sắp xếp (1/7/2025), Tổng cục Thống kê / GSO list after 1 July 2025, as packaged in PyPI vietnam-provinces 2025.10.1",
    "effective_from": "2025-07-01",
    "version": "2025.10.1",
    "provinces": provinces,
}
dest = root / "public/data/units-2025.json"
dest.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
n = sum(len(p[2]) for p in provinces)
print(f"wrote {dest.relative_to(root)}: {len(provinces)} provinces, {n} communes, {dest.stat().st_size} bytes")
