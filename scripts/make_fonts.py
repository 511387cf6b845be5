#!/usr/bin/python3
"""scripts/make_fonts.py — cut the two font subsets the app draws with, from exactly the text it shows.

Why two faces: Simplified (SC) and Traditional (TC) Chinese share code points but not glyph shapes, so traditional
quotes and the 繁體中文 interface must be drawn with Noto Sans CJK TC, simplified ones with SC. Each subset holds
only the characters that content/*.json and assets/font-extra-chars.txt can put on screen, which keeps the
download small; the check at the end makes sure every one of them has a glyph (no tofu boxes, ever).

Runs on Debian's /usr/bin/python3 (fontTools comes from Debian's `fonttools` package).
Usage: make_fonts.py --content DIR --extra FILE --out DIR [--font TTC]
Writes DIR/ui-sc.otf, DIR/ui-tc.otf and DIR/fonts-report.json; exits 1 naming each character without a glyph.
"""
import argparse
import json
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FACE_INDEX = {"sc": 2, "tc": 3}  # faces inside NotoSansCJK-Regular.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
# content/strings.json keys under these prefixes are written into the static pages (HTML, drawn with the browser's
# fonts) and the link-preview images only, never drawn by the app: their characters stay out of its subsets.
STATIC_PAGE_PREFIXES = ("/strings/page.", "/strings/share.", "/strings/fallback.")
DEFAULT_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


def is_cjk(ch):
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x3000 <= code <= 0x303F or 0x20000 <= code <= 0x2FFFF)


def collect(value, script, chars, pointer):
    """Walk JSON; script is 'sc', 'tc' or None (neutral: both faces) for the text below this point."""
    if isinstance(value, dict):
        # A quote object declares its own script; a language map names it by key.
        local = script
        if value.get("script") == "zh-Hant":
            local = "tc"
        elif value.get("script") == "zh-Hans":
            local = "sc"
        for key, child in value.items():
            file_name, _, child_pointer = (pointer + "/" + str(key)).partition(":")
            if file_name == "content/strings.json" and child_pointer.startswith(STATIC_PAGE_PREFIXES):
                continue
            child_script = {"zh-Hant": "tc", "zh-Hans": "sc"}.get(key, local)
            if key == "en" or key == "translation_en":
                child_script = None
            collect(child, child_script, chars, pointer + "/" + str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            collect(child, script, chars, pointer + "/" + str(index))
    elif isinstance(value, str):
        for ch in value:
            if not ch.isprintable():
                continue
            targets = ("sc", "tc") if (script is None or not is_cjk(ch)) else (script,)
            for face in targets:
                chars[face].setdefault(ch, pointer)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", required=True)
    parser.add_argument("--extra", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--font", default=DEFAULT_TTC)
    args = parser.parse_args()

    chars = {"sc": {}, "tc": {}}
    for ch in (chr(code) for code in range(0x20, 0x7F)):
        chars["sc"][ch] = chars["tc"][ch] = "ascii"
    with open(args.extra, encoding="utf-8") as extra:
        for line in extra:
            if not line.startswith("#"):
                collect(line.rstrip("\n"), None, chars, args.extra)
    for name in sorted(os.listdir(args.content)):
        if name.endswith(".json"):
            path = os.path.join(args.content, name)
            with open(path, encoding="utf-8") as handle:
                collect(json.load(handle), None, chars, "content/" + name + ":")

    if not os.path.exists(args.font):
        print(f"make_fonts: {args.font} is missing (install Debian's fonts-noto-cjk)", file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    collection = TTCollection(args.font)
    missing = []
    report = {}
    for face, index in FACE_INDEX.items():
        cmap = collection.fonts[index].getBestCmap()
        face_chars = chars[face]
        for ch, where in sorted(face_chars.items()):
            if ord(ch) not in cmap and ch != " ":
                missing.append(f"{where}: U+{ord(ch):04X} '{ch}' has no glyph in Noto Sans CJK {face.upper()}")
        text = "".join(ch for ch in face_chars if ord(ch) in cmap)
        out_path = os.path.join(args.out, f"ui-{face}.otf")
        options = subset.Options()
        options.font_number = index
        options.hinting = False
        options.desubroutinize = True
        options.layout_features = []  # Dear ImGui does no shaping: GSUB/GPOS would be dead weight
        options.name_IDs = [1, 2]
        options.notdef_outline = True
        font = TTFont(args.font, fontNumber=index, lazy=True)
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        font.save(out_path)
        report[face] = {"file": os.path.basename(out_path), "characters": len(text),
                        "bytes": os.path.getsize(out_path), "text": text}
    with open(os.path.join(args.out, "fonts-report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)
    if missing:
        print("\n".join(missing), file=sys.stderr)
        return 1
    for face, info in report.items():
        print(f"make_fonts: ui-{face}.otf {info['characters']} characters, {info['bytes']} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
