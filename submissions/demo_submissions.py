"""Demo drafts and submissions in every state, for the six bases demo_reviews leaves alone.

Idempotent: a base whose submission has been worked on (saved, versioned) is left as it is.

    JD-01  draft, not started (empty)
    CN-01  draft, half filled: basic information and (1) done, (2) in progress
    PT-01  draft, every section filled and saved, not yet submitted
    BS-01  submitted
    QP-01  returned for revision with a reason
    HK-01  accepted
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from submissions.demo_data import fill_submission
from submissions.enums import Section, SectionStatus
from submissions.models import Base, Campaign, Submission
from submissions.services.review import submission_extend_deadline
from submissions.services.submit import (
    submission_accept,
    submission_get_or_create,
    submission_return,
    submission_submit,
)

DEMO_IP = "10.0.0.9"
ALL_DONE = {key: SectionStatus.COMPLETED.value for key in Section.values if key != "evidence"}
HALF_DONE = {
    Section.BASIC.value: SectionStatus.COMPLETED.value,
    Section.INDUSTRY.value: SectionStatus.COMPLETED.value,
    Section.DEVELOPMENT.value: SectionStatus.IN_PROGRESS.value,
}
LATER_FIELDS = [
    "industrial_land_ratio", "public_space_ratio", "road_density", "occupancy_rate",
    "policies", "investment_department", "operations_management", "smart_infrastructure",
    "smart_platform", "green_measures",
]  # fmt: skip


def _fresh(base: Base, campaign: Campaign, reviewer) -> Submission | None:
    submission = submission_get_or_create(base=base, campaign=campaign)
    if submission.versions.exists() or submission.lock_version > 1 or submission.section_state:
        return None
    if timezone.now() > submission.effective_deadline and reviewer is not None:
        until = max(timezone.now(), campaign.deadline) + dt.timedelta(days=60)
        submission_extend_deadline(submission=submission, user=reviewer, until=until, ip=DEMO_IP)
        submission.refresh_from_db()
    return submission


def _saved(submission: Submission, state: dict, **fields) -> Submission:
    """Mark the draft as the form leaves it: section states, a raised edit version."""
    Submission.objects.filter(pk=submission.pk).update(
        section_state=state, lock_version=F("lock_version") + 1, **fields
    )
    submission.refresh_from_db()
    return submission


@transaction.atomic
def seed_demo_submissions() -> list[str]:
    """Create the demo drafts and submissions once; return what was created."""
    campaign = Campaign.objects.select_related("criteria_set").filter(year=2024).first()
    reviewer = get_user_model().objects.filter(username="reviewer2").first()
    if campaign is None or reviewer is None:
        return []
    bases = {
        b.code: b
        for b in Base.objects.filter(code__in=["JD-01", "CN-01", "PT-01", "BS-01", "QP-01",
                                               "HK-01"]).prefetch_related("memberships__user")
    }  # fmt: skip
    created: list[str] = []

    def start(code: str):
        base = bases.get(code)
        membership = base.memberships.all()[0] if base and base.memberships.all() else None
        if membership is None:
            return None, None
        return _fresh(base, campaign, reviewer), membership.user

    existed = Submission.objects.filter(base__code="JD-01", campaign=campaign).exists()
    submission, _operator = start("JD-01")
    if submission and not existed:
        created.append("JD-01 empty draft")

    submission, operator = start("CN-01")
    if submission:
        fill_submission(submission)
        submission.activities.all().delete()
        submission.service_centers.all().delete()
        _saved(submission, HALF_DONE, updated_by=operator, **dict.fromkeys(LATER_FIELDS))
        created.append("CN-01 half-filled draft")

    submission, operator = start("PT-01")
    if submission:
        fill_submission(submission, activities=9)
        _saved(submission, ALL_DONE, updated_by=operator)
        created.append("PT-01 filled draft, not submitted")

    for code, then in (("BS-01", None), ("QP-01", "return"), ("HK-01", "accept")):
        submission, operator = start(code)
        if not submission:
            continue
        fill_submission(submission)
        _saved(submission, ALL_DONE, updated_by=operator)
        submission_submit(
            submission_id=submission.pk, user=operator, ip="10.1.2.4", declaration=True
        )
        if then == "return":
            submission_return(
                submission=submission, user=reviewer, ip=DEMO_IP,
                comment="入驻率与招商渠道数量请附佐证材料（出租台账、合作协议），补充后重新提交。",
            )  # fmt: skip
        elif then == "accept":
            submission_accept(submission=submission, user=reviewer, ip=DEMO_IP)
        created.append(f"{code} {then or 'submit'}")
    return created
