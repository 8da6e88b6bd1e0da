"""The operator's assessment form: task list, section pages, preview, check answers, submit.

Every URL works on "my base's submission for the current campaign", so no base id appears in a
URL; objects with an id in the URL (receipts) are looked up filtered by the operator's base, so
another base's id answers 404. Association staff are refused with 403: they use the review pages.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from submissions.enums import SectionStatus, SubmissionStatus
from submissions.exceptions import StaleEdit, SubmissionError
from submissions.forms import SECTION_ORDER, SECTIONS, SectionForms, next_section
from submissions.forms.answers import section_answers
from submissions.forms.base import UNITS
from submissions.forms.imports import import_diff, import_forms
from submissions.forms.render import annotate_rows
from submissions.interchange import submission_to_case
from submissions.models import SubmissionVersion
from submissions.rules import user_base
from submissions.selectors import (
    YEAR_ON_YEAR_FIELDS,
    campaign_get_current,
    draft_preview,
    draft_warnings,
    plain_number,
    section_statuses,
    submission_for_form,
    submission_previous_year,
)
from submissions.services.drafts import draft_import as draft_import_apply
from submissions.services.drafts import draft_open, section_save
from submissions.services.submit import submission_submit

RESCUE_KEY = "form_rescue"
ROW_LABELS = {"up": gettext_lazy("Move up"), "down": gettext_lazy("Move down"),
              "remove": gettext_lazy("Remove")}  # fmt: skip


def operator_draft(request, *, evidence: bool = True):
    """(base, submission) of the signed-in operator for the current campaign; 403 for others."""
    base = user_base(request.user)
    if base is None:
        raise PermissionDenied
    campaign = campaign_get_current()
    if campaign is None:
        raise Http404(_("No assessment is open at the moment."))
    submission = submission_for_form(base_id=base.pk, campaign_id=campaign.pk, evidence=evidence)
    if submission is None:
        draft_open(base=base, campaign=campaign)
        submission = submission_for_form(
            base_id=base.pk, campaign_id=campaign.pk, evidence=evidence
        )
    return base, submission


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


def _lock_version(request) -> int:
    try:
        return int(request.POST.get("lock_version", ""))
    except ValueError:
        return -1


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


def _time_left(submission) -> dict:
    left = submission.effective_deadline - timezone.now()
    seconds = int(left.total_seconds())
    return {
        "passed": seconds <= 0,
        "days": max(seconds, 0) // 86400,
        "hours": max(seconds, 0) % 86400 // 3600,
        "deadline": submission.effective_deadline,
        "extended": submission.deadline_extension is not None,
    }


def draft_token(submission) -> str:
    """A signed reference to the draft, posted with every section form (see _stash)."""
    return signing.dumps(submission.pk, salt=RESCUE_KEY)


def _stash(request, section: str) -> None:
    """Keep what was posted in the (new, anonymous) session; login() keeps the session's data.

    The post carries the signed id of the draft it was typed into, so the data is offered back
    only to someone who works on that same draft (another base's operator on the same browser
    never sees it). Unsigned or forged posts are dropped.
    """
    try:
        submission_id = signing.loads(request.POST.get("draft_token", ""), salt=RESCUE_KEY,
                                      max_age=7 * 24 * 3600)  # fmt: skip
    except signing.BadSignature:
        return
    rescued = request.session.get(RESCUE_KEY, {})
    rescued[section] = {"submission": submission_id, "data": request.POST.urlencode()}
    request.session[RESCUE_KEY] = rescued


def task_list(request):
    base, submission = operator_draft(request)
    sections = section_statuses(submission=submission)
    done = sum(1 for s in sections if s["status"] == SectionStatus.COMPLETED)
    return render(request, "submissions/form/task_list.html", {
        "base": base, "submission": submission, "sections": sections, "done": done,
        "total": len(sections), "time_left": _time_left(submission),
        "preview": draft_preview(submission=submission),
        "latest_version": submission.versions.order_by("-number").first(),
    })  # fmt: skip


def _annotate(forms, submission) -> None:
    """Put last year's figure and the 请核实 warnings beside the fields they concern."""
    previous = submission_previous_year(base_id=submission.base_id, year=submission.campaign.year)
    warnings = draft_warnings(submission=submission, previous=previous)
    for name, field in forms.form.fields.items():
        notes = []
        if previous is not None and name in YEAR_ON_YEAR_FIELDS:
            before = getattr(previous, name)
            if before is not None:
                notes.append((
                    "text-muted prior-year",
                    _("Last year: %(value)s %(unit)s")
                    % {"value": plain_number(before), "unit": UNITS.get(name, "")},
                ))  # fmt: skip
        notes += [("text-warning-emphasis yoy-warning", w) for w in warnings.get(name, [])]
        if notes:
            field.help_text = format_html_join(" ", '<span class="{}">{}</span>', notes)
    for formset in forms.formsets:
        formset.warnings = warnings.get(formset.relation, [])
        annotate_rows(formset, readonly=not submission.is_editable, labels=ROW_LABELS)


def _render_section(request, submission, forms, *, conflict=None, rescued=False, status=200):
    spec = forms.spec
    overrides = forms.overrides() if forms.form.is_bound else None
    _annotate(forms, submission)
    comments = []
    if submission.status == SubmissionStatus.RETURNED:
        # What the reviewer said about this section's indicators when returning it.
        comments = list(
            submission.review_comments.filter(resolved=False)
            .filter(Q(indicator__in=spec.indicators) | Q(indicator=""))
            .select_related("author")
        )
    return render(
        request,
        "submissions/form/section.html",
        {
            "base": submission.base, "submission": submission, "spec": spec, "forms": forms,
            "form": forms.form, "formsets": forms.formsets,
            "errors": forms.error_summary() if forms.form.is_bound else [],
            "preview": draft_preview(submission=submission, overrides=overrides),
            "readonly": not submission.is_editable, "conflict": conflict, "rescued": rescued,
            "draft_token": draft_token(submission), "review_comments": comments,
            "next": _safe_next(request), "next_section": next_section(spec.key),
            "section_order": SECTION_ORDER, "sections": SECTIONS,
        },
        status=status,
    )  # fmt: skip


@login_not_required
def section(request, section: str):
    """GET shows a section; POST saves it (保存 stays, 保存并继续 moves on)."""
    spec = SECTIONS.get(section)
    if spec is None:
        raise Http404
    if not request.user.is_authenticated:
        if request.method == "POST":
            _stash(request, section)
        return redirect_to_login(request.get_full_path())
    base, submission = operator_draft(request, evidence=False)
    if request.method == "POST":
        if not submission.is_editable:
            messages.error(request, _("This submission has been submitted and is read-only."))
            return redirect("section", section=section)
        forms = SectionForms.build(spec, submission, request.POST)
        if not forms.is_valid():
            return _render_section(request, submission, forms)
        try:
            section_save(
                submission_id=submission.pk, section=section, values=forms.values(),
                lists=forms.list_rows(), expected_lock_version=_lock_version(request),
                user=request.user, complete=True,
            )  # fmt: skip
        except StaleEdit as exc:
            return _render_section(request, submission, forms, conflict=exc, status=409)
        except SubmissionError as exc:
            messages.error(request, exc.message)
            return _render_section(request, submission, forms)
        messages.success(request, _("Saved."))
        target = _safe_next(request)
        if "continue" in request.POST:
            if target:
                return redirect(target)
            following = next_section(section)
            return redirect("section", section=following) if following in SECTIONS else redirect(
                "evidence"
            )  # fmt: skip
        url = reverse("section", kwargs={"section": section})
        return redirect(f"{url}?{QueryDict.fromkeys(['next'], target).urlencode()}" if target
                        else url)  # fmt: skip
    rescued = request.session.get(RESCUE_KEY, {}).pop(section, None)
    if rescued is not None:
        request.session.modified = True
    if rescued is not None and rescued.get("submission") == submission.pk:
        forms = SectionForms.build(
            spec, submission, QueryDict(rescued["data"]), readonly=not submission.is_editable
        )
        forms.is_valid()
        return _render_section(request, submission, forms, rescued=True)
    forms = SectionForms.build(spec, submission, readonly=not submission.is_editable)
    return _render_section(request, submission, forms)


@login_not_required
@require_POST
def section_autosave(request, section: str):
    """Save the valid fields of a section without marking it complete; JSON in, JSON out."""
    spec = SECTIONS.get(section)
    if spec is None:
        raise Http404
    if not request.user.is_authenticated:
        _stash(request, section)
        return JsonResponse(
            {"ok": False, "login": True, "error": _("Your session has expired. Your input is "
             "kept: log in again and it will be restored.")},
            status=401,
        )  # fmt: skip
    base, submission = operator_draft(request, evidence=False)
    forms = SectionForms.build(spec, submission, request.POST)
    valid = forms.is_valid()
    completed = (submission.section_state or {}).get(section) == SectionStatus.COMPLETED
    try:
        saved = section_save(
            submission_id=submission.pk, section=section, values=forms.values(),
            lists=forms.list_rows(), expected_lock_version=_lock_version(request),
            user=request.user, complete=valid and completed,
        )  # fmt: skip
    except StaleEdit as exc:
        return JsonResponse({"ok": False, "stale": True, "error": str(exc.message)}, status=409)
    except SubmissionError as exc:
        return JsonResponse({"ok": False, "error": str(exc.message)}, status=400)
    return JsonResponse({
        "ok": True, "lock_version": saved.lock_version,
        "saved_at": timezone.localtime(saved.updated_at).strftime("%H:%M:%S"),
        "invalid": len(forms.error_summary()),
    })  # fmt: skip


def preview(request, section: str):
    """The live evaluation partial: POST the section's current values, get the engine's result."""
    spec = SECTIONS.get(section)
    if spec is None:
        raise Http404
    base, submission = operator_draft(request, evidence=False)
    overrides = None
    if request.method == "POST" and submission.is_editable:
        forms = SectionForms.build(spec, submission, request.POST)
        forms.is_valid()
        overrides = forms.overrides()
    # A partial: rendered without the request, so no context processors run for it.
    return HttpResponse(render_to_string("submissions/form/includes/_preview.html", {
        "preview": draft_preview(submission=submission, overrides=overrides),
        "highlight": spec.indicators,
    }))  # fmt: skip


def check_answers(request, *, errors=None, status=200):
    base, submission = operator_draft(request)
    return render(request, "submissions/form/check_answers.html", {
        "base": base, "submission": submission,
        "answers": [section_answers(spec, submission) for spec in SECTIONS.values()],
        "evidence": list(submission.evidence.all()),
        "preview": draft_preview(submission=submission), "time_left": _time_left(submission),
        "submit_error": errors,
        "submit_problems": [(key, SECTIONS[key].title, message)
                            for key, message in (errors.details if errors else [])],
    }, status=status)  # fmt: skip


@require_POST
def submit(request):
    """Submit the draft; a replay lands on the same receipt."""
    base, submission = operator_draft(request)
    try:
        version = submission_submit(
            submission_id=submission.pk, user=request.user, ip=_client_ip(request),
            declaration=request.POST.get("declaration") == "on",
        )  # fmt: skip
    except SubmissionError as exc:
        return check_answers(request, errors=exc, status=400)
    return redirect("receipt", version_id=version.pk)


def receipt(request, version_id: int):
    base = user_base(request.user)
    if base is None:
        raise PermissionDenied
    version = get_object_or_404(
        SubmissionVersion.objects.select_related("submission__campaign", "submission__base",
                                                 "submitted_by"),
        pk=version_id, submission__base=base,
    )  # fmt: skip
    return render(request, "submissions/form/receipt.html", {
        "version": version, "submission": version.submission, "base": base,
    })  # fmt: skip


def draft_export(request):
    """The draft in the interchange format, as a JSON download."""
    base, submission = operator_draft(request)
    case = submission_to_case(submission)
    response = HttpResponse(
        json.dumps(case, ensure_ascii=False, indent=2), content_type="application/json"
    )
    name = f"{submission.campaign.year}-{base.code}-draft.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


IMPORT_KEY = "form_import"
MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _read_import(upload) -> dict:
    """The `data` object of an uploaded interchange JSON file; SubmissionError when unreadable."""
    from evaluation import engine

    if upload is None:
        raise SubmissionError(_("Choose a JSON file exported from this system."), code="no_file")
    if upload.size > MAX_IMPORT_BYTES:
        raise SubmissionError(_("The file is too large for a draft."), code="too_large")
    try:
        case = json.loads(upload.read().decode("utf-8"))
        engine.parse_case(case)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SubmissionError(_("The file is not valid JSON."), code="json") from exc
    except engine.InputError as exc:
        raise SubmissionError(
            _("The file does not match the interchange format: %(error)s") % {"error": exc},
            code="format",
        ) from exc
    if isinstance(case, list):
        if len(case) != 1:
            raise SubmissionError(_("The file must hold one draft."), code="many")
        case = case[0]
    return case["data"]


def draft_import(request):
    """Upload a draft in the interchange format, see what it would change, then apply it."""
    base, submission = operator_draft(request, evidence=False)
    context = {"base": base, "submission": submission, "error": None, "changes": None,
               "problems": []}  # fmt: skip
    status = 200
    if request.method == "POST" and not submission.is_editable:
        messages.error(request, _("This submission has been submitted and is read-only."))
        return redirect("task_list")
    if request.method == "POST" and "apply" in request.POST:
        data = request.session.get(IMPORT_KEY)
        if data is None:
            return redirect("draft_import")
        forms_by_section = import_forms(submission, data)
        try:
            draft_import_apply(
                submission_id=submission.pk,
                sections={k: (f.values(), f.list_rows()) for k, f in forms_by_section.items()},
                expected_lock_version=_lock_version(request), user=request.user,
            )  # fmt: skip
        except SubmissionError as exc:
            context["error"] = exc.message
            status = 409
        else:
            request.session.pop(IMPORT_KEY, None)
            messages.success(request, _("The imported draft has been saved."))
            return redirect("task_list")
    elif request.method == "POST":
        try:
            data = _read_import(request.FILES.get("file"))
        except SubmissionError as exc:
            context["error"] = exc.message
            status = 400
        else:
            forms_by_section = import_forms(submission, data)
            problems = [(SECTIONS[k].title, message) for k, f in forms_by_section.items()
                        for _anchor, message in f.error_summary()]  # fmt: skip
            context["problems"] = problems
            if problems:
                status = 400
            else:
                request.session[IMPORT_KEY] = data
                context["changes"] = import_diff(submission, forms_by_section)
    return render(request, "submissions/form/import.html", context, status=status)
