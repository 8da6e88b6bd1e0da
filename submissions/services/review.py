"""Writes of the association's review: comments, decisions on declared rows, extensions, paper
copies, reminders. Status changes go through services.submit (and so workflow.submission_transition).

Each review action is also appended to the submission's history as a SubmissionEvent whose
from/to status are the unchanged current status, so the page shows who did what, when and from
where. These services never write `Submission.status`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation.services import evaluation_store
from submissions import notifications
from submissions.enums import SubmissionStatus
from submissions.exceptions import SubmissionError
from submissions.models import (
    Campaign,
    IndicatorDecision,
    ReviewComment,
    Submission,
    SubmissionEvent,
)
from submissions.models.submission import QUALITATIVE_FIELDS
from submissions.rules import can_review
from submissions.selectors_review import reminder_targets

logger = logging.getLogger(__name__)

# In which states each review action is possible.
COMMENT_STATES = (SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)
DECIDE_STATES = (SubmissionStatus.SUBMITTED,)
EXTEND_STATES = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
PAPER_STATES = (SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED, SubmissionStatus.ACCEPTED)
MAX_COMMENT = 2000


class ReviewNotAllowed(SubmissionError):
    """A review action refused for this person or in this state."""


def _require_reviewer(user) -> None:
    if not can_review(user):
        raise ReviewNotAllowed(_("Only association reviewers may do this."), code="role")


def _require_state(submission: Submission, states) -> None:
    if submission.status not in states:
        raise ReviewNotAllowed(
            _("This action is not possible while the submission is “%(status)s”.")
            % {"status": submission.get_status_display()},
            code="state",
        )


def _log(*, submission: Submission, user, comment: str, ip: str | None, version=None) -> None:
    SubmissionEvent.objects.create(
        submission=submission,
        from_status=submission.status,
        to_status=submission.status,
        actor=user,
        ip=ip,
        comment=comment,
        version=version,
    )


def review_comment_add(
    *,
    submission: Submission,
    user,
    text: str,
    indicator: str = "",
    field_name: str = "",
    ip: str | None = None,
) -> ReviewComment:
    """Attach a reviewer's comment to the latest version (on an indicator, or on the whole).

    Side effects: a ReviewComment and a history entry. Raises ReviewNotAllowed / SubmissionError.
    """
    _require_reviewer(user)
    text = (text or "").strip()
    if not text:
        raise SubmissionError(_("Write a comment first."), code="empty")
    if len(text) > MAX_COMMENT:
        raise SubmissionError(
            _("A comment may have at most %(n)s characters.") % {"n": MAX_COMMENT}, code="long"
        )
    codes = {i["code"] for i in submission.campaign.criteria_set.definition.get("indicators", [])}
    if indicator and indicator not in codes:
        raise SubmissionError(_("Unknown indicator."), code="indicator")
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        _require_state(locked, COMMENT_STATES)
        version = locked.versions.order_by("-number").first()
        comment = ReviewComment.objects.create(
            submission=locked,
            version=version,
            indicator=indicator,
            field=field_name[:50],
            text=text,
            author=user,
        )
        label = (
            (_("Comment on indicator %(code)s") % {"code": indicator})
            if indicator
            else _("Comment")
        )
        _log(submission=locked, user=user, comment=f"{label}：{text}", ip=ip, version=version)
    return comment


def review_decide(
    *,
    submission: Submission,
    user,
    indicator: str,
    confirmed: bool,
    comment: str = "",
    ip: str | None = None,
):
    """Confirm or reject a declared (有) row and re-score the latest version with all decisions.

    Side effects: an IndicatorDecision (one per indicator, updated on a change of mind), the
    latest version's EvaluationResult re-computed from its stored input facts, a history entry.
    Returns the updated EvaluationResult.
    """
    _require_reviewer(user)
    name = {code: n for n, code in QUALITATIVE_FIELDS.items()}.get(indicator)
    if name is None:
        raise SubmissionError(
            _("Only the declared (有) rows can be confirmed or rejected."), code="indicator"
        )
    comment = (comment or "").strip()
    if not confirmed and not comment:
        raise SubmissionError(_("Please give a reason for the rejection."), code="reason")
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        _require_state(locked, DECIDE_STATES)
        latest = (
            locked.versions.order_by("-number").select_related("evaluation__criteria_set").first()
        )
        stored = getattr(latest, "evaluation", None) if latest else None
        if stored is None:
            raise SubmissionError(_("There is no evaluated version to decide on."), code="none")
        if not (stored.input.get("data", {}).get("qualitative") or {}).get(name):
            raise SubmissionError(
                _("The base did not declare this item (无): there is nothing to confirm."),
                code="not_declared",
            )
        IndicatorDecision.objects.update_or_create(
            submission=locked,
            indicator=indicator,
            defaults={"confirmed": confirmed, "comment": comment, "reviewer": user},
        )
        decisions = dict(stored.decisions or {})
        decisions[indicator] = confirmed
        result = evaluation_store(
            version=latest, case=stored.input, criteria_set=stored.criteria_set,
            decisions=decisions,
        )  # fmt: skip
        what = (
            _("Confirmed indicator %(code)s") if confirmed else _("Rejected indicator %(code)s")
        ) % {"code": indicator}
        _log(
            submission=locked,
            user=user,
            comment=f"{what}{'：' + comment if comment else ''}",
            ip=ip,
            version=latest,
        )
    return result


def submission_extend_deadline(
    *, submission: Submission, user, until: dt.datetime, ip: str | None = None
) -> Submission:
    """Grant this base a later deadline than the campaign's.

    Side effects: Submission.deadline_extension, a history entry.
    """
    _require_reviewer(user)
    if until <= submission.campaign.deadline:
        raise SubmissionError(
            _("An extension must end after the campaign's deadline (%(deadline)s).")
            % {"deadline": timezone.localtime(submission.campaign.deadline).strftime("%Y-%m-%d")},
            code="extension_early",
        )
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        _require_state(locked, EXTEND_STATES)
        locked.deadline_extension = until
        locked.save(update_fields=["deadline_extension", "updated_at"])
        _log(
            submission=locked,
            user=user,
            comment=_("Deadline extended to %(until)s")
            % {"until": timezone.localtime(until).strftime("%Y-%m-%d %H:%M")},
            ip=ip,
        )
    submission.deadline_extension = until
    return locked


def submission_paper_received(
    *, submission: Submission, user, received_on: dt.date | None, ip: str | None = None
) -> Submission:
    """Record (or clear, with None) the date the stamped paper copy arrived.

    Side effects: Submission.paper_received_on/by, a history entry.
    """
    _require_reviewer(user)
    if received_on is not None and received_on > timezone.localdate():
        raise SubmissionError(_("The date cannot be in the future."), code="future")
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        _require_state(locked, PAPER_STATES)
        locked.paper_received_on = received_on
        locked.paper_received_by = user if received_on else None
        locked.save(update_fields=["paper_received_on", "paper_received_by"])
        text = (
            _("Paper copy received on %(date)s") % {"date": received_on.isoformat()}
            if received_on
            else _("Paper copy record cleared")
        )
        _log(submission=locked, user=user, comment=text, ip=ip)
    return locked


@dataclass
class ReminderReport:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)


def reminders_send(
    *, campaign: Campaign, base_ids: list[int] | None = None, user=None
) -> ReminderReport:
    """E-mail a reminder (in Chinese) to the operators of bases that have not handed in.

    `base_ids` limits it to the chosen bases; bases that already submitted are skipped. A failed
    send is logged and reported, never raised. `user` (when given) must be a reviewer.
    Side effects: e-mails only.
    """
    if user is not None:
        _require_reviewer(user)
    report = ReminderReport()
    for target in reminder_targets(campaign=campaign, base_ids=base_ids):
        label = f"{target['base'].code} {target['base'].name}"
        if not target["recipients"]:
            report.no_address.append(label)
            continue
        ok = notifications.notify_reminder(
            base=target["base"], campaign=campaign, submission=target["submission"],
            deadline=target["deadline"], recipients=target["recipients"],
        )  # fmt: skip
        (report.sent if ok else report.failed).append(label)
    return report
