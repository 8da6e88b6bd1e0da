"""Builders for the association's tests and benchmark: many submitted bases, fast (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from evaluation.models import EvaluationResult
from evaluation.services import evaluate_case
from submissions.demo_data import fill_submission
from submissions.enums import BaseKind, BaseLevel, District, SubmissionStatus
from submissions.interchange import NUMBER_FIELDS, submission_prefetch, submission_to_case
from submissions.models import (
    Activity,
    Amenity,
    Base,
    Campaign,
    InnovationCarrier,
    InvestmentChannel,
    QualityEnterprise,
    ServiceCenter,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
    SubSector,
)
from submissions.models.submission import QUALITATIVE_FIELDS
from submissions.services.submit import verification_code_for
from tests.factories import UserFactory, make_credit_code

PROFILES = [
    (BaseKind.COMPREHENSIVE, BaseLevel.DEMONSTRATION),
    (BaseKind.COMPREHENSIVE, BaseLevel.CULTIVATION),
    (BaseKind.SPECIALTY, BaseLevel.DEMONSTRATION),
    (BaseKind.SPECIALTY, BaseLevel.CULTIVATION),
]
LIST_MODELS = [SubSector, QualityEnterprise, Amenity, InnovationCarrier, InvestmentChannel,
               ServiceCenter, Activity]  # fmt: skip
COPIED = [*NUMBER_FIELDS, *QUALITATIVE_FIELDS, *(f"{n}_desc" for n in QUALITATIVE_FIELDS)]
_counter = itertools.count(1)


def _copy_rows(model, template: Submission, targets: list[Submission]) -> list:
    rows = list(model.objects.filter(submission=template))
    out = []
    for target in targets:
        for row in rows:
            clone = model(**{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields
                             if f.attname not in ("id", "submission_id")})  # fmt: skip
            clone.submission_id = target.pk
            out.append(clone)
    return out


def bulk_submitted(*, campaign: Campaign, n: int, prefix: str = "BK") -> list[Submission]:
    """`n` active bases, each with a fully filled submission, version 1 and its evaluation.

    The bases cycle through the four profiles, the three batches and the districts. Inserts are
    bulk, so 200 bases take a second or two; the data equals fill_submission's.
    """
    run = next(_counter)
    operator = UserFactory(username=f"bulk-operator-{prefix.lower()}-{run}")
    districts = District.values
    bases = Base.objects.bulk_create(
        Base(
            name=f"{prefix}批量测试基地{run}-{i:03d}", code=f"{prefix}{run}-{i:03d}"[:16],
            kind=PROFILES[i % 4][0], level=PROFILES[i % 4][1], batch=2021 + i % 3,
            district=districts[i % len(districts)], company_name=f"批量运营公司{run}-{i:03d}",
            company_credit_code=make_credit_code(run * 10_000 + i),
        )
        for i in range(n)
    )  # fmt: skip
    # One filled template per profile, made the ordinary way.
    templates: dict[tuple[str, str], Submission] = {}
    for base in bases[:4]:
        submission = Submission.objects.create(base=base, campaign=campaign)
        templates[(base.kind, base.level)] = fill_submission(submission)
    rest = Submission.objects.bulk_create(
        Submission(
            base=base, campaign=campaign, lock_version=3,
            **{f: getattr(templates[(base.kind, base.level)], f) for f in COPIED},
        )
        for base in bases[4:]
    )  # fmt: skip
    for profile, template in templates.items():
        targets = [s for s in rest if (s.base.kind, s.base.level) == profile]
        for model in LIST_MODELS:
            model.objects.bulk_create(_copy_rows(model, template, targets), batch_size=1000)
    Submission.objects.filter(pk__in=[t.pk for t in templates.values()]).update(lock_version=3)
    submissions = list(
        submission_prefetch(Submission.objects.filter(base__in=bases)).order_by("base__code")
    )
    now = timezone.now()
    criteria_set = campaign.criteria_set
    versions, outputs = [], {}
    for s in submissions:
        case = submission_to_case(s)
        receipt = f"{campaign.year}-{s.base.code}-V1"
        snapshot = {**case, "evidence": []}
        versions.append(SubmissionVersion(
            submission=s, number=1, snapshot=snapshot, evidence_manifest=[],
            receipt_number=receipt,
            verification_code=verification_code_for(snapshot=snapshot, receipt_number=receipt),
            submitted_at=now - dt.timedelta(minutes=len(versions)), submitted_by=operator,
        ))  # fmt: skip
        key = (s.base.kind, s.base.level)
        if key not in outputs:
            outputs[key] = evaluate_case(case=case, criteria_set=criteria_set).to_dict()
    versions = SubmissionVersion.objects.bulk_create(versions)
    EvaluationResult.objects.bulk_create(
        EvaluationResult(
            version=v, criteria_set=criteria_set, criteria_version=criteria_set.version,
            input=v.snapshot, output=outputs[(v.submission.base.kind, v.submission.base.level)],
            verdict=outputs[(v.submission.base.kind, v.submission.base.level)]["verdict"],
            outcome=outputs[(v.submission.base.kind, v.submission.base.level)]["outcome"],
            met=outputs[(v.submission.base.kind, v.submission.base.level)]["score"]["met"],
            applicable=outputs[(v.submission.base.kind, v.submission.base.level)]["score"][
                "applicable"],
        )
        for v in versions
    )  # fmt: skip
    # Test data only: rows are created in their final state, as a fixture would load them.
    Submission.objects.filter(pk__in=[s.pk for s in submissions]).update(
        status=SubmissionStatus.SUBMITTED
    )
    SubmissionEvent.objects.bulk_create(
        SubmissionEvent(submission=v.submission, from_status=SubmissionStatus.DRAFT,
                        to_status=SubmissionStatus.SUBMITTED, actor=operator, version=v)
        for v in versions
    )  # fmt: skip
    return submissions
