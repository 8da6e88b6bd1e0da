"""Django system checks of the submissions app."""

from __future__ import annotations

from django.core.checks import Warning, register

from submissions.printing import fonts


@register("printing")
def printing_dependencies_check(app_configs=None, **kwargs):
    """Warn when the printable copy would print boxes for Chinese or render very slowly."""
    messages = []
    missing = fonts.missing_font_families()
    if missing:
        messages.append(
            Warning(
                f"No font for {', '.join(missing)}: the printable copy cannot print Chinese.",
                hint="Install Debian's fonts-noto-cjk package.",
                id="submissions.W001",
            )
        )
    if not fonts.harfbuzz_subset_available():
        messages.append(
            Warning(
                "HarfBuzz's subsetter (libharfbuzz-subset) is missing: WeasyPrint falls back to "
                "fontTools and a PDF takes seconds instead of a fraction of a second.",
                hint="Install Debian's libharfbuzz-subset0 package.",
                id="submissions.W002",
            )
        )
    return messages
