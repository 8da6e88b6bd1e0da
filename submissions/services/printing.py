"""Writes around the printable copy: the cached PDF of a version, the stamped scan, the paper copy.

A frozen version is rendered once: the first download stores the file and its sha256 on the
version, every later download serves that file. Drafts are rendered on demand and never stored.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from evaluation.engine import InputError
from evaluation.services import evaluate_case
from submissions.exceptions import SubmissionError
from submissions.interchange import submission_prefetch, submission_to_case
from submissions.models import StampedScan, Submission, SubmissionVersion
from submissions.printing.document import build_document
from submissions.printing.render import RenderedPdf, render_pdf
from submissions.services.evidence import evidence_check, stored_upload_save

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

logger = logging.getLogger(__name__)

# The stamped copy follows the evidence upload rules (size, magic bytes, clean names), limited to
# the formats a scanner produces.
SCAN_EXTENSIONS = ("pdf", "jpg", "jpeg", "png")


def version_document_context(*, version: SubmissionVersion) -> dict:
    """The print template's context for a frozen version (snapshot + stored evaluation)."""
    submission = version.submission
    evaluation = getattr(version, "evaluation", None)
    criteria_set = evaluation.criteria_set if evaluation else submission.campaign.criteria_set
    return build_document(
        snapshot=version.snapshot,
        evaluation_output=evaluation.output if evaluation else None,
        criteria_definition=criteria_set.definition,
        base=submission.base,
        campaign=submission.campaign,
        version=version,
    )


def draft_document_context(*, submission: Submission) -> dict:
    """The print template's context for the live draft: its current data, evaluated now."""
    submission = submission_prefetch(Submission.objects.filter(pk=submission.pk)).get()
    case = submission_to_case(submission)
    criteria_set = submission.campaign.criteria_set
    try:
        output = evaluate_case(case=case, criteria_set=criteria_set).to_dict()
    except InputError:
        output = None  # an unfinished draft still prints; the table says it is unavailable
    snapshot = {
        **case,
        "evidence": [
            {"name": e.original_name, "size": e.size, "sha256": e.sha256, "indicator": e.indicator}
            for e in submission.evidence.all()
        ],
    }
    return build_document(
        snapshot=snapshot,
        evaluation_output=output,
        criteria_definition=criteria_set.definition,
        base=submission.base,
        campaign=submission.campaign,
        version=None,
    )


def version_pdf_filename(version: SubmissionVersion) -> str:
    submission = version.submission
    return f"{submission.base.code}-{submission.campaign.year}-V{version.number}.pdf"


def draft_pdf_filename(submission: Submission) -> str:
    return f"{submission.base.code}-{submission.campaign.year}-draft.pdf"


def version_pdf_get_or_render(*, version: SubmissionVersion) -> SubmissionVersion:
    """Return the version with its stored PDF, rendering and storing it on first use.

    Side effects (first call only): renders the PDF (about a second), writes it to the default
    storage under pdf/, and saves `pdf` and `pdf_sha256` on the version. A concurrent first
    download may render twice; only the first stored file is kept and served.
    """
    if version.pdf and version.pdf.storage.exists(version.pdf.name):
        return version
    rendered = render_pdf(version_document_context(version=version))
    digest = hashlib.sha256(rendered.content).hexdigest()
    with transaction.atomic():
        locked = SubmissionVersion.objects.select_for_update().get(pk=version.pk)
        if locked.pdf and locked.pdf.storage.exists(locked.pdf.name):
            return locked
        name = f"{version.submission.base.code}-v{version.number}-{secrets.token_hex(8)}.pdf"
        locked.pdf.save(name, ContentFile(rendered.content), save=False)
        locked.pdf_sha256 = digest
        locked.save(update_fields=["pdf", "pdf_sha256"])
    logger.info("Rendered %s: %s pages", version.receipt_number, rendered.page_count)
    version.pdf, version.pdf_sha256 = locked.pdf, locked.pdf_sha256
    return version


def draft_pdf_render(*, submission: Submission) -> RenderedPdf:
    """A watermarked preview of the current draft; nothing is stored."""
    return render_pdf(draft_document_context(submission=submission))


def scan_validate(uploaded: UploadedFile) -> tuple[str, str, str]:
    """(clean name, content type, sha256) of an acceptable scan: PDF, JPG or PNG by extension
    and by content, within the evidence size limit. Raises SubmissionError otherwise."""
    name = uploaded.name or ""
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in SCAN_EXTENSIONS:
        raise SubmissionError(_("Upload the scan as a PDF, JPG or PNG file."), code="file_type")
    return evidence_check(upload=uploaded, used_bytes=0)


def stamped_scan_upload(*, version: SubmissionVersion, user, uploaded: UploadedFile) -> StampedScan:
    """Store the scan of the stamped paper copy of `version`.

    Side effects: writes the file under scans/ with a server-generated name and creates a
    StampedScan row (original name, size, sha256, type, who). Earlier scans are kept.
    """
    name, content_type, sha256 = scan_validate(uploaded)
    return stored_upload_save(
        StampedScan(submission=version.submission, version=version, uploaded_by=user),
        upload=uploaded, name=name, content_type=content_type, sha256=sha256,
    )  # fmt: skip
