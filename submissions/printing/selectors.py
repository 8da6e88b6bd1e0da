"""Reads for the printable copy, always filtered by what the person may see.

An operator's querysets are filtered by its base in the query itself, so another base's object is
simply not found (404), never fetched and then refused.
"""

from __future__ import annotations

import re

from django.db.models import Max, QuerySet

from submissions.models import Campaign, StampedScan, Submission, SubmissionVersion
from submissions.rules import is_association_staff, user_base

CODE_RE = re.compile(r"^[0-9A-F]{12}$")


def _base_filter(user, queryset: QuerySet, path: str) -> QuerySet:
    if is_association_staff(user):
        return queryset
    base = user_base(user)
    if base is None:
        return queryset.none()
    return queryset.filter(**{path: base})


def submission_visible_list(user) -> QuerySet[Submission]:
    return _base_filter(user, Submission.objects.select_related("base", "campaign"), "base")


def version_visible_list(user) -> QuerySet[SubmissionVersion]:
    queryset = SubmissionVersion.objects.select_related(
        "submission__base", "submission__campaign__criteria_set", "evaluation__criteria_set"
    )
    return _base_filter(user, queryset, "submission__base")


def scan_visible_list(user) -> QuerySet[StampedScan]:
    queryset = StampedScan.objects.select_related("version", "submission__base", "uploaded_by")
    return _base_filter(user, queryset, "submission__base")


def verification_code_normalize(raw: str) -> str | None:
    """'abcd ef12-3456' → 'ABCD-EF12-3456'; None when it cannot be a verification code."""
    compact = re.sub(r"[\s\-－—]", "", raw or "").upper()
    if not CODE_RE.match(compact):
        return None
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}"


def version_verify(*, user, code: str) -> dict | None:
    """What the verification page shows for a code, or None when this person cannot see it."""
    version = version_visible_list(user).filter(verification_code=code).first()
    if version is None:
        return None
    latest = version.submission.versions.aggregate(latest=Max("number"))["latest"]
    return {
        "version": version,
        "submission": version.submission,
        "base": version.submission.base,
        "latest_number": latest,
        "newer_exists": latest is not None and latest > version.number,
        "scans": list(version.stamped_scans.order_by("-uploaded_at")),
    }


def campaign_latest_versions(campaign: Campaign) -> list[SubmissionVersion]:
    """The latest submitted version of every base in the campaign, by base code."""
    latest = {}
    versions = (
        SubmissionVersion.objects.filter(submission__campaign=campaign)
        .select_related(
            "submission__base", "submission__campaign__criteria_set", "evaluation__criteria_set"
        )
        .order_by("submission__base__code", "-number")
    )
    for version in versions:
        latest.setdefault(version.submission_id, version)
    return list(latest.values())
