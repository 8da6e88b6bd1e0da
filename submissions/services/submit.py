"""Writes of the submissions domain. Status changes go through workflow.submission_transition."""

from __future__ import annotations

import hashlib
import json
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation.selectors import base_previous_outcome
from evaluation.services import evaluation_store
from submissions import notifications
from submissions.enums import Section, SubmissionStatus
from submissions.exceptions import StaleEdit, SubmissionError
from submissions.interchange import submission_prefetch, submission_to_case
from submissions.models import Base, Campaign, Submission, SubmissionVersion
from submissions.workflow import submission_transition

logger = logging.getLogger(__name__)

MIN_DESCRIPTION = 20

# The inputs each section must have before the whole submission can be submitted.
REQUIRED_NUMBERS = {
    Section.INDUSTRY: [
        "revenue_total", "revenue_main_industry", "revenue_software", "revenue_software_prev",
        "enterprises_total", "enterprises_with_ip", "enterprises_total_prev",
        "enterprises_with_ip_prev", "employees_software",
    ],
    Section.DEVELOPMENT: ["industrial_land_ratio", "public_space_ratio"],
    Section.ENTERPRISE: ["occupancy_rate"],
}  # fmt: skip
SECTION_QUALITATIVE = {
    Section.ENTERPRISE: ["policies", "investment_department"],
    Section.SERVICE: ["operations_management"],
    Section.GREEN: ["smart_infrastructure", "smart_platform", "green_measures"],
}


def submission_get_or_create(*, base: Base, campaign: Campaign) -> Submission:
    """The base's working copy for the campaign; created empty on first visit (race-safe)."""
    try:
        submission, _created = Submission.objects.get_or_create(base=base, campaign=campaign)
    except IntegrityError:
        submission = Submission.objects.get(base=base, campaign=campaign)
    return submission


def submission_check_lock(*, submission: Submission, expected_lock_version: int) -> None:
    """Raise StaleEdit when the stored edit version moved past the one the form was built on."""
    if submission.lock_version != expected_lock_version:
        who = submission.updated_by
        raise StaleEdit(
            _(
                "A colleague (%(who)s) saved this submission at %(when)s, after you opened "
                "this page. Your input is still in the form below; compare it with theirs and "
                "save again."
            )
            % {
                "who": (who.get_full_name() or who.get_username()) if who else "—",
                "when": timezone.localtime(submission.updated_at).strftime("%Y-%m-%d %H:%M:%S"),
            },
            code="stale",
        )


def submission_problems(submission: Submission) -> list[tuple[str, str]]:
    """What stops a submission from being submitted: (section, message) pairs, in form order."""
    problems: list[tuple[str, str]] = []
    for section, names in REQUIRED_NUMBERS.items():
        missing = [
            str(Submission._meta.get_field(n).verbose_name)
            for n in names
            if getattr(submission, n) is None
        ]
        if missing:
            problems.append(
                (section, _("Not filled in: %(fields)s") % {"fields": "、".join(missing)})
            )
    if submission.land_area_ha is None and submission.office_area_m2 is None:
        problems.append(
            (Section.DEVELOPMENT, _("Give the planned land area or the office floor area."))
        )
    if submission.base.kind == "comprehensive" and submission.road_density is None:
        problems.append((Section.DEVELOPMENT, _("Give the road network density.")))
    if not list(submission.sub_sectors.all()):
        problems.append((Section.INDUSTRY, _("Add at least one sub-sector.")))
    for section, names in SECTION_QUALITATIVE.items():
        for name in names:
            value = getattr(submission, name)
            label = str(Submission._meta.get_field(name).verbose_name)
            if value is None:
                problems.append((section, _("Answer “%(item)s”.") % {"item": label}))
            elif value and len(getattr(submission, f"{name}_desc").strip()) < MIN_DESCRIPTION:
                problems.append(
                    (section, _("Describe “%(item)s” in at least %(n)s characters.")
                     % {"item": label, "n": MIN_DESCRIPTION})
                )  # fmt: skip
    return problems


def verification_code_for(*, snapshot: dict, receipt_number: str) -> str:
    """12 characters derived from the frozen snapshot: a page of another version shows another."""
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(f"{receipt_number}\n{canonical}".encode()).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}-{digest[8:12]}"


def submission_submit(
    *, submission_id: int, user, ip: str | None = None, declaration: bool = False
) -> SubmissionVersion:
    """Freeze the draft into a new version, score it, and move it to SUBMITTED.

    Idempotent: when the submission is already submitted (a double click, a replayed request), the
    latest version is returned and nothing changes. Runs in one transaction with the row locked.
    Side effects: a SubmissionVersion, its EvaluationResult, a SubmissionEvent; after commit, an
    e-mail to the operator and to the association (a failed send is logged, never undoes this).
    """
    if not declaration:
        raise SubmissionError(
            _("Please confirm that the information is true, accurate and complete."),
            code="declaration",
        )
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission_id)
        if locked.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
            latest = locked.versions.order_by("-number").first()
            if latest is not None:
                return latest
        submission = submission_prefetch(Submission.objects.filter(pk=submission_id)).get()
        if timezone.now() > submission.effective_deadline:
            raise SubmissionError(
                _("The deadline (%(deadline)s) has passed. Ask the association for an extension.")
                % {"deadline": timezone.localtime(submission.effective_deadline).strftime("%Y-%m-%d %H:%M")},
                code="deadline",
            )  # fmt: skip
        problems = submission_problems(submission)
        if problems:
            raise SubmissionError(
                _("Some sections are not complete."), code="incomplete", details=problems
            )
        previous = base_previous_outcome(base_id=submission.base_id, year=submission.campaign.year)
        case = submission_to_case(submission, previous_outcome=previous)
        number = submission.versions.count() + 1
        receipt = f"{submission.campaign.year}-{submission.base.code}-V{number}"
        manifest = [
            {"name": e.original_name, "size": e.size, "sha256": e.sha256, "indicator": e.indicator}
            for e in submission.evidence.all()
        ]
        snapshot = {**case, "evidence": manifest}
        version = SubmissionVersion.objects.create(
            submission=submission,
            number=number,
            snapshot=snapshot,
            evidence_manifest=manifest,
            receipt_number=receipt,
            verification_code=verification_code_for(snapshot=snapshot, receipt_number=receipt),
            submitted_at=timezone.now(),
            submitted_by=user,
        )
        evaluation_store(version=version, case=case, criteria_set=submission.campaign.criteria_set)
        submission_transition(
            submission=locked, to_status=SubmissionStatus.SUBMITTED, actor=user, ip=ip,
            version=version,
        )  # fmt: skip
        transaction.on_commit(lambda: notifications.notify_submitted(version_id=version.pk))
    return version


def submission_return(*, submission: Submission, user, comment: str, ip: str | None = None):
    """Send a submitted version back to the operator with a reason (required)."""
    result = submission_transition(
        submission=submission, to_status=SubmissionStatus.RETURNED, actor=user, comment=comment,
        ip=ip,
    )  # fmt: skip
    transaction.on_commit(lambda: notifications.notify_returned(submission_id=submission.pk))
    return result


def submission_accept(*, submission: Submission, user, comment: str = "", ip: str | None = None):
    """Accept the latest version; its evaluation becomes final (next year's previous_outcome)."""
    with transaction.atomic():
        result = submission_transition(
            submission=submission, to_status=SubmissionStatus.ACCEPTED, actor=user,
            comment=comment, ip=ip,
        )  # fmt: skip
        latest = result.versions.order_by("-number").select_related("evaluation").first()
        if latest is not None and hasattr(latest, "evaluation"):
            latest.evaluation.is_final = True
            latest.evaluation.save(update_fields=["is_final"])
    transaction.on_commit(lambda: notifications.notify_accepted(submission_id=submission.pk))
    return result
