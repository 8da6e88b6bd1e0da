"""The association's workspace: list, review page, actions, exports, results, statistics.

Association staff (reviewer, viewer, administrator) read everything; only reviewers and
administrators act (a viewer's POST is answered 403). Operators get 404 on every page here, so
the pages do not even reveal that another base exists.
"""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from submissions import exports
from submissions.enums import BaseKind, BaseLevel, Batch, District, SubmissionStatus
from submissions.exceptions import SubmissionError
from submissions.models import Evidence, Submission
from submissions.rules import can_review, is_association_staff
from submissions.selectors import campaign_get_current
from submissions.selectors_review import (
    ListFilters,
    admin_changes_list,
    choice_labels,
    results_list,
    review_page_get,
    review_submission_get,
    statistics_get,
    submission_page,
    version_diff,
)
from submissions.services import review as review_services
from submissions.services.submit import (
    submission_accept,
    submission_get_or_create,
    submission_return,
)

SHANGHAI_END_OF_DAY = dt.time(23, 59, 59)


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def staff_only(view):
    """Association staff only; everyone else gets 404. POSTs need a reviewer (else 403)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_association_staff(request.user):
            raise Http404
        if request.method == "POST" and not can_review(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _campaign_or_404():
    campaign = campaign_get_current()
    if campaign is None:
        raise Http404
    return campaign


def _submission_or_404(pk: int) -> Submission:
    try:
        return review_submission_get(pk=pk)
    except Submission.DoesNotExist as exc:
        raise Http404 from exc


def _back(submission: Submission, anchor: str = ""):
    url = reverse("review_detail", args=[submission.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _error(request, exc: SubmissionError) -> None:
    messages.error(request, exc.message)


FILTER_CHOICES = {
    "statuses": SubmissionStatus.choices,
    "kinds": BaseKind.choices,
    "levels": BaseLevel.choices,
    "batches": Batch.choices,
    "districts": District.choices,
}


@require_GET
@staff_only
def review_list(request):
    campaign = _campaign_or_404()
    filters = ListFilters.from_query(request.GET)
    page = submission_page(campaign=campaign, filters=filters, page=request.GET.get("page"))
    labels = (campaign.criteria_set.definition.get("outcomes") or {}).get("labels", {})
    return render(
        request,
        "review/list.html",
        {"campaign": campaign, "page": page, "filters": filters, "outcome_labels": labels,
         "labels": choice_labels(), **FILTER_CHOICES},
    )  # fmt: skip


@require_GET
@staff_only
def review_detail(request, pk: int):
    submission = _submission_or_404(pk)
    review = review_page_get(submission=submission)
    labels = (submission.campaign.criteria_set.definition.get("outcomes") or {}).get("labels", {})
    return render(
        request,
        "review/detail.html",
        {"submission": submission, "review": review, "base": submission.base,
         "campaign": submission.campaign, "outcome_labels": labels,
         "labels": choice_labels(), "can_act": can_review(request.user)},
    )  # fmt: skip


@require_POST
@staff_only
def review_return(request, pk: int):
    submission = _submission_or_404(pk)
    try:
        submission_return(
            submission=submission, user=request.user, comment=request.POST.get("reason", ""),
            ip=client_ip(request),
        )  # fmt: skip
    except SubmissionError as exc:
        _error(request, exc)
        return _back(submission, "actions")
    messages.success(request, _("Returned to the base for revision; its operators were e-mailed."))
    return _back(submission)


@require_POST
@staff_only
def review_accept(request, pk: int):
    submission = _submission_or_404(pk)
    try:
        submission_accept(
            submission=submission, user=request.user, comment=request.POST.get("comment", ""),
            ip=client_ip(request),
        )  # fmt: skip
    except SubmissionError as exc:
        _error(request, exc)
        return _back(submission, "actions")
    messages.success(request, _("Accepted. The evaluation of the latest version is final."))
    return _back(submission)


@require_POST
@staff_only
def review_comment(request, pk: int):
    submission = _submission_or_404(pk)
    indicator = request.POST.get("indicator", "").strip()
    try:
        review_services.review_comment_add(
            submission=submission, user=request.user, text=request.POST.get("text", ""),
            indicator=indicator, ip=client_ip(request),
        )  # fmt: skip
    except SubmissionError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Comment saved."))
    return _back(submission, f"ind-{indicator}" if indicator else "comments")


@require_POST
@staff_only
def review_decision(request, pk: int):
    submission = _submission_or_404(pk)
    indicator = request.POST.get("indicator", "").strip()
    choice = request.POST.get("decision")
    if choice not in ("confirm", "reject"):
        messages.error(request, _("Choose confirm or reject."))
        return _back(submission, f"ind-{indicator}")
    try:
        review_services.review_decide(
            submission=submission, user=request.user, indicator=indicator,
            confirmed=choice == "confirm", comment=request.POST.get("comment", ""),
            ip=client_ip(request),
        )  # fmt: skip
    except SubmissionError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Decision saved; the evaluation was recomputed."))
    return _back(submission, f"ind-{indicator}")


@require_GET
@staff_only
def review_evidence(request, pk: int, evidence_pk: int):
    """An evidence file of any base, for association staff (operators use evidence_download)."""
    try:
        item = Evidence.objects.get(pk=evidence_pk, submission_id=pk)
    except Evidence.DoesNotExist as exc:
        raise Http404 from exc
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.original_name,
        content_type=item.content_type,
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@staff_only
def review_paper(request, pk: int):
    submission = _submission_or_404(pk)
    raw = request.POST.get("received_on", "").strip()
    try:
        received_on = dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        messages.error(request, _("Enter a date such as 2025-01-20."))
        return _back(submission, "actions")
    try:
        review_services.submission_paper_received(
            submission=submission, user=request.user, received_on=received_on,
            ip=client_ip(request),
        )  # fmt: skip
    except SubmissionError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Paper copy record saved."))
    return _back(submission, "actions")


@require_GET
@staff_only
def review_version_diff(request, pk: int):
    submission = _submission_or_404(pk)
    versions = list(submission.versions.order_by("-number"))
    by_number = {v.number: v for v in versions}

    def pick(name: str, default):
        try:
            return by_number.get(int(request.GET.get(name, "")), default)
        except ValueError:
            return default

    new = pick("b", versions[0] if versions else None)
    old = pick("a", versions[1] if len(versions) > 1 else None)
    changes = None
    if old is not None and new is not None:
        fields = submission.campaign.criteria_set.definition.get("fields", {})
        changes = version_diff(old=old, new=new, fields=fields)
    return render(
        request,
        "review/diff.html",
        {"submission": submission, "base": submission.base, "versions": versions, "old": old,
         "new": new, "changes": changes},
    )  # fmt: skip


@require_POST
@staff_only
def grant_extension(request, pk: int):
    """pk is a base id: a base may need an extension before it has a working copy."""
    from submissions.models import Base

    campaign = _campaign_or_404()
    try:
        base = Base.objects.get(pk=pk, is_active=True)
    except Base.DoesNotExist as exc:
        raise Http404 from exc
    raw = request.POST.get("until", "").strip()
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        messages.error(request, _("Enter a date such as 2025-02-10."))
        return redirect("dashboard")
    until = timezone.make_aware(dt.datetime.combine(day, SHANGHAI_END_OF_DAY))
    submission = submission_get_or_create(base=base, campaign=campaign)
    try:
        review_services.submission_extend_deadline(
            submission=submission, user=request.user, until=until, ip=client_ip(request)
        )
    except SubmissionError as exc:
        _error(request, exc)
    else:
        messages.success(
            request,
            _("%(base)s may now submit until %(date)s.") % {"base": base.name, "date": day},
        )
    return redirect(f"{reverse('dashboard')}#pending")


@require_POST
@staff_only
def send_reminders(request):
    campaign = _campaign_or_404()
    ids = [int(v) for v in request.POST.getlist("base") if v.isdigit()]
    if not ids:
        messages.error(request, _("Choose at least one base to remind."))
        return redirect(f"{reverse('dashboard')}#pending")
    report = review_services.reminders_send(campaign=campaign, base_ids=ids, user=request.user)
    if report.sent:
        messages.success(
            request,
            _("Reminders sent to %(n)s bases: %(bases)s")
            % {"n": len(report.sent), "bases": "、".join(report.sent)},
        )
    if report.failed:
        messages.error(
            request,
            _("Sending failed for: %(bases)s. Please try again later.")
            % {"bases": "、".join(report.failed)},
        )
    if report.no_address:
        messages.warning(
            request,
            _("No operator e-mail address for: %(bases)s")
            % {"bases": "、".join(report.no_address)},
        )
    if not (report.sent or report.failed or report.no_address):
        messages.info(request, _("The chosen bases have all submitted; no reminder was sent."))
    return redirect(f"{reverse('dashboard')}#pending")


@require_GET
@staff_only
def export_xlsx(request):
    campaign = _campaign_or_404()
    response = HttpResponse(
        exports.workbook_bytes(campaign=campaign),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.export_filename(campaign, "xlsx")}"'
    )
    return response


@require_GET
@staff_only
def export_csv(request):
    campaign = _campaign_or_404()
    response = HttpResponse(
        exports.csv_text(campaign=campaign).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.export_filename(campaign, "csv")}"'
    )
    return response


@require_GET
@staff_only
def results(request):
    campaign = _campaign_or_404()
    labels = (campaign.criteria_set.definition.get("outcomes") or {}).get("labels", {})
    return render(
        request,
        "review/results.html",
        {
            "campaign": campaign,
            "rows": results_list(campaign=campaign),
            "outcome_labels": labels,
            "labels": choice_labels(),
        },  # fmt: skip
    )


@require_GET
@staff_only
def statistics(request):
    campaign = _campaign_or_404()
    return render(
        request,
        "review/statistics.html",
        {"campaign": campaign, "stats": statistics_get(campaign=campaign)},
    )


@require_GET
@staff_only
def admin_history(request):
    return render(request, "review/admin_history.html", {"entries": admin_changes_list()})
