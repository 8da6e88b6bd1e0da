"""证明材料: upload, download and delete evidence files of the operator's own draft."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from evaluation.services import criteria_for
from submissions.exceptions import SubmissionError
from submissions.models import Evidence
from submissions.rules import user_base
from submissions.services.evidence import evidence_delete, evidence_upload
from submissions.views.form import operator_draft


class EvidenceForm(forms.Form):
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator"))
    file = forms.FileField(
        label=gettext_lazy("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}),
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", "—"), *indicators]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
        self.fields["indicator"].widget.attrs["class"] = "form-select"


def _indicators(submission) -> list[tuple[str, str]]:
    criteria = criteria_for(submission.campaign.criteria_set)
    return [(i.code, f"{i.code} {i.name_zh}") for i in criteria.indicators]


def evidence(request):
    """The evidence page: files per indicator and the upload form; POST uploads one file."""
    base, submission = operator_draft(request)
    indicators = _indicators(submission)
    form = EvidenceForm(indicators=indicators)
    status = 200
    if request.method == "POST":
        form = EvidenceForm(request.POST, request.FILES, indicators=indicators)
        if form.is_valid():
            try:
                saved = evidence_upload(
                    submission_id=submission.pk, indicator=form.cleaned_data["indicator"],
                    upload=form.cleaned_data["file"], user=request.user,
                )  # fmt: skip
            except SubmissionError as exc:
                form.add_error("file", exc.message)
            else:
                messages.success(request, _("Uploaded %(name)s.") % {"name": saved.original_name})
                return redirect("evidence")
        status = 400
    names = dict(indicators)
    files = sorted(submission.evidence.all(), key=lambda e: (e.indicator, e.uploaded_at))
    return render(request, "submissions/form/evidence.html", {
        "max_file": settings.EVIDENCE_MAX_FILE_MB, "max_total": settings.EVIDENCE_MAX_SUBMISSION_MB,
        "base": base, "submission": submission, "form": form, "readonly": not
        submission.is_editable, "files": [(e, names.get(e.indicator, e.indicator)) for e in files],
    }, status=status)  # fmt: skip


def _own_evidence(request, pk: int) -> Evidence:
    base = user_base(request.user)
    if base is None:
        raise PermissionDenied
    return get_object_or_404(Evidence.objects.select_related("submission"),
                             pk=pk, submission__base=base)  # fmt: skip


def evidence_download(request, pk: int):
    """The file as an attachment under its original name (RFC 5987 for non-ASCII names)."""
    item = _own_evidence(request, pk)
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def evidence_remove(request, pk: int):
    item = _own_evidence(request, pk)
    try:
        evidence_delete(evidence=item)
    except SubmissionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Deleted %(name)s.") % {"name": item.original_name})
    return redirect("evidence")
