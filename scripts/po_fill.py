"""Fill msgstr entries of a .po catalog from a JSON mapping {msgid: translation}.

Usage: python scripts/po_fill.py locale/zh_Hans/LC_MESSAGES/django.po translations.json
Prints the msgids that are still untranslated afterwards.
"""

import json
import sys

import polib


def main(po_path: str, mapping_path: str) -> int:
    po = polib.pofile(po_path)
    with open(mapping_path, encoding="utf-8") as fh:
        mapping = json.load(fh)
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save(po_path)
    missing = [e.msgid for e in po if not e.msgstr and not e.obsolete]
    for msgid in missing:
        print(msgid)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
