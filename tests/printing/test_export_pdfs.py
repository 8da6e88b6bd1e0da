"""The export_pdfs command writes one file per base, named by base code and version."""

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from submissions.services.submit import submission_get_or_create
from tests.printing.conftest import pdf_pages

pytestmark = pytest.mark.django_db


def test_export_writes_submitted_copies_and_draft_previews(
    tmp_path, capsys, version_a, base_b, campaign
):
    submission_get_or_create(base=base_b, campaign=campaign)
    out = tmp_path / "out"
    call_command("export_pdfs", "--campaign", "2024", "--out", str(out), "--drafts")
    files = sorted(p.name for p in out.iterdir())
    assert files == ["AA-01-2024-V1.pdf", "BB-01-2024-draft.pdf"]
    submitted = (out / "AA-01-2024-V1.pdf").read_bytes()
    version_a.refresh_from_db()
    with version_a.pdf.open("rb") as handle:
        assert handle.read() == submitted  # the stored copy, not a second rendering
    assert "草稿—非正式提交材料" in pdf_pages((out / "BB-01-2024-draft.pdf").read_bytes())[0]
    captured = capsys.readouterr()
    assert "2/2" in captured.err
    assert "2 PDF files written" in captured.out
    assert len(PdfReader(out / "AA-01-2024-V1.pdf").pages) >= 8


def test_export_without_drafts_skips_them(tmp_path, version_a, base_b, campaign):
    submission_get_or_create(base=base_b, campaign=campaign)
    out = tmp_path / "out"
    call_command("export_pdfs", "--campaign", "2024", "--out", str(out))
    assert [p.name for p in out.iterdir()] == ["AA-01-2024-V1.pdf"]


def test_export_of_unknown_campaign_fails_clearly(tmp_path, db):
    with pytest.raises(CommandError, match="No campaign for 1999"):
        call_command("export_pdfs", "--campaign", "1999", "--out", str(tmp_path))
