"""The printable copy's pages: PDF downloads, verification, the stamped scan, the paper copy."""

from __future__ import annotations

import datetime as dt
import zipfile
from tempfile import SpooledTemporaryFile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from submissions.exceptions import SubmissionError
from submissions.models import Campaign
from submissions.printing import selectors
from submissions.printing.render import PdfUnavailable
from submissions.rules import can_review, is_association_staff, user_base
from submissions.services import printing as services
from submissions.services import review as review_services


def _pdf_response(content_or_file, filename: str, *, attachment: bool = False):
    if isinstance(content_or_file, bytes):
        response = HttpResponse(content_or_file, content_type="application/pdf")
        disposition = "attachment" if attachment else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        return response
    return FileResponse(
        content_or_file, as_attachment=attachment, filename=filename, content_type="application/pdf"
    )


@require_GET
def version_pdf(request, version_id: int):
    version = get_object_or_404(selectors.version_visible_list(request.user), pk=version_id)
    try:
        version = services.version_pdf_get_or_render(version=version)
    except PdfUnavailable:
        return _pdf_unavailable(request)
    response = _pdf_response(version.pdf.open("rb"), services.version_pdf_filename(version))
    response["X-Content-SHA256"] = version.pdf_sha256
    return response


def _pdf_unavailable(request):
    """The server lacks WeasyPrint's system packages: tell the person, and the admin what to do."""
    return render(request, "submissions/print/unavailable.html", status=503)


@require_GET
def draft_pdf(request, submission_id: int):
    submission = get_object_or_404(
        selectors.submission_visible_list(request.user), pk=submission_id
    )
    try:
        rendered = services.draft_pdf_render(submission=submission)
    except PdfUnavailable:
        return _pdf_unavailable(request)
    response = _pdf_response(rendered.content, services.draft_pdf_filename(submission))
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def verify(request):
    raw = request.GET.get("code", "").strip()
    context: dict = {"raw_code": raw}
    status = 200
    if raw:
        code = selectors.verification_code_normalize(raw)
        result = selectors.version_verify(user=request.user, code=code) if code else None
        if result is None:
            context["not_found"] = True
            status = 404
        else:
            context.update(result)
    return render(request, "submissions/print/verify.html", context, status=status)


def _can_upload_scan(user, version) -> bool:
    base = user_base(user)
    return (
        base is not None
        and base.pk == version.submission.base_id
        and not is_association_staff(user)
    )


@require_http_methods(["GET", "POST"])
def scan_upload(request, version_id: int):
    version = get_object_or_404(selectors.version_visible_list(request.user), pk=version_id)
    may_upload = _can_upload_scan(request.user, version)
    error = None
    if request.method == "POST":
        if not may_upload:
            raise PermissionDenied
        uploaded = request.FILES.get("file")
        if uploaded is None:
            error = _("Choose the scan of the stamped paper copy.")
        else:
            try:
                services.stamped_scan_upload(version=version, user=request.user, uploaded=uploaded)
            except SubmissionError as exc:
                error = exc.message
            else:
                messages.success(request, _("The stamped scan was uploaded."))
                return redirect("scan_upload", version_id=version.pk)
    context = {
        "version": version,
        "submission": version.submission,
        "scans": list(selectors.scan_visible_list(request.user).filter(version=version)),
        "may_upload": may_upload,
        "may_record_paper": can_review(request.user),
        "error": error,
        "today": timezone.localdate().isoformat(),
    }
    return render(
        request, "submissions/print/scan_upload.html", context, status=400 if error else 200
    )


@require_GET
def scan_download(request, scan_id: int):
    scan = get_object_or_404(selectors.scan_visible_list(request.user), pk=scan_id)
    return FileResponse(
        scan.file.open("rb"),
        as_attachment=True,
        filename=scan.original_name,
        content_type=scan.content_type,
    )


@require_POST
def paper_received(request, submission_id: int):
    # Another base's submission is 404 (not 403) for an operator, like every other object URL.
    submission = get_object_or_404(
        selectors.submission_visible_list(request.user), pk=submission_id
    )
    if not can_review(request.user):
        raise PermissionDenied
    received_on = None
    raw = request.POST.get("received_on", "").strip()
    try:
        if raw:
            received_on = dt.date.fromisoformat(raw)
        review_services.submission_paper_received(
            submission=submission,
            user=request.user,
            received_on=received_on or timezone.localdate(),
            ip=request.META.get("REMOTE_ADDR"),
        )
    except ValueError:
        messages.error(request, _("Enter the date as YYYY-MM-DD."))
    except SubmissionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Paper copy recorded as received."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        latest = submission.versions.order_by("-number").first()
        target = (
            reverse("scan_upload", kwargs={"version_id": latest.pk}) if latest else reverse("home")
        )
    return redirect(target)


@require_GET
def campaign_pdfs_zip(request, year: int):
    """Every base's latest submitted copy in one ZIP (renders the ones never downloaded)."""
    if not is_association_staff(request.user):
        raise PermissionDenied
    campaign = get_object_or_404(Campaign, year=year)
    buffer = SpooledTemporaryFile(max_size=64 * 1024 * 1024)  # noqa: SIM115 - handed to response
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for version in selectors.campaign_latest_versions(campaign):
            version = services.version_pdf_get_or_render(version=version)
            with version.pdf.open("rb") as handle:
                archive.writestr(services.version_pdf_filename(version), handle.read())
    buffer.seek(0)
    return FileResponse(
        buffer, as_attachment=True, filename=f"pdfs-{year}.zip", content_type="application/zip"
    )
