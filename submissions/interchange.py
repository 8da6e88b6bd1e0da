"""The submission ↔ interchange format of spec/criteria-2024.md (what the engine reads)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from submissions.models import Submission
from submissions.models.submission import QUALITATIVE_FIELDS

NUMBER_FIELDS = [
    "revenue_total", "revenue_main_industry", "revenue_software", "revenue_software_prev",
    "enterprises_total", "enterprises_with_ip", "enterprises_total_prev",
    "enterprises_with_ip_prev", "employees_software", "land_area_ha", "office_area_m2",
    "industrial_land_ratio", "public_space_ratio", "road_density", "occupancy_rate",
]  # fmt: skip
LIST_RELATIONS = [
    "sub_sectors", "quality_enterprises", "amenities", "innovation_carriers",
    "investment_channels", "service_centers", "activities",
]  # fmt: skip


def _number(value: Decimal | int | None) -> int | float | None:
    """JSON numbers: integers stay integers; decimals keep their digits (e.g. 9.2, not 9.19…)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        normalized = value.normalize()
        if normalized == normalized.to_integral_value():
            return int(normalized)
        return float(str(normalized))
    return value


def submission_data(submission: Submission) -> dict[str, Any]:
    """The `data` object of the interchange format; lists must be prefetched for one query each."""
    data: dict[str, Any] = {name: _number(getattr(submission, name)) for name in NUMBER_FIELDS}
    data["sub_parks"] = len(submission.base.sub_parks.all())
    data["sub_sectors"] = [s.display_name for s in submission.sub_sectors.all()]
    data["quality_enterprises"] = [
        {"name": e.name, "credit_code": e.credit_code, "categories": e.categories,
         "revenue": _number(e.revenue)}
        for e in submission.quality_enterprises.all()
    ]  # fmt: skip
    data["amenities"] = [a.label for a in submission.amenities.all()]
    data["innovation_carriers"] = [
        {"name": c.name, "type": c.type, "description": c.description}
        for c in submission.innovation_carriers.all()
    ]
    data["investment_channels"] = [
        {"name": c.name, "description": c.description} for c in submission.investment_channels.all()
    ]
    data["service_centers"] = [
        {"name": c.name, "type": c.type, "description": c.description}
        for c in submission.service_centers.all()
    ]
    data["activities"] = [
        {"title": a.title, "date": a.date.isoformat(), "form": a.form}
        for a in submission.activities.all()
    ]
    data["qualitative"] = {name: getattr(submission, name) for name in QUALITATIVE_FIELDS}
    data["qualitative_descriptions"] = {
        name: getattr(submission, f"{name}_desc") for name in QUALITATIVE_FIELDS
    }
    return data


def submission_to_case(
    submission: Submission, *, previous_outcome: str | None = None
) -> dict[str, Any]:
    """One case of the interchange format for this submission's current data."""
    base, campaign = submission.base, submission.campaign
    return {
        "base": {
            "kind": base.kind, "level": base.level, "previous_outcome": previous_outcome,
            "name": base.name, "code": base.code,
        },
        "campaign": {
            "year": campaign.year, "shanghai_growth_avg": _number(campaign.shanghai_growth_avg),
        },
        "data": submission_data(submission),
    }  # fmt: skip


def submission_prefetch(queryset):
    """The related rows submission_data reads, in a constant number of queries."""
    # The criteria definition is large JSON; criteria_for() compiles it once per process.
    return (
        queryset.select_related("base", "campaign", "campaign__criteria_set")
        .defer("campaign__criteria_set__definition")
        .prefetch_related("base__sub_parks", *LIST_RELATIONS)
    )
