"""Builds the bundled CJK font: Noto Sans CJK SC cut down to the characters a Chinese UI needs.

Run once by a maintainer when the character set changes (``pip install fonttools``, Debian's
``fonts-noto-cjk``)::

    python -m resources.fonts.build_font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

The subset keeps ASCII, Latin-1, general and CJK punctuation, full-width forms and every character
of GB 2312 (the 6,763 hanzi of everyday simplified Chinese, which covers Sichuan's place and court
names). The font is under the SIL Open Font License 1.1 (``OFL.txt``); as the licence asks of a
modified version, the subset carries its own family name, "Console Sans SC".
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SC_INDEX_IN_COLLECTION = 2  # Noto Sans CJK SC in NotoSansCJK-Regular.ttc
FAMILY = "Console Sans SC"


def gb2312() -> set[int]:
    points = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return points


def codepoints() -> set[int]:
    ranges = [
        (0x20, 0x7E),
        (0xA0, 0xFF),
        (0x2000, 0x206F),
        (0x2190, 0x21FF),
        (0x2460, 0x24FF),
        (0x25A0, 0x25FF),
        (0x3000, 0x303F),
        (0xFF00, 0xFFEF),
    ]
    return gb2312() | {p for low, high in ranges for p in range(low, high + 1)}


def build(collection: Path, out: Path) -> None:
    font = TTCollection(str(collection)).fonts[SC_INDEX_IN_COLLECTION]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
    font.save(str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection", type=Path, help="NotoSansCJK-Regular.ttc")
    args = parser.parse_args()
    out = Path(__file__).resolve().parent / "ConsoleSansSC-Regular.otf"
    build(args.collection, out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
