"""Reads of the association's workspace: dashboard, list, review page, results, statistics.

Every selector here runs a constant number of SQL queries, whatever the number of bases.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation.models import EvaluationResult
from evaluation.selectors import base_outcome_history
from submissions.enums import BaseKind, BaseLevel, Batch, District, SubmissionStatus
from submissions.models import (
    Base,
    Campaign,
    Evidence,
    ReviewComment,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from submissions.models.submission import QUALITATIVE_FIELDS

PAGE_SIZE = 50
# Which version-independent statuses count as "handed in".
HANDED_IN = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
LIST_KEYS = [
    "sub_sectors", "quality_enterprises", "amenities", "innovation_carriers",
    "investment_channels", "service_centers", "activities",
]  # fmt: skip
# Sort keys offered on the list page → ORM ordering.
SORTS = {
    "code": ("base__code",),
    "-code": ("-base__code",),
    "name": ("base__name",),
    "-name": ("-base__name",),
    "status": ("status", "base__code"),
    "updated": ("updated_at", "base__code"),
    "-updated": ("-updated_at", "base__code"),
    "submitted": ("latest_submitted_at", "base__code"),
    "-submitted": ("-latest_submitted_at", "base__code"),
    "score": ("latest_met", "base__code"),
    "-score": ("-latest_met", "base__code"),
}


def choice_labels() -> dict[str, dict]:
    """Display labels of the choices, translated once per call.

    Model.get_FOO_display() re-hashes the lazy choices on every call, which costs about a
    millisecond per row on a page of 50 rows; templates look labels up in these dicts instead.
    """
    return {
        name: {value: str(label) for value, label in choices}
        for name, choices in (
            ("kind", BaseKind.choices), ("level", BaseLevel.choices),
            ("district", District.choices), ("status", SubmissionStatus.choices),
            ("batch", Batch.choices),
        )
    }  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Shared annotations
# ---------------------------------------------------------------------------------------------


def _latest(field_name: str) -> Subquery:
    """The given column of the submission's newest version's evaluation."""
    return Subquery(
        EvaluationResult.objects.filter(version__submission=OuterRef("pk"))
        .order_by("-version__number")
        .values(field_name)[:1]
    )


def submissions_annotated(campaign: Campaign) -> QuerySet[Submission]:
    """The campaign's submissions with the latest version's number, date, verdict and outcome."""
    latest_version = SubmissionVersion.objects.filter(submission=OuterRef("pk")).order_by("-number")
    return (
        Submission.objects.filter(campaign=campaign)
        .select_related("base", "campaign")
        .annotate(
            latest_version_id=Subquery(latest_version.values("pk")[:1]),
            latest_number=Subquery(latest_version.values("number")[:1]),
            latest_submitted_at=Subquery(latest_version.values("submitted_at")[:1]),
            latest_verdict=_latest("verdict"),
            latest_outcome=_latest("outcome"),
            latest_met=_latest("met"),
            latest_applicable=_latest("applicable"),
        )
    )


# ---------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------


@dataclass
class Dashboard:
    campaign: Campaign
    total_bases: int = 0
    not_started: int = 0
    drafting: int = 0
    submitted: int = 0
    returned: int = 0
    accepted: int = 0
    late: int = 0
    paper_received: int = 0
    pending: list[dict[str, Any]] = field(default_factory=list)

    @property
    def handed_in(self) -> int:
        return self.submitted + self.accepted

    @property
    def progress_percent(self) -> int:
        return round(100 * self.handed_in / self.total_bases) if self.total_bases else 0


def dashboard_get(*, campaign: Campaign, now: dt.datetime | None = None) -> Dashboard:
    """Counts by state and the bases that have not handed in, with their last activity.

    "Not started" means no working copy yet, or one nobody has saved (edit version 1).
    "Late" means not handed in although the base's own deadline (with any extension) has passed.
    Queries: two.
    """
    now = now or timezone.now()
    board = Dashboard(campaign=campaign)
    bases = list(
        Base.objects.filter(is_active=True)
        .annotate(operator_count=Count("memberships", filter=Q(memberships__user__is_active=True)))
        .order_by("code")
    )
    submissions = {
        s.base_id: s
        for s in Submission.objects.filter(campaign=campaign).only(
            "id", "base_id", "status", "lock_version", "section_state", "updated_at",
            "deadline_extension", "paper_received_on",
        )
    }  # fmt: skip
    board.total_bases = len(bases)
    for base in bases:
        submission = submissions.get(base.pk)
        status = submission.status if submission else None
        deadline = (submission.deadline_extension if submission else None) or campaign.deadline
        if submission and submission.paper_received_on:
            board.paper_received += 1
        if status == SubmissionStatus.SUBMITTED:
            board.submitted += 1
            continue
        if status == SubmissionStatus.ACCEPTED:
            board.accepted += 1
            continue
        if status == SubmissionStatus.RETURNED:
            board.returned += 1
            state = "returned"
        elif submission is None or (submission.lock_version <= 1 and not submission.section_state):
            board.not_started += 1
            state = "not_started"
        else:
            board.drafting += 1
            state = "drafting"
        late = now > deadline
        board.late += late
        board.pending.append(
            {
                "base": base,
                "submission": submission,
                "state": state,
                "last_activity": submission.updated_at if submission and state != "not_started"
                else None,
                "deadline": deadline,
                "extended": bool(submission and submission.deadline_extension),
                "late": late,
                "operators": base.operator_count,
            }
        )  # fmt: skip
    return board


# ---------------------------------------------------------------------------------------------
# Submission list
# ---------------------------------------------------------------------------------------------


@dataclass
class ListFilters:
    q: str = ""
    status: str = ""
    kind: str = ""
    level: str = ""
    batch: str = ""
    district: str = ""
    verdict: str = ""
    outcome: str = ""
    paper: str = ""
    sort: str = "code"

    @classmethod
    def from_query(cls, query) -> ListFilters:
        """Read filters from request.GET; unknown values are ignored, never an error."""

        def pick(name: str, allowed) -> str:
            value = (query.get(name) or "").strip()
            return value if value in allowed else ""

        sort = (query.get("sort") or "code").strip()
        return cls(
            q=(query.get("q") or "").strip()[:50],
            status=pick("status", SubmissionStatus.values),
            kind=pick("kind", BaseKind.values),
            level=pick("level", BaseLevel.values),
            batch=pick("batch", [str(v) for v in Batch.values]),
            district=pick("district", District.values),
            verdict=pick("verdict", ["pass", "fail", "none"]),
            outcome=pick("outcome", ["pass", "rectification", "revocation_recommended",
                                     "tracking"]),
            paper=pick("paper", ["yes", "no"]),
            sort=sort if sort in SORTS else "code",
        )  # fmt: skip

    def querystring(self, **override) -> str:
        """The filters as a query string (for sort links and pagination)."""
        from urllib.parse import urlencode

        values = {**self.__dict__, **override}
        return urlencode({k: v for k, v in values.items() if v})


def submission_list(*, campaign: Campaign, filters: ListFilters) -> QuerySet[Submission]:
    """The campaign's submissions, filtered and sorted; one query per page, whatever the rows."""
    qs = submissions_annotated(campaign)
    if filters.q:
        qs = qs.filter(Q(base__name__icontains=filters.q) | Q(base__code__icontains=filters.q))
    if filters.status:
        qs = qs.filter(status=filters.status)
    for name in ("kind", "level", "batch", "district"):
        value = getattr(filters, name)
        if value:
            qs = qs.filter(**{f"base__{name}": value})
    if filters.verdict == "none":
        qs = qs.filter(latest_verdict__isnull=True)
    elif filters.verdict:
        qs = qs.filter(latest_verdict=filters.verdict)
    if filters.outcome:
        qs = qs.filter(latest_outcome=filters.outcome)
    if filters.paper == "yes":
        qs = qs.filter(paper_received_on__isnull=False)
    elif filters.paper == "no":
        qs = qs.filter(paper_received_on__isnull=True)
    return qs.order_by(*SORTS[filters.sort])


def submission_page(*, campaign: Campaign, filters: ListFilters, page: str | int | None) -> Page:
    return Paginator(submission_list(campaign=campaign, filters=filters), PAGE_SIZE).get_page(page)


# ---------------------------------------------------------------------------------------------
# Review page
# ---------------------------------------------------------------------------------------------


def review_submission_get(*, pk: int) -> Submission:
    """One submission with its base and campaign (staff only: callers check the role first)."""
    return Submission.objects.select_related("base", "campaign__criteria_set").get(pk=pk)


def _criteria_maps(definition: dict) -> tuple[dict[str, dict], dict[str, dict]]:
    indicators = {i["code"]: i for i in definition.get("indicators", [])}
    return indicators, definition.get("fields", {})


def _field_value(data: dict, name: str) -> Any:
    if name.startswith("qualitative."):
        return data.get("qualitative", {}).get(name.split(".", 1)[1])
    return data.get(name)


def _describe_field(data: dict, name: str, fields: dict) -> dict[str, Any]:
    """A field's label, unit and value as the review page shows it."""
    meta = fields.get(name, {})
    value = _field_value(data, name)
    shown: Any = value
    items: list[str] = []
    if isinstance(value, list):
        items = [_item_text(v) for v in value]
        shown = len(value)
    desc = ""
    if name.startswith("qualitative."):
        key = name.split(".", 1)[1]
        desc = data.get("qualitative_descriptions", {}).get(key, "")
    return {
        "name": name,
        "label": meta.get("name_zh", name),
        "unit": meta.get("unit", ""),
        "value": shown,
        "items": items,
        "description": desc,
        "is_bool": isinstance(value, bool),
    }


def _item_text(item: Any) -> str:
    if isinstance(item, dict):
        main = item.get("name") or item.get("title") or ""
        extra = [str(item[k]) for k in ("type", "date", "form") if item.get(k)]
        if item.get("categories"):
            extra.append(f"{len(item['categories'])}类")
        return f"{main}（{'，'.join(extra)}）" if extra else str(main)
    return str(item)


def _indicator_value(value: Any, fields: dict) -> Any:
    """The engine's value for display; an either-of row (8) gives one figure per field."""
    if isinstance(value, dict):
        parts = []
        for key, figure in value.items():
            meta = fields.get(key, {})
            shown = "—" if figure is None else figure
            parts.append(f"{meta.get('name_zh', key)} {shown} {meta.get('unit', '')}".strip())
        return "；".join(parts)
    return value


def _list_item_detail(item: Any) -> str:
    """A list row in full for the review page: name, code, type, date, revenue, categories."""
    if not isinstance(item, dict):
        return str(item)
    from submissions.enums import QualityCategory

    parts = [str(item.get("name") or item.get("title") or "")]
    for key in ("credit_code", "type", "date", "form"):
        if item.get(key):
            parts.append(str(item[key]))
    if item.get("revenue") not in (None, ""):
        parts.append(f"{item['revenue']:,} 万元" if isinstance(item["revenue"], int | float)
                     else f"{item['revenue']} 万元")  # fmt: skip
    if item.get("categories"):
        labels = dict(QualityCategory.choices)
        parts.append("、".join(str(labels.get(c, c)) for c in item["categories"]))
    if item.get("description"):
        parts.append(str(item["description"]))
    return " · ".join(parts)


@dataclass
class ReviewPage:
    submission: Submission
    versions: list[SubmissionVersion]
    latest: SubmissionVersion | None
    result: EvaluationResult | None
    rows: list[dict[str, Any]]
    categories: list[dict[str, Any]]
    lists: list[dict[str, Any]]
    qualitative: list[dict[str, Any]]
    general_comments: list[ReviewComment]
    events: list[SubmissionEvent]
    evidence: list[dict[str, Any]]
    history: list[dict[str, Any]]
    computed: list[dict[str, Any]]


def review_page_get(*, submission: Submission) -> ReviewPage:
    """Everything the review page shows; a constant number of queries (about eight)."""
    versions = list(
        submission.versions.select_related("evaluation", "submitted_by").order_by("-number")
    )
    latest = versions[0] if versions else None
    result = getattr(latest, "evaluation", None) if latest else None
    definition = (
        result.criteria_set.definition
        if result is not None and result.criteria_set_id == submission.campaign.criteria_set_id
        else submission.campaign.criteria_set.definition
    )
    indicators, fields = _criteria_maps(definition)
    profile = submission.base.profile
    data = (latest.snapshot.get("data", {}) if latest else {}) or {}
    comments = list(
        submission.review_comments.select_related("author", "version").order_by("created_at", "id")
    )
    by_indicator: dict[str, list[ReviewComment]] = defaultdict(list)
    general: list[ReviewComment] = []
    for comment in comments:
        (by_indicator[comment.indicator] if comment.indicator else general).append(comment)
    decisions = {d.indicator: d for d in submission.decisions.select_related("reviewer")}
    applied = (result.decisions or {}) if result else {}
    evidence_rows = list(submission.evidence.all())
    evidence_by_indicator: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence_rows:
        evidence_by_indicator[e.indicator].append(e)

    declared_codes = {code: name for name, code in QUALITATIVE_FIELDS.items()}
    rows = []
    output_rows = result.output.get("indicators", []) if result else []
    for out in output_rows:
        code = out["code"]
        spec = indicators.get(code, {})
        qual_name = declared_codes.get(code)
        rows.append(
            {
                "code": code,
                "name": out.get("name") or spec.get("name_zh", code),
                "category": spec.get("category", ""),
                "status": out["status"],
                "value": _indicator_value(out.get("value"), fields),
                "threshold": out.get("threshold", ""),
                "note": out.get("note", ""),
                "provisional": out.get("provisional", False),
                "original": (spec.get("original") or {}).get(profile, ""),
                "settled": spec.get("settled", ""),
                "fields": [_describe_field(data, f, fields) for f in spec.get("fields", [])],
                "comments": by_indicator.get(code, []),
                "declared": bool(qual_name and data.get("qualitative", {}).get(qual_name)),
                "decision": decisions.get(code),
                "applied": applied.get(code),
                "evidence": evidence_by_indicator.get(code, []),
            }
        )
    categories = result.output.get("categories", []) if result else []
    lists = [
        {
            "key": key,
            "label": fields.get(key, {}).get("name_zh", key),
            "unit": fields.get(key, {}).get("unit", ""),
            "items": [_list_item_detail(i) for i in data.get(key) or []],
        }
        for key in LIST_KEYS
    ]
    qualitative = [
        {
            "name": name,
            "code": code,
            "label": fields.get(f"qualitative.{name}", {}).get("name_zh", name),
            "value": data.get("qualitative", {}).get(name),
            "description": data.get("qualitative_descriptions", {}).get(name, ""),
        }
        for name, code in QUALITATIVE_FIELDS.items()
    ]
    manifest = latest.evidence_manifest if latest else []
    stored = {(e.original_name, e.sha256): e for e in evidence_rows}
    evidence = [
        {**item, "file": stored.get((item.get("name"), item.get("sha256")))} for item in manifest
    ]
    events = list(submission.events.select_related("actor", "version").order_by("at", "id"))
    return ReviewPage(
        submission=submission,
        versions=versions,
        latest=latest,
        result=result,
        rows=rows,
        categories=categories,
        lists=lists,
        qualitative=qualitative,
        general_comments=general,
        events=events,
        evidence=evidence,
        history=base_outcome_history(base_id=submission.base_id),
        computed=computed_figures(data),
    )


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _ratio(part: Any, whole: Any, *, growth: bool = False) -> Decimal | None:
    a, b = _dec(part), _dec(whole)
    if a is None or b is None or b <= 0:
        return None
    value = (a - b) / b * 100 if growth else a / b * 100
    return value.quantize(Decimal("0.01"))


def computed_figures(data: dict) -> list[dict[str, Any]]:
    """The shares, growth and ratios derived from the inputs (rounded to two decimals for display;
    the verdicts come from the engine's exact arithmetic)."""
    return [
        {"key": "main_share", "label": _("Main-industry revenue share"), "unit": "%",
         "value": _ratio(data.get("revenue_main_industry"), data.get("revenue_total"))},
        {"key": "software_share", "label": _("Software revenue share"), "unit": "%",
         "value": _ratio(data.get("revenue_software"), data.get("revenue_total"))},
        {"key": "software_growth", "label": _("Software revenue growth"), "unit": "%",
         "value": _ratio(data.get("revenue_software"), data.get("revenue_software_prev"),
                         growth=True)},
        {"key": "ip_ratio", "label": _("Share of enterprises with own IP"), "unit": "%",
         "value": _ratio(data.get("enterprises_with_ip"), data.get("enterprises_total"))},
        {"key": "ip_ratio_prev", "label": _("Share of enterprises with own IP, previous year"),
         "unit": "%", "value": _ratio(data.get("enterprises_with_ip_prev"),
                                      data.get("enterprises_total_prev"))},
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Version diff
# ---------------------------------------------------------------------------------------------


def _as_rows(items: list) -> list[str]:
    return [_item_text(i) for i in items or []]


def version_diff(
    *, old: SubmissionVersion, new: SubmissionVersion, fields: dict
) -> list[dict[str, Any]]:
    """Field-by-field differences between two snapshots: changed values, added/removed rows."""
    a = old.snapshot.get("data", {}) or {}
    b = new.snapshot.get("data", {}) or {}
    changes: list[dict[str, Any]] = []
    scalar_keys = [k for k in b.keys() | a.keys()
                   if k not in LIST_KEYS and k not in ("qualitative", "qualitative_descriptions")]  # fmt: skip
    order = list(fields)
    scalar_keys.sort(key=lambda k: (order.index(k) if k in order else 999, k))
    for key in scalar_keys:
        if a.get(key) != b.get(key):
            meta = fields.get(key, {})
            changes.append({"label": meta.get("name_zh", key), "unit": meta.get("unit", ""),
                            "old": a.get(key), "new": b.get(key), "kind": "value"})  # fmt: skip
    for name in QUALITATIVE_FIELDS:
        label = fields.get(f"qualitative.{name}", {}).get("name_zh", name)
        old_v = (a.get("qualitative") or {}).get(name)
        new_v = (b.get("qualitative") or {}).get(name)
        if old_v != new_v:
            changes.append({"label": label, "unit": "", "old": old_v, "new": new_v,
                            "kind": "value"})  # fmt: skip
        old_d = (a.get("qualitative_descriptions") or {}).get(name, "")
        new_d = (b.get("qualitative_descriptions") or {}).get(name, "")
        if old_d != new_d:
            changes.append({"label": _("Description of %(item)s") % {"item": label}, "unit": "",
                            "old": old_d, "new": new_d, "kind": "text"})  # fmt: skip
    for key in LIST_KEYS:
        old_rows, new_rows = _as_rows(a.get(key)), _as_rows(b.get(key))
        removed = [r for r in old_rows if r not in new_rows]
        added = [r for r in new_rows if r not in old_rows]
        if removed or added:
            changes.append({"label": fields.get(key, {}).get("name_zh", key), "unit": "",
                            "removed": removed, "added": added, "kind": "list",
                            "old": len(old_rows), "new": len(new_rows)})  # fmt: skip
    old_files = {(e.get("name"), e.get("sha256")) for e in old.evidence_manifest or []}
    new_files = {(e.get("name"), e.get("sha256")) for e in new.evidence_manifest or []}
    if old_files != new_files:
        changes.append({"label": _("Evidence files"), "unit": "", "kind": "list",
                        "removed": sorted(n for n, _s in old_files - new_files),
                        "added": sorted(n for n, _s in new_files - old_files),
                        "old": len(old_files), "new": len(new_files)})  # fmt: skip
    return changes


# ---------------------------------------------------------------------------------------------
# For the operator's pages (issue 4 includes templates/review/includes/_operator_comments.html)
# ---------------------------------------------------------------------------------------------


def review_comments_for_operator(submission: Submission) -> dict[str, list[ReviewComment]]:
    """The reviewers' comments on the latest submitted version, keyed by what they concern.

    The key is the indicator code ("7", "S1") when the comment concerns an indicator, else the
    field name, else "" for a comment on the whole submission. Empty when nothing was submitted.
    One query (two with the version lookup).
    """
    latest = submission.versions.order_by("-number").values_list("pk", flat=True).first()
    if latest is None:
        return {}
    grouped: dict[str, list[ReviewComment]] = defaultdict(list)
    for comment in ReviewComment.objects.filter(
        submission=submission, version_id=latest, resolved=False
    ).select_related("author"):
        grouped[comment.indicator or comment.field or ""].append(comment)
    return dict(grouped)


def review_comment_sections(
    submission: Submission, comments: dict[str, list[ReviewComment]] | None = None
) -> dict[str, int]:
    """How many open comments concern each form section, for highlighting the task list.

    The criteria file's categories (industry, development, enterprise, service, green) are the
    form's section keys; a comment on the whole submission counts under "". Pass the result of
    review_comments_for_operator() to avoid reading the comments twice.
    """
    if comments is None:
        comments = review_comments_for_operator(submission)
    definition = submission.campaign.criteria_set.definition
    section_of = {i["code"]: i.get("category", "") for i in definition.get("indicators", [])}
    counts: dict[str, int] = defaultdict(int)
    for key, items in comments.items():
        counts[section_of.get(key, "")] += len(items)
    return dict(counts)


# ---------------------------------------------------------------------------------------------
# Results and statistics
# ---------------------------------------------------------------------------------------------


def results_list(*, campaign: Campaign) -> list[dict[str, Any]]:
    """Per base: latest verdict, outcome, eligible profiles and the earlier years' outcomes."""
    submissions = list(
        submissions_annotated(campaign)
        .filter(latest_version_id__isnull=False)
        .order_by("base__code")
    )
    version_ids = [s.latest_version_id for s in submissions]
    eligible = dict(
        EvaluationResult.objects.filter(version_id__in=version_ids).values_list(
            "version_id", "output__eligible_profiles"
        )
    )
    earlier: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for base_id, year, outcome in (
        EvaluationResult.objects.filter(
            is_final=True,
            version__submission__base_id__in=[s.base_id for s in submissions],
            version__submission__campaign__year__lt=campaign.year,
        )
        .order_by("-version__submission__campaign__year")
        .values_list("version__submission__base_id", "version__submission__campaign__year",
                     "outcome")
    ):  # fmt: skip
        earlier[base_id].append((year, outcome))
    return [
        {
            "submission": s,
            "base": s.base,
            "eligible": eligible.get(s.latest_version_id) or [],
            "earlier": earlier.get(s.base_id, []),
        }
        for s in submissions
    ]


REVENUE_BUCKETS = [(0, 30_000), (30_000, 100_000), (100_000, 300_000), (300_000, 1_000_000),
                   (1_000_000, None)]  # fmt: skip
EMPLOYMENT_BUCKETS = [(0, 180), (180, 600), (600, 1_800), (1_800, 4_800), (4_800, None)]
OCCUPANCY_BUCKETS = [(0, 60), (60, 75), (75, 90), (90, None)]


def _bucket_label(low, high, unit: str, scale: int = 1, scaled_unit: str = "") -> str:
    u = scaled_unit or unit
    lo = f"{low / scale:g}"
    if high is None:
        return f"≥ {lo} {u}"
    return f"{lo}–{high / scale:g} {u}"


def _distribution(values: list[Decimal], buckets, **label) -> list[dict[str, Any]]:
    counts = []
    for low, high in buckets:
        n = sum(1 for v in values if v >= low and (high is None or v < high))
        counts.append({"label": _bucket_label(low, high, **label), "count": n})
    top = max((c["count"] for c in counts), default=0) or 1
    for c in counts:
        c["width"] = round(100 * c["count"] / top)
    return counts


def statistics_get(*, campaign: Campaign) -> dict[str, Any]:
    """Pass rate of each indicator by profile, distributions, outcomes by batch (3 queries)."""
    rows = list(
        EvaluationResult.objects.filter(
            version_id__in=Subquery(
                submissions_annotated(campaign)
                .filter(latest_version_id__isnull=False)
                .values("latest_version_id")
            )
        ).values_list(
            "output__indicators", "input__data__revenue_total",
            "input__data__employees_software", "input__data__occupancy_rate", "outcome",
            "version__submission__base__kind", "version__submission__base__level",
            "version__submission__base__batch",
        )
    )  # fmt: skip
    definition = campaign.criteria_set.definition
    profiles = [p["code"] for p in definition.get("profiles", [])]
    indicator_specs = definition.get("indicators", [])
    met: dict[tuple[str, str], int] = Counter()
    applicable: dict[tuple[str, str], int] = Counter()
    by_profile: Counter = Counter()
    revenue, employment, occupancy = [], [], []
    outcomes_by_batch: dict[int, Counter] = defaultdict(Counter)
    for indicators, revenue_total, employees, occupancy_rate, outcome, kind, level, batch in rows:
        profile = ("C" if kind == BaseKind.COMPREHENSIVE else "S") + (
            "D" if level == BaseLevel.DEMONSTRATION else "C"
        )
        by_profile[profile] += 1
        for ind in indicators or []:
            if ind["status"] == "not_applicable":
                continue
            applicable[(ind["code"], profile)] += 1
            met[(ind["code"], profile)] += ind["status"] == "met"
        for target, raw in ((revenue, revenue_total), (employment, employees),
                            (occupancy, occupancy_rate)):  # fmt: skip
            value = _dec(raw)
            if value is not None:
                target.append(value)
        outcomes_by_batch[batch][outcome] += 1
    pass_rates = []
    for spec in indicator_specs:
        cells = []
        for profile in profiles:
            n = applicable[(spec["code"], profile)]
            m = met[(spec["code"], profile)]
            rate = round(100 * m / n) if n else None
            cells.append({"profile": profile, "met": m, "applicable": n, "rate": rate})
        pass_rates.append({"code": spec["code"], "name": spec["name_zh"], "cells": cells})
    outcome_codes = ["pass", "rectification", "revocation_recommended", "tracking"]
    top = max((sum(c.values()) for c in outcomes_by_batch.values()), default=0) or 1
    batches = [
        {
            "batch": batch,
            "total": sum(outcomes_by_batch[batch].values()),
            "parts": [
                {"outcome": o, "count": outcomes_by_batch[batch][o],
                 "width": round(100 * outcomes_by_batch[batch][o] / top)}
                for o in outcome_codes
            ],
        }
        for batch in sorted(outcomes_by_batch)
    ]  # fmt: skip
    return {
        "count": len(rows),
        "profiles": profiles,
        "by_profile": [{"profile": p, "count": by_profile[p]} for p in profiles],
        "pass_rates": pass_rates,
        "revenue": _distribution(revenue, REVENUE_BUCKETS, unit="万元", scale=10_000,
                                 scaled_unit="亿元"),
        "employment": _distribution(employment, EMPLOYMENT_BUCKETS, unit="人"),
        "occupancy": _distribution(occupancy, OCCUPANCY_BUCKETS, unit="%"),
        "batches": batches,
        "outcome_labels": (definition.get("outcomes") or {}).get("labels", {}),
    }  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Admin history and reminders
# ---------------------------------------------------------------------------------------------


def admin_changes_list(*, limit: int = 100) -> list[LogEntry]:
    """The admin's log of changes to bases, sub-parks, memberships and campaigns, newest first."""
    from submissions.models import Membership, SubPark

    types = ContentType.objects.get_for_models(Base, Campaign, SubPark, Membership).values()
    return list(
        LogEntry.objects.filter(content_type__in=list(types))
        .select_related("user", "content_type")
        .order_by("-action_time")[:limit]
    )


def reminder_targets(*, campaign: Campaign, base_ids: list[int] | None = None) -> list[dict]:
    """The bases that have not handed in (optionally only the chosen ones), with their operators'
    addresses and deadline. Queries: two."""
    handed_in = Submission.objects.filter(
        campaign=campaign, base=OuterRef("pk"), status__in=HANDED_IN
    )
    bases = Base.objects.filter(is_active=True).exclude(Exists(handed_in)).order_by("code")
    if base_ids is not None:
        bases = bases.filter(pk__in=base_ids)
    bases = bases.prefetch_related(
        Prefetch(
            "submissions",
            queryset=Submission.objects.filter(campaign=campaign).only(
                "id", "base_id", "status", "deadline_extension"
            ),
            to_attr="campaign_submissions",
        ),
        "memberships__user",
    )
    targets = []
    for base in bases:
        submission = base.campaign_submissions[0] if base.campaign_submissions else None
        recipients = [m.user.email for m in base.memberships.all()
                      if m.user.is_active and m.user.email]  # fmt: skip
        targets.append(
            {
                "base": base,
                "submission": submission,
                "deadline": (submission.deadline_extension if submission else None)
                or campaign.deadline,
                "recipients": recipients,
            }
        )  # fmt: skip
    return targets
