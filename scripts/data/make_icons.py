#!/usr/bin/env python3
"""Draws the app icons (public/icons/*.png) with the standard library only: a white document with
a folded corner and three lines on the brand blue. Run once; the PNGs are committed.

    python3 scripts/data/make_icons.py
"""
import pathlib
import struct
import zlib

BRAND = (0x1D, 0x4E, 0x89)
WHITE = (0xFF, 0xFF, 0xFF)
LINE = (0x9F, 0xB8, 0xD6)


def png(path, size, pixel):
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            rows.extend(pixel(x / size, y / size))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    pathlib.Path(path).write_bytes(data)


def icon(scale):
    """A document centred in the square; `scale` < 1 keeps it inside a maskable safe zone."""
    def pixel(u, v):
        # Map into the document's own coordinates (0..1 across the drawn area).
        m = (1 - scale) / 2
        x, y = (u - m) / scale, (v - m) / scale
        left, right, top, bottom = 0.22, 0.78, 0.12, 0.88
        fold = 0.16
        if not (left <= x <= right and top <= y <= bottom):
            return BRAND
        if x > right - fold and y < top + fold:
            # The folded corner: brand outside the diagonal, lighter inside.
            return BRAND if (x - (right - fold)) > (y - top) else LINE
        for ly in (0.42, 0.55, 0.68):
            if ly <= y <= ly + 0.045 and left + 0.08 <= x <= right - 0.08:
                return LINE
        return WHITE
    return pixel


root = pathlib.Path(__file__).resolve().parents[2] / "public" / "icons"
png(root / "icon-192.png", 192, icon(1.0))
png(root / "icon-512.png", 512, icon(1.0))
png(root / "maskable-512.png", 512, icon(0.72))
print("wrote", ", ".join(p.name for p in sorted(root.glob("*.png"))))
