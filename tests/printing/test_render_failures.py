"""Loud failures: missing glyphs stop the render; start-up warns about missing fonts/HarfBuzz."""

import pytest
from django.core.checks import run_checks

from submissions.printing import fonts
from submissions.printing.render import MissingGlyphError, html_to_pdf
from submissions.services.printing import version_pdf_get_or_render

# U+E000 is a private-use code point: no installed font draws it.
NO_GLYPH = "\ue000"


def test_html_with_an_undrawable_character_raises():
    """WeasyPrint's .notdef warning becomes an exception naming the character."""
    html = f"<p style=\"font-family: 'Noto Serif CJK SC'\">基地{NO_GLYPH}名称</p>"
    with pytest.raises(MissingGlyphError) as excinfo:
        html_to_pdf(html)
    assert excinfo.value.characters == [NO_GLYPH]
    assert "U+E000" in str(excinfo.value)


def test_ordinary_chinese_renders():
    rendered = html_to_pdf("<p style=\"font-family: 'Noto Serif CJK SC'\">软件和信息服务</p>")
    assert rendered.page_count == 1
    assert rendered.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_version_with_undrawable_name_is_not_stored(version_a):
    """A copy with boxes instead of characters is never stored or served."""
    version_a.snapshot["base"]["name"] = f"甲基地{NO_GLYPH}"
    version_a.save(update_fields=["snapshot"])
    with pytest.raises(MissingGlyphError):
        version_pdf_get_or_render(version=version_a)
    version_a.refresh_from_db()
    assert not version_a.pdf
    assert version_a.pdf_sha256 == ""


def test_system_check_is_quiet_when_fonts_and_harfbuzz_are_installed():
    ids = {message.id for message in run_checks(tags=["printing"])}
    assert not ids & {"submissions.W001", "submissions.W002"}


def test_system_check_warns_without_cjk_font_or_harfbuzz(monkeypatch):
    monkeypatch.setattr(fonts, "missing_font_families", lambda: ["Noto Serif CJK SC"])
    monkeypatch.setattr(fonts, "harfbuzz_subset_available", lambda: False)
    messages = {message.id: message for message in run_checks(tags=["printing"])}
    assert "Noto Serif CJK SC" in messages["submissions.W001"].msg
    assert "fonts-noto-cjk" in messages["submissions.W001"].hint
    assert "libharfbuzz-subset0" in messages["submissions.W002"].hint


def test_font_lookup_rejects_a_fallback_family():
    """fc-match always answers something; an unknown family must not count as installed."""
    assert fonts.font_family_available("Noto Serif CJK SC")
    assert not fonts.font_family_available("No Such Font Family 123")
