"""Reads of the submissions domain."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import ngettext

from submissions.enums import CampaignStatus
from submissions.models import Campaign


def campaign_get_current() -> Campaign | None:
    """The open campaign, or else the most recent one that has opened."""
    campaign = (
        Campaign.objects.filter(status=CampaignStatus.OPEN).select_related("criteria_set").first()
    )
    if campaign is None:
        campaign = (
            Campaign.objects.filter(opens_at__lte=timezone.now())
            .select_related("criteria_set")
            .order_by("-year")
            .first()
        )
    return campaign


# --- the operator's form (issue #4) ---------------------------------------------------------


def submission_for_form(*, base_id: int, campaign_id: int, evidence: bool = True):
    """The draft with everything the form pages read, in a constant number of queries."""
    from submissions.interchange import submission_prefetch
    from submissions.models import Submission

    queryset = submission_prefetch(
        Submission.objects.filter(base_id=base_id, campaign_id=campaign_id)
    ).select_related("updated_by")
    if evidence:
        queryset = queryset.prefetch_related("evidence")
    return queryset.first()


def submission_previous_year(*, base_id: int, year: int):
    """The base's submission of the year before, or None."""
    from submissions.models import Submission

    return Submission.objects.filter(base_id=base_id, campaign__year=year - 1).first()


def draft_preview(*, submission, overrides: dict | None = None) -> dict:
    """The engine's result for the draft with unsaved `overrides` (interchange `data` keys).

    Returns {"result": output dict with each indicator's original wording} or {"error": text}
    when the data cannot be evaluated yet. Never raises for bad input.
    """
    from evaluation import engine
    from evaluation.selectors import base_previous_outcome
    from evaluation.services import criteria_for, evaluate_case
    from submissions.interchange import submission_to_case

    previous = base_previous_outcome(base_id=submission.base_id, year=submission.campaign.year)
    case = submission_to_case(submission, previous_outcome=previous)
    if overrides:
        qualitative = {**case["data"]["qualitative"], **overrides.get("qualitative", {})}
        case["data"].update(overrides)
        case["data"]["qualitative"] = qualitative
    criteria_set = submission.campaign.criteria_set
    try:
        result = evaluate_case(case=case, criteria_set=criteria_set)
    except engine.InputError as exc:
        return {"error": str(exc), "result": None}
    output = result.to_dict()
    originals = {
        i.code: i.original.get(result.profile, "") for i in criteria_for(criteria_set).indicators
    }
    for item in output["indicators"]:
        item["original"] = originals.get(item["code"], "")
    return {"result": output, "error": None}


# Year-on-year changes beyond this share get a non-blocking 请核实 warning.
CHANGE_WARNING = 0.5
YEAR_ON_YEAR_FIELDS = (
    "revenue_total", "revenue_main_industry", "revenue_software", "enterprises_total",
    "enterprises_with_ip", "employees_software", "land_area_ha", "office_area_m2",
)  # fmt: skip


def plain_number(value) -> str:
    """A figure as people write it: 900000, 12.5 (no trailing zeros, no exponent)."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(value.quantize(Decimal(1)))
        return format(value.normalize(), "f")
    return str(value)


def _change(now, before) -> float | None:
    if now is None or before is None or before <= 0:
        return None
    return float((now - before) / before)


def draft_warnings(*, submission, previous=None) -> dict[str, list[str]]:
    """Non-blocking 请核实 warnings by field (or list name) for the stored draft."""
    from django.utils.translation import gettext as _

    from submissions.forms.base import UNITS

    warnings: dict[str, list[str]] = {}
    if previous is not None:
        for name in YEAR_ON_YEAR_FIELDS:
            before = getattr(previous, name)
            change = _change(getattr(submission, name), before)
            if change is not None and abs(change) > CHANGE_WARNING:
                warnings.setdefault(name, []).append(
                    _("Please verify: %(change)s%% compared with last year (%(before)s %(unit)s).")
                    % {"change": f"{change * 100:+.1f}", "before": plain_number(before),
                       "unit": UNITS.get(name, "")}
                )  # fmt: skip
    growth = _change(submission.revenue_software, submission.revenue_software_prev)
    if growth is not None and abs(growth) > CHANGE_WARNING:
        warnings.setdefault("revenue_software", []).append(
            _("Please verify: software revenue changed %(change)s%% from the previous year.")
            % {"change": f"{growth * 100:+.1f}"}
        )
    year = submission.campaign.year
    outside = [a for a in submission.activities.all() if a.date and a.date.year != year]
    if outside:
        warnings["activities"] = [
            _("%(title)s (%(date)s) is outside %(year)s: kept, but not counted (不计入).")
            % {"title": a.title, "date": a.date.isoformat(), "year": year}
            for a in outside
        ]
    return warnings


def section_statuses(*, submission) -> list[dict]:
    """Each task-list section with its status: not started, in progress, completed, problem."""
    from submissions.enums import Section, SectionStatus, SubmissionStatus
    from submissions.forms import SECTIONS
    from submissions.services.submit import submission_problems

    problems: dict[str, list[str]] = {}
    for section, message in submission_problems(submission):
        problems.setdefault(section, []).append(message)
    returned = {}
    if submission.status == SubmissionStatus.RETURNED:
        from submissions.selectors_review import review_comment_sections

        returned = review_comment_sections(submission)
        for section, count in returned.items():
            if section:
                problems.setdefault(section, []).append(
                    ngettext(
                        "%(n)d comment from the association",
                        "%(n)d comments from the association",
                        count,
                    )
                    % {"n": count}
                )
    state = submission.section_state or {}
    rows = []
    for key, spec in SECTIONS.items():
        saved = state.get(key)
        if returned.get(key):
            status = SectionStatus.PROBLEM
        elif saved is None:
            status = SectionStatus.NOT_STARTED
        elif saved == SectionStatus.COMPLETED and problems.get(key):
            status = SectionStatus.PROBLEM
        elif saved == SectionStatus.COMPLETED:
            status = SectionStatus.COMPLETED
        else:
            status = SectionStatus.IN_PROGRESS
        rows.append({"key": key, "title": spec.title, "status": status,
                     "problems": problems.get(key, [])})  # fmt: skip
    evidence = len(submission.evidence.all())
    rows.append({
        "key": Section.EVIDENCE, "title": Section.EVIDENCE.label,
        "status": SectionStatus.COMPLETED if evidence else SectionStatus.NOT_STARTED,
        "problems": [], "count": evidence,
    })  # fmt: skip
    return rows
