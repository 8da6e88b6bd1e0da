"""Evidence (证明材料) uploads: limits, content checks, server-generated names, sha256."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from submissions.exceptions import SubmissionError
from submissions.models import Evidence, Submission

MB = 1024 * 1024
MAX_NAME = 120
# extension → (content type, test on the first bytes)
KINDS = {
    "pdf": ("application/pdf", lambda head: head.startswith(b"%PDF-")),
    "jpg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    "png": ("image/png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda head: head.startswith(b"PK\x03\x04"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda head: head.startswith(b"PK\x03\x04"),
    ),
}
OFFICE_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
MAX_RATIO = 200  # an entry that unpacks to more than 200× its packed size is a bomb


class EvidenceRejected(SubmissionError):
    pass


def clean_file_name(name: str) -> str:
    """A display name safe to store and send back: no path, no control characters, bounded."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    if not name:
        name = "file"
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and len(ext) <= 5:
            name = stem[: MAX_NAME - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME]
    return name


def _check_office(upload: UploadedFile, ext: str) -> None:
    """Read only the zip's central directory: entry count and declared sizes, before unpacking."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > settings.EVIDENCE_MAX_ZIP_ENTRIES:
                raise EvidenceRejected(
                    _("This Office file holds too many parts (%(n)s) to be accepted.")
                    % {"n": len(entries)},
                    code="zip_entries",
                )
            total = 0
            for entry in entries:
                total += entry.file_size
                ratio = entry.file_size / max(entry.compress_size, 1)
                if ratio > MAX_RATIO and entry.file_size > MB:
                    raise EvidenceRejected(
                        _("This Office file unpacks to an implausible size; it is refused."),
                        code="zip_bomb",
                    )
            if total > settings.EVIDENCE_MAX_UNZIPPED_MB * MB:
                raise EvidenceRejected(
                    _("This Office file unpacks to an implausible size; it is refused."),
                    code="zip_bomb",
                )
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names or OFFICE_MAIN_PART[ext] not in names:
                raise EvidenceRejected(
                    _("The file is not a valid .%(ext)s document.") % {"ext": ext},
                    code="content",
                )
    except zipfile.BadZipFile as exc:
        raise EvidenceRejected(
            _("The file is not a valid .%(ext)s document.") % {"ext": ext}, code="content"
        ) from exc
    finally:
        upload.seek(0)


def evidence_check(*, upload: UploadedFile, used_bytes: int) -> tuple[str, str, str]:
    """Validate an upload; return (clean name, content type, sha256). Raises EvidenceRejected."""
    name = clean_file_name(upload.name)
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    if ext not in KINDS:
        raise EvidenceRejected(
            _("Only PDF, JPG, PNG, DOCX and XLSX files can be uploaded."), code="extension"
        )
    limit = settings.EVIDENCE_MAX_FILE_MB * MB
    if upload.size > limit:
        raise EvidenceRejected(
            _("The file is larger than %(n)s MB.") % {"n": settings.EVIDENCE_MAX_FILE_MB},
            code="file_size",
        )
    if used_bytes + upload.size > settings.EVIDENCE_MAX_SUBMISSION_MB * MB:
        raise EvidenceRejected(
            _("All files of a submission together may not exceed %(n)s MB.")
            % {"n": settings.EVIDENCE_MAX_SUBMISSION_MB},
            code="total_size",
        )
    if upload.size == 0:
        raise EvidenceRejected(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    content_type, matches = KINDS[ext]
    if not matches(head):
        raise EvidenceRejected(
            _("The content of this file is not a .%(ext)s file; it is refused.") % {"ext": ext},
            code="content",
        )
    if ext in OFFICE_MAIN_PART:
        _check_office(upload, ext)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return name, content_type, digest.hexdigest()


def evidence_upload(*, submission_id: int, indicator: str, upload: UploadedFile, user) -> Evidence:
    """Check and store one evidence file under a server-generated name.

    Raises EvidenceRejected (size, type, content) or SubmissionError (not editable).
    Side effects: one Evidence row and one file under MEDIA_ROOT/evidence/<submission>/<token>.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission_id)
        if not submission.is_editable:
            raise SubmissionError(
                _("This submission has been submitted and can no longer be changed."),
                code="read_only",
            )
        used = submission.evidence.aggregate(total=Sum("size"))["total"] or 0
        name, content_type, sha256 = evidence_check(upload=upload, used_bytes=used)
        evidence = stored_upload_save(
            Evidence(submission=submission, indicator=indicator, uploaded_by=user),
            upload=upload, name=name, content_type=content_type, sha256=sha256,
        )  # fmt: skip
    return evidence


def stored_upload_save(row, *, upload: UploadedFile, name: str, content_type: str, sha256: str):
    """Store a checked upload under a server-generated name and save its row (Evidence, scans)."""
    row.token = secrets.token_urlsafe(24)
    row.original_name = name
    row.size = upload.size
    row.sha256 = sha256
    row.content_type = content_type
    row.file.save(row.token, upload, save=False)
    row.save()
    return row


def evidence_delete(*, evidence: Evidence) -> None:
    """Remove an evidence file while its submission is editable.

    Side effects: deletes the row, and the stored file after commit.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=evidence.submission_id)
        if not submission.is_editable:
            raise SubmissionError(
                _("This submission has been submitted and can no longer be changed."),
                code="read_only",
            )
        storage, path = evidence.file.storage, evidence.file.name
        evidence.delete()
        transaction.on_commit(lambda: storage.delete(path))
