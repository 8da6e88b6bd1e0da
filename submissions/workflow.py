"""The one function that changes a submission's status, and the table of what is allowed.

Nothing else assigns `Submission.status`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from submissions.enums import Role
from submissions.enums import SubmissionStatus as S
from submissions.exceptions import TransitionNotAllowed
from submissions.models import Submission, SubmissionEvent, SubmissionVersion
from submissions.rules import user_base, user_role

# (from, to) → the roles that may make the move, and whether a comment is required.
TRANSITIONS: dict[tuple[str, str], tuple[frozenset[str], bool]] = {
    (S.DRAFT, S.SUBMITTED): (frozenset({Role.OPERATOR}), False),
    (S.RETURNED, S.SUBMITTED): (frozenset({Role.OPERATOR}), False),
    (S.SUBMITTED, S.RETURNED): (frozenset({Role.REVIEWER, Role.ADMINISTRATOR}), True),
    (S.SUBMITTED, S.ACCEPTED): (frozenset({Role.REVIEWER, Role.ADMINISTRATOR}), False),
}


def transition_allowed(*, submission: Submission, to_status: str, user) -> bool:
    rule = TRANSITIONS.get((submission.status, to_status))
    if rule is None:
        return False
    role = user_role(user)
    if role not in rule[0]:
        return False
    if role == Role.OPERATOR:
        base = user_base(user)
        return base is not None and base.pk == submission.base_id
    return True


def submission_transition(
    *,
    submission: Submission,
    to_status: str,
    actor,
    comment: str = "",
    ip: str | None = None,
    version: SubmissionVersion | None = None,
) -> Submission:
    """Move a submission to `to_status`, recording who, when, from where and why.

    Locks the row (select_for_update) inside a transaction, re-checks the table against the locked
    state, saves only `status`, and appends a SubmissionEvent. Raises TransitionNotAllowed.
    Side effects: one SubmissionEvent row. Callers send e-mails with transaction.on_commit.
    """
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        rule = TRANSITIONS.get((locked.status, to_status))
        if rule is None or not transition_allowed(
            submission=locked, to_status=to_status, user=actor
        ):
            raise TransitionNotAllowed(
                _("This action is not possible while the submission is “%(status)s”.")
                % {"status": locked.get_status_display()},
                code="transition",
            )
        if rule[1] and not comment.strip():
            raise TransitionNotAllowed(_("Please give a reason."), code="reason_required")
        from_status = locked.status
        locked.status = to_status
        locked.save(update_fields=["status", "updated_at"])
        SubmissionEvent.objects.create(
            submission=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor,
            ip=ip,
            comment=comment.strip(),
            version=version,
        )
    submission.status = locked.status
    return locked
