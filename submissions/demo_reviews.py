"""Demo review activity on top of seed_demo: so a reviewer's first look is realistic.

Idempotent: a base whose submission already has a version (or has been worked on) is left alone.
Run after `submissions.demo.seed_demo()`; the lead wires it into the seed_demo command.

    PD-01  submitted, two comments and one confirmed row, awaiting a decision
    XH-01  returned for revision with comments
    MH-01  accepted (every declared row confirmed): final result
    YP-01  returned once, resubmitted as version 2 (the diff page has something to show)
    JA-01  submitted, paper copy received
    SJ-01  drafting (filled in, not submitted)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from submissions.demo_data import fill_submission
from submissions.models import Base, Campaign, Submission
from submissions.models.submission import QUALITATIVE_FIELDS
from submissions.services.review import (
    review_comment_add,
    review_decide,
    submission_extend_deadline,
    submission_paper_received,
)
from submissions.services.submit import (
    submission_accept,
    submission_get_or_create,
    submission_return,
    submission_submit,
)

DEMO_IP = "10.0.0.8"


def _operator(base: Base):
    membership = base.memberships.select_related("user").first()
    return membership.user if membership else None


def _prepare(base: Base, campaign: Campaign, reviewer, **fill) -> Submission | None:
    """Fill the base's draft and, if the deadline has passed, grant an extension first."""
    submission = submission_get_or_create(base=base, campaign=campaign)
    if submission.versions.exists() or submission.lock_version > 1:
        return None
    if timezone.now() > submission.effective_deadline:
        until = max(timezone.now(), campaign.deadline) + dt.timedelta(days=60)
        submission_extend_deadline(submission=submission, user=reviewer, until=until, ip=DEMO_IP)
        submission.refresh_from_db()
    fill_submission(submission, **fill)
    # A saved draft (as the form would leave it): the dashboard counts it as "drafting".
    Submission.objects.filter(pk=submission.pk).update(lock_version=F("lock_version") + 1)
    submission.refresh_from_db()
    return submission


def _submit(submission: Submission, operator):
    return submission_submit(
        submission_id=submission.pk, user=operator, ip="10.1.2.3", declaration=True
    )


@transaction.atomic
def seed_demo_reviews() -> list[str]:
    """Create the demo review activity once; return what was created."""
    campaign = Campaign.objects.select_related("criteria_set").filter(year=2024).first()
    reviewer = get_user_model().objects.filter(username="reviewer1").first()
    if campaign is None or reviewer is None:
        return []
    bases = {b.code: b for b in Base.objects.filter(code__in=[
        "PD-01", "XH-01", "MH-01", "YP-01", "JA-01", "SJ-01"])}  # fmt: skip
    created: list[str] = []

    def ready(code: str, **fill):
        base = bases.get(code)
        operator = _operator(base) if base else None
        if base is None or operator is None:
            return None, None
        return _prepare(base, campaign, reviewer, **fill), operator

    submission, operator = ready("PD-01")
    if submission:
        _submit(submission, operator)
        review_comment_add(submission=submission, user=reviewer, indicator="17", ip=DEMO_IP,
                           text="入驻率 86.5% 请附物业出租台账或入驻企业名单作为佐证。")  # fmt: skip
        review_comment_add(submission=submission, user=reviewer, ip=DEMO_IP,
                           text="整体材料齐全，待纸质件到达后确认。")  # fmt: skip
        review_decide(submission=submission, user=reviewer, indicator="13", confirmed=True,
                      ip=DEMO_IP)  # fmt: skip
        created.append("PD-01 submitted with comments")

    submission, operator = ready("XH-01", activities=8)
    if submission:
        _submit(submission, operator)
        review_comment_add(submission=submission, user=reviewer, indicator="20", ip=DEMO_IP,
                           text="2024 年度创服活动仅 8 场，未达 10 场；如有遗漏请补充活动名称与日期。")  # fmt: skip
        review_decide(submission=submission, user=reviewer, indicator="22", confirmed=False,
                      comment="未见智慧园区平台的截图或合同，请补充证明材料。", ip=DEMO_IP)  # fmt: skip
        review_comment_add(submission=submission, user=reviewer, indicator="22", ip=DEMO_IP,
                           text="请上传智慧园区平台的功能截图或建设合同。")  # fmt: skip
        submission_return(submission=submission, user=reviewer, ip=DEMO_IP,
                          comment="创服活动场次不足且智慧园区平台缺少证明，请补充后重新提交。")  # fmt: skip
        created.append("XH-01 returned with comments")

    submission, operator = ready("MH-01")
    if submission:
        _submit(submission, operator)
        for code in QUALITATIVE_FIELDS.values():
            review_decide(submission=submission, user=reviewer, indicator=code, confirmed=True,
                          ip=DEMO_IP)  # fmt: skip
        submission_paper_received(submission=submission, user=reviewer, ip=DEMO_IP,
                                  received_on=timezone.localdate())  # fmt: skip
        submission_accept(submission=submission, user=reviewer, ip=DEMO_IP,
                          comment="材料完整，数据核对无误。")  # fmt: skip
        created.append("MH-01 accepted")

    submission, operator = ready("YP-01", occupancy=Decimal("72.0"))
    if submission:
        _submit(submission, operator)
        review_comment_add(submission=submission, user=reviewer, indicator="17", ip=DEMO_IP,
                           text="入驻率 72% 低于 75%，请核实是否已计入 2024 年末新入驻企业。")  # fmt: skip
        submission_return(submission=submission, user=reviewer, ip=DEMO_IP,
                          comment="请核实入驻率。")  # fmt: skip
        Submission.objects.filter(pk=submission.pk).update(
            occupancy_rate=Decimal("78.5"), lock_version=F("lock_version") + 1
        )
        _submit(submission, operator)
        created.append("YP-01 resubmitted as version 2")

    submission, operator = ready("JA-01")
    if submission:
        _submit(submission, operator)
        submission_paper_received(submission=submission, user=reviewer, ip=DEMO_IP,
                                  received_on=timezone.localdate())  # fmt: skip
        created.append("JA-01 submitted, paper copy received")

    submission, operator = ready("SJ-01")
    if submission:
        created.append("SJ-01 drafting")
    return created
