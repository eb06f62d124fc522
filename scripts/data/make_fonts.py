"""Writes public/fonts/HosoSerif-{Regular,Bold}.ttf, the fonts of the printed forms (src/engine/pdf.rs):
Liberation Serif 2.1.5 (apt fonts-liberation2, SIL OFL 1.1: public/fonts/OFL.txt is its copyright
file) subset to Latin, Latin Extended-A, Vietnamese and punctuation, without hinting and layout
tables, and renamed "Hoso Serif" (the OFL reserves the name "Liberation" for the original).

    apt-get install fonts-liberation2 && pip install fonttools && python3 scripts/data/make_fonts.py

The output is the same on every run (the font's timestamp is kept), so the PDFs stay the same.
"""
import os, subprocess, sys
from fontTools.ttLib import TTFont
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "public", "fonts"))
U = ("U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01A1,U+01AF-01B0,"
     "U+0300-0301,U+0303,U+0309,U+0323,U+1EA0-1EF9,U+2013-2014,U+2018-201A,U+201C-201E,"
     "U+2022,U+2026,U+2030,U+2032-2033,U+20AB,U+20AC,U+2116,U+2122,U+25A1")
SRC = "/usr/share/fonts/truetype/liberation2/LiberationSerif-{}.ttf"
for style in ("Regular", "Bold"):
    out = f"HosoSerif-{style}.ttf"
    subprocess.run([sys.executable, "-m", "fontTools.subset", SRC.format(style), f"--unicodes={U}",
        "--layout-features=", "--no-hinting", "--name-IDs=0,1,2,3,4,5,6,13,14",
        "--drop-tables+=FFTM,GDEF,GPOS,GSUB,kern,DSIG", f"--output-file={out}"], check=True)
    f = TTFont(out, recalcTimestamp=False)
    name = f["name"]
    for rec in list(name.names):
        n = rec.nameID
        if n in (1, 4, 16, 21): rec.string = "Hoso Serif" if n != 4 else f"Hoso Serif {style}".replace(" Regular", "")
        elif n == 3: rec.string = f"Hoso Serif {style}; derived from Liberation Serif 2.1.5"
        elif n in (6, 20): rec.string = f"HosoSerif-{style}"
    f.save(out)
    print(out, [(r.nameID, r.toUnicode()) for r in name.names if r.platformID == 3])
