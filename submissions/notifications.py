"""E-mails in Chinese, sent after the transaction commits. A failed send is logged, never raised."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from submissions.models import Submission, SubmissionVersion

logger = logging.getLogger(__name__)


def _send(*, template: str, context: dict, recipients: list[str]) -> bool:
    recipients = [r for r in recipients if r]
    if not recipients:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"emails/{template}.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # noqa: BLE001 — any transport failure must not undo the action
        logger.exception("e-mail %s to %s failed", template, recipients)
        return False
    return True


def _operator_emails(submission: Submission) -> list[str]:
    return [m.user.email for m in submission.base.memberships.select_related("user")
            if m.user.is_active and m.user.email]  # fmt: skip


def notify_submitted(*, version_id: int) -> bool:
    version = SubmissionVersion.objects.select_related(
        "submission__base", "submission__campaign", "submitted_by", "evaluation"
    ).get(pk=version_id)
    context = {"version": version, "submission": version.submission,
               "base": version.submission.base}  # fmt: skip
    to_association = _send(template="submitted_association", context=context,
                           recipients=list(settings.ASSOCIATION_EMAILS))  # fmt: skip
    to_operator = _send(template="submitted_operator", context=context,
                        recipients=_operator_emails(version.submission))  # fmt: skip
    return to_association and to_operator


def notify_returned(*, submission_id: int) -> bool:
    submission = Submission.objects.select_related("base", "campaign").get(pk=submission_id)
    event = (
        submission.events.filter(to_status="returned", from_status="submitted")
        .order_by("-at")
        .first()
    )
    latest = submission.versions.order_by("-number").values_list("pk", flat=True).first()
    comments = list(
        submission.review_comments.filter(version_id=latest, resolved=False).order_by("created_at")
    )
    context = {"submission": submission, "base": submission.base, "event": event,
               "comments": comments}  # fmt: skip
    return _send(template="returned", context=context, recipients=_operator_emails(submission))


def notify_accepted(*, submission_id: int) -> bool:
    submission = Submission.objects.select_related("base", "campaign").get(pk=submission_id)
    context = {"submission": submission, "base": submission.base}
    return _send(template="accepted", context=context, recipients=_operator_emails(submission))


def notify_reminder(*, base, campaign, submission, deadline, recipients: list[str]) -> bool:
    """A reminder to a base's operators that its assessment is not handed in yet."""
    context = {"base": base, "campaign": campaign, "submission": submission,
               "deadline": deadline}  # fmt: skip
    return _send(template="reminder", context=context, recipients=recipients)
