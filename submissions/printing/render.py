"""HTML → PDF with WeasyPrint, failing loudly instead of printing empty boxes for missing glyphs."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"
# WeasyPrint (≥ 53) logs this on its 'weasyprint' logger each time a .notdef box is drawn.
MISSING_GLYPH_MARK = ".notdef glyph rendered"


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot load on this server (its system libraries are missing)."""


class MissingGlyphError(RuntimeError):
    """The text has characters no installed font can draw; the PDF would show empty boxes."""

    def __init__(self, characters: list[str]):
        self.characters = characters
        shown = " ".join(f"{c} (U+{ord(c):04X})" for c in characters)
        super().__init__(f"The printable copy cannot draw these characters: {shown}")


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


class _GlyphWatcher(logging.Handler):
    """Collects WeasyPrint's missing-glyph warnings raised by this thread's render only."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.thread = threading.get_ident()
        self.characters: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        message = record.getMessage()
        if MISSING_GLYPH_MARK in message and record.args:
            character = str(record.args[0])
            if character not in self.characters:
                self.characters.append(character)


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return PRINT_CSS.read_text(encoding="utf-8")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_counter_content() -> str:
    """CSS `content` for 第 N 页 共 M 页 in the current language, from one translated msgid."""
    marked = _("Page %(page)s of %(pages)s") % {"page": "\x00page\x00", "pages": "\x00pages\x00"}
    parts = []
    for piece in marked.split("\x00"):
        if piece in ("page", "pages"):
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(_css_string(piece))
    return " ".join(parts)


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=3, border=0)


def render_html(context: dict[str, Any]) -> str:
    """The print template as one self-contained HTML string (stylesheet inlined)."""
    footer = [_page_counter_content()]
    if context.get("receipt_number"):
        footer.append(_css_string("  " + _("Receipt %(n)s") % {"n": context["receipt_number"]}))
    if context.get("verification_code"):
        footer.append(
            _css_string(
                "  " + _("Verification code %(code)s") % {"code": context["verification_code"]}
            )
        )
    extra = {
        "print_css": mark_safe(_stylesheet()),  # noqa: S308 - our own static file  # nosec B308 B703
        "footer_content": mark_safe(" ".join(footer)),  # noqa: S308 - built by _css_string  # nosec B308 B703
        "qr_uri": qr_data_uri(context["verify_url"]) if context.get("verify_url") else "",
    }
    return render_to_string("print/submission.html", {**context, **extra})


def html_to_pdf(html: str) -> RenderedPdf:
    """Render with WeasyPrint; raise MissingGlyphError when any character would print as a box."""
    try:
        import weasyprint  # heavy import, only where PDFs are made
    except OSError as exc:  # libpango / libharfbuzz missing: say so instead of a 500
        raise PdfUnavailable(str(exc)) from exc

    watcher = _GlyphWatcher()
    logger = logging.getLogger("weasyprint")
    if logger.getEffectiveLevel() > logging.WARNING:
        # A quieter logging setup must not hide missing glyphs from this check.
        logger.setLevel(logging.WARNING)
    logger.addHandler(watcher)
    try:
        document = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).render()
        content = document.write_pdf()
    finally:
        logger.removeHandler(watcher)
    if watcher.characters:
        raise MissingGlyphError(watcher.characters)
    return RenderedPdf(content=content, page_count=len(document.pages))


def render_pdf(context: dict[str, Any]) -> RenderedPdf:
    """The printable copy for a document context (see document.build_document), in Chinese."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_html(context)
    return html_to_pdf(html)
