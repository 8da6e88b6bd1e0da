"""What the printable copy shows: every figure and row, the evaluation, footers, fonts."""

import io
import re

import pytest
from pypdf import PdfReader

from submissions.printing.document import format_number
from submissions.services.printing import (
    draft_pdf_render,
    version_pdf_get_or_render,
)
from tests.printing.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db

TITLE = "2024年度上海市软件和信息服务产业基地评估材料"
FIGURES = [
    "revenue_total", "revenue_main_industry", "revenue_software", "revenue_software_prev",
    "enterprises_total", "enterprises_with_ip", "enterprises_total_prev",
    "enterprises_with_ip_prev", "employees_software", "land_area_ha", "office_area_m2",
    "industrial_land_ratio", "public_space_ratio", "road_density", "occupancy_rate",
]  # fmt: skip


@pytest.fixture
def stored(version_a):
    version = version_pdf_get_or_render(version=version_a)
    with version.pdf.open("rb") as handle:
        return version, handle.read()


def test_submitted_copy_contains_every_figure_and_list_item(stored):
    """Title, base, each entered figure and each row of every list are in the PDF's text."""
    version, content = stored
    text = "".join(pdf_pages(content))
    data = version.snapshot["data"]
    assert TITLE in text
    assert "甲基地" in text
    assert "综合基地示范型" in text
    assert version.receipt_number in text
    for name in FIGURES:
        assert squeeze(format_number(data[name])) in text, name
    assert "1,250,000" in text  # 年度经营收入 in 万元, grouped by thousands
    items = (
        data["sub_sectors"]
        + data["amenities"]
        + [e["name"] for e in data["quality_enterprises"]]
        + [e["credit_code"] for e in data["quality_enterprises"]]
        + [a["title"] for a in data["activities"]]
        + [c["name"] for c in data["investment_channels"]]
        + [c["name"] for c in data["innovation_carriers"]]
        + [c["name"] for c in data["service_centers"]]
        + list(data["qualitative_descriptions"].values())
    )
    assert len(data["quality_enterprises"]) == 30
    assert len(data["activities"]) == 15
    for item in items:
        assert squeeze(item) in text, item


def test_evaluation_table_lists_every_indicator_with_its_result(stored):
    """Codes 1–23, S1 and S2 with the notice's wording, results, verdict and consequence."""
    version, content = stored
    text = "".join(pdf_pages(content))
    assert "评估条件对照表" in text
    definition = version.evaluation.criteria_set.definition
    rows = {row["code"]: row for row in version.evaluation.output["indicators"]}
    assert len(rows) == 25
    for indicator in definition["indicators"]:
        name = squeeze(indicator["name_zh"])
        original = squeeze(indicator["original"]["CD"])
        assert name in text, name
        assert original in text, original
        assert rows[indicator["code"]]["status"] == "met"
    assert text.count("达标") >= 25
    assert "达标项数：25/25" in text
    assert "评估结论：达标" in text
    assert "处理结果：达标" in text


def test_every_page_has_numbered_footer_with_the_stored_code(stored):
    """第 N 页 共 M 页, the receipt number and the database's verification code on each page."""
    version, content = stored
    pages = pdf_pages(content)
    assert len(pages) >= 8
    for number, text in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in text
        assert f"核验码{version.verification_code}" in text
        assert f"回执号{version.receipt_number}" in text
        assert "草稿" not in text


def test_seal_block_and_evidence_list_are_printed(stored, draft_a):
    """The declaration and seal block end the document; evidence rows show name and sha256."""
    _version, content = stored
    last = pdf_pages(content)[-1]
    assert "填报单位（盖章）" in last
    assert "法定代表人或负责人（签字）" in last
    assert "年月日" in last
    assert "声明" in last
    assert "证明材料清单" in "".join(pdf_pages(content))


def test_embedded_fonts_are_subset_noto_cjk_with_bold(stored):
    """Only Noto CJK fonts are embedded, each as a subset (ABCDEF+ prefix), bold included."""
    _version, content = stored
    reader = PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
    assert names
    for name in names:
        assert re.fullmatch(r"/?[A-Z]{6}\+Noto-?S(erif|ans)-?CJK[-\w]*", name), name
    assert any("Bold" in name for name in names)
    assert any("Serif" in name for name in names) and any("Sans" in name for name in names)


def test_pdf_metadata_names_the_base_and_receipt(stored):
    version, content = stored
    meta = PdfReader(io.BytesIO(content)).metadata
    assert TITLE in meta.title and "甲基地" in meta.title
    assert meta.author == version.submission.base.company_name
    assert version.receipt_number in meta.subject
    assert meta.creation_date is not None


def test_draft_preview_is_watermarked_on_every_page_without_code(draft_a):
    """A draft prints 草稿 — 非正式提交材料 on every page and carries no verification code."""
    rendered = draft_pdf_render(submission=draft_a)
    pages = pdf_pages(rendered.content)
    assert rendered.page_count == len(pages) >= 8
    for number, text in enumerate(pages, start=1):
        assert "草稿—非正式提交材料" in text
        assert f"第{number}页共{len(pages)}页" in text
        assert "核验码" not in text
    assert not draft_a.versions.exists()


def test_qr_code_encodes_the_absolute_verification_url(version_a, settings):
    """The cover's QR code points at SITE_URL's verification page with this version's code."""
    from submissions.printing.render import render_html
    from submissions.services.printing import version_document_context

    settings.SITE_URL = "https://pinggu.example.org"
    context = version_document_context(version=version_a)
    expected = f"https://pinggu.example.org/verify/?code={version_a.verification_code}"
    assert context["verify_url"] == expected
    html = render_html(context)
    assert "data:image/svg+xml" in html
    import segno

    assert segno.make(expected, error="m").svg_data_uri(scale=3, border=0) in html
