"""Every message the UI shows has a Simplified Chinese translation."""

import re
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["config", "submissions", "evaluation", "templates"]
# Names that read the same in both languages on purpose (a language offers itself in its own name).
SAME_IN_BOTH = {"English"}
PATTERNS = [
    re.compile(r"""\{%\s*translate\s+"([^"]+)"\s"""),
    re.compile(r"""\{%\s*translate\s+'([^']+)'\s"""),
    re.compile(r"""\b_\(\s*"([^"]+)"\s*[,)]"""),
]


def msgids():
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".py", ".html", ".txt") or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in PATTERNS:
                for match in pattern.finditer(text):
                    yield path.relative_to(ROOT), match.group(1)


def test_every_msgid_has_a_chinese_translation():
    untranslated = []
    with translation.override("zh-hans"):
        for path, msgid in msgids():
            if msgid in SAME_IN_BOTH or not re.search(r"[A-Za-z]{2}", msgid):
                continue
            if translation.gettext(msgid) == msgid:
                untranslated.append(f"{path}: {msgid}")
    assert not untranslated, "untranslated:\n" + "\n".join(sorted(set(untranslated)))
