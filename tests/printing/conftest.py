import io
import re

import pytest
from pypdf import PdfReader

from submissions.demo_data import fill_submission
from submissions.services.submit import submission_get_or_create, submission_submit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def draft_a(base_a, campaign):
    """A fully filled draft: 30 quality enterprises, 15 activities, 10 channels."""
    submission = submission_get_or_create(base=base_a, campaign=campaign)
    return fill_submission(submission, enterprises=30, activities=15, channels=10)


@pytest.fixture
def version_a(draft_a, operator_a):
    return submission_submit(submission_id=draft_a.pk, user=operator_a, declaration=True)


def pdf_pages(content: bytes) -> list[str]:
    """Text of each page with all whitespace removed (CJK cells wrap anywhere)."""
    reader = PdfReader(io.BytesIO(content))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
