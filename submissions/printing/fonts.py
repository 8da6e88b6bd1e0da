"""What the printable copy needs from the system: the Noto CJK fonts and HarfBuzz's subsetter.

Both are Debian packages (fonts-noto-cjk, libharfbuzz-subset0), not Python ones, so a missing one
is only noticed at run time; the system check in submissions/checks.py reports it at start-up.
"""

from __future__ import annotations

import ctypes.util
import shutil
import subprocess  # noqa: S404 - fc-match with fixed arguments
from functools import lru_cache

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
REQUIRED_FAMILIES = (SERIF, SANS)


@lru_cache(maxsize=8)
def font_family_available(family: str) -> bool:
    """True when fontconfig resolves `family` to itself (not to a fallback font)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return False
    try:
        found = subprocess.run(  # noqa: S603
            [fc_match, "-f", "%{family}", family],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return family in [name.strip() for name in found.split(",")]


def missing_font_families() -> list[str]:
    return [family for family in REQUIRED_FAMILIES if not font_family_available(family)]


def harfbuzz_subset_available() -> bool:
    """WeasyPrint subsets fonts with HarfBuzz when it can; without it fontTools is ~30× slower."""
    return ctypes.util.find_library("harfbuzz-subset") is not None
