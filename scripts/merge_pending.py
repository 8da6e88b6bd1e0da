"""Compile locale/pending/*.json into a private preview catalog (var/locale-preview).

Temporary workflow while several people add msgids at once; the lead merges the JSON files into
locale/zh_Hans/LC_MESSAGES/django.po with makemessages + po_fill.py.
"""

import json
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "zh_Hans"}
    seen = set()
    for path in sorted((ROOT / "locale" / "pending").glob("*.json")):
        for msgid, msgstr in json.loads(path.read_text(encoding="utf-8")).items():
            if msgid not in seen and msgstr:
                seen.add(msgid)
                po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    out = ROOT / "var" / "locale-preview" / "zh_Hans" / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    po.save(str(out / "django.po"))
    po.save_as_mofile(str(out / "django.mo"))
    print(f"{len(seen)} pending translations compiled into {out}")


if __name__ == "__main__":
    main()
