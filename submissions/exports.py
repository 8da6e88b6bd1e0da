"""The campaign's results as an Excel workbook (openpyxl) and the main sheet as CSV.

One row per active base: the latest submitted version's inputs, computed figures, each
indicator's status, verdict, outcome, review state and paper copy. Numbers are stored as numbers,
headers are Chinese (labels from the criteria file and the translation catalog). A constant number
of queries, whatever the number of bases.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from evaluation.models import EvaluationResult
from submissions.interchange import NUMBER_FIELDS
from submissions.models import Base, Campaign, SubmissionVersion
from submissions.models.submission import QUALITATIVE_FIELDS
from submissions.selectors_review import (
    LIST_KEYS,
    choice_labels,
    computed_figures,
    submissions_annotated,
)
from submissions.templatetags.review_tags import INDICATOR_STATUS, VERDICTS

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADER_FONT = Font(bold=True)
HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")
CHECK = "✓"


def _num(value: Any) -> int | float | None:
    """A JSON number as a number for Excel; anything else (None, text) as None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _label(fields: dict, key: str) -> str:
    meta = fields.get(key, {})
    unit = meta.get("unit")
    name = meta.get("name_zh", key)
    return f"{name}（{unit}）" if unit else name


def _collect(campaign: Campaign):
    """Bases, their submissions and latest versions with results: four queries."""
    bases = list(Base.objects.filter(is_active=True).order_by("code"))
    submissions = {s.base_id: s for s in submissions_annotated(campaign)}
    version_ids = [s.latest_version_id for s in submissions.values() if s.latest_version_id]
    versions = {
        v.pk: v
        for v in SubmissionVersion.objects.filter(pk__in=version_ids).only(
            "id", "number", "snapshot", "receipt_number", "submitted_at"
        )
    }
    results = {
        r.version_id: r
        for r in EvaluationResult.objects.filter(version_id__in=version_ids).only(
            "version_id", "output", "verdict", "outcome", "met", "applicable", "is_final"
        )
    }
    return bases, submissions, versions, results


def main_table(campaign: Campaign) -> tuple[list[str], list[list[Any]], dict[str, list]]:
    """Headers, one row per base, and the list sheets' rows (keyed by list name)."""
    definition = campaign.criteria_set.definition
    fields = definition.get("fields", {})
    indicators = definition.get("indicators", [])
    labels = (definition.get("outcomes") or {}).get("labels", {})
    bases, submissions, versions, results = _collect(campaign)
    names = choice_labels()
    status_labels = names["status"]
    indicator_labels = {code: str(label) for code, (label, _css) in INDICATOR_STATUS.items()}
    verdict_labels = {code: str(label) for code, (label, _css) in VERDICTS.items()}
    yes, no = _("Yes"), _("No")

    headers = [
        _("Base code"), _("Base name"), _("Kind"), _("Level"), _("Batch"), _("District"),
        _("Operating company"), _("Review state"), _("Version"), _("Receipt number"),
        _("Submitted at"), _("Paper copy received on"),
    ]  # fmt: skip
    headers += [_label(fields, key) for key in NUMBER_FIELDS]
    headers.append(_label(fields, "sub_parks"))
    headers += [_label(fields, key) for key in LIST_KEYS]
    headers += [fields.get(f"qualitative.{n}", {}).get("name_zh", n) for n in QUALITATIVE_FIELDS]
    computed_labels = [f"{c['label']}（%）" for c in computed_figures({})]
    headers += computed_labels
    headers += [f"{i['code']} {i['name_zh'][:20]}" for i in indicators]
    headers += [_("Indicators met"), _("Indicators applicable"), _("Verdict"), _("Outcome"),
                _("Eligible profiles"), _("Final")]  # fmt: skip

    rows: list[list[Any]] = []
    lists: dict[str, list] = defaultdict(list)
    for base in bases:
        submission = submissions.get(base.pk)
        version = versions.get(submission.latest_version_id) if submission else None
        result = results.get(version.pk) if version else None
        data = (version.snapshot.get("data") if version else None) or {}
        if submission is None:
            state = _("Not started")
        else:
            state = status_labels.get(submission.status, submission.status)
        submitted_at = (
            timezone.localtime(version.submitted_at).replace(tzinfo=None) if version else None
        )
        row: list[Any] = [
            base.code, base.name, names["kind"][base.kind], names["level"][base.level], base.batch,
            names["district"][base.district], base.company_name, str(state),
            version.number if version else None, version.receipt_number if version else None,
            submitted_at, submission.paper_received_on if submission else None,
        ]  # fmt: skip
        row += [_num(data.get(key)) for key in NUMBER_FIELDS]
        row.append(_num(data.get("sub_parks")))
        row += [len(data[key]) if version and data.get(key) is not None else None
                for key in LIST_KEYS]  # fmt: skip
        qual = data.get("qualitative") or {}
        row += [
            None if qual.get(n) is None else (yes if qual.get(n) else no)
            for n in QUALITATIVE_FIELDS
        ]
        row += [_num(c["value"]) for c in computed_figures(data)]
        statuses = {i["code"]: i["status"] for i in (result.output if result else {}).get(
            "indicators", [])}  # fmt: skip
        row += [indicator_labels.get(statuses.get(i["code"])) for i in indicators]
        output = result.output if result else {}
        row += [
            result.met if result else None,
            result.applicable if result else None,
            verdict_labels.get(result.verdict) if result else None,
            labels.get(result.outcome, result.outcome) if result else None,
            "、".join(output.get("eligible_profiles") or []) if result else None,
            (CHECK if result.is_final else None) if result else None,
        ]
        rows.append(row)
        if version:
            _list_rows(lists, base, data)
    return headers, rows, lists


def _list_rows(lists: dict[str, list], base: Base, data: dict) -> None:
    key = [base.code, base.name]
    for name in data.get("sub_sectors") or []:
        lists["sub_sectors"].append([*key, name])
    for e in data.get("quality_enterprises") or []:
        cats = set(e.get("categories") or [])
        lists["quality_enterprises"].append(
            [
                *key,
                e.get("name"),
                e.get("credit_code"),
                _num(e.get("revenue")),
                *[(CHECK if c in cats else None) for c in CATEGORY_CODES],
            ]  # fmt: skip
        )
    for a in data.get("amenities") or []:
        lists["amenities"].append([*key, a])
    for c in data.get("innovation_carriers") or []:
        lists["innovation_carriers"].append([*key, c.get("name"), c.get("type"),
                                             c.get("description")])  # fmt: skip
    for c in data.get("investment_channels") or []:
        lists["investment_channels"].append([*key, c.get("name"), c.get("description")])
    for c in data.get("service_centers") or []:
        lists["service_centers"].append([*key, c.get("name"), c.get("type"),
                                         c.get("description")])  # fmt: skip
    for a in data.get("activities") or []:
        date = a.get("date")
        try:
            date = dt.date.fromisoformat(date) if date else None
        except ValueError:
            pass
        lists["activities"].append([*key, a.get("title"), date, a.get("form")])


CATEGORY_CODES = ["revenue_over_100m", "key_software", "revenue_over_20m", "listed",
                  "new_financing"]  # fmt: skip


def _list_headers() -> dict[str, list[str]]:
    from submissions.enums import QualityCategory

    key = [_("Base code"), _("Base name")]
    return {
        "quality_enterprises": [*key, _("Enterprise name"), _("Unified social credit code"),
                                _("Revenue (10,000 yuan)"),
                                *[str(QualityCategory(c).label) for c in CATEGORY_CODES]],
        "activities": [*key, _("Activity"), _("Date"), _("Form")],
        "investment_channels": [*key, _("Channel or platform"), _("Description")],
        "innovation_carriers": [*key, _("Name"), _("Type"), _("Description")],
        "service_centers": [*key, _("Name"), _("Type"), _("Description")],
        "sub_sectors": [*key, _("Sub-sector")],
        "amenities": [*key, _("Amenity")],
    }  # fmt: skip


def _write_sheet(
    wb: Workbook,
    *,
    title: str,
    headers: list[str],
    rows: list[list[Any]],
    widths: list[int],
    freeze: str,
) -> None:
    """One sheet in write-only mode (streamed: several times faster than cell by cell).

    Layout (frozen header, column widths) must be set before the first row is written; the
    filter range is written at the end.
    """
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = freeze
    for index in range(1, len(headers) + 1):
        width = widths[index - 1] if index <= len(widths) else 14
        ws.column_dimensions[get_column_letter(index)].width = width
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
        header_cells.append(cell)
    ws.append(header_cells)
    for row in rows:
        ws.append(row)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def workbook_build(*, campaign: Campaign) -> Workbook:
    """The whole campaign as a workbook: 汇总 (one row per base) and one sheet per list."""
    with translation.override("zh-hans"):
        headers, rows, lists = main_table(campaign)
        list_headers = _list_headers()
        fields = campaign.criteria_set.definition.get("fields", {})
        wb = Workbook(write_only=True)
        _write_sheet(wb, title=_("Summary"), headers=headers, rows=rows,
                     widths=[10, 26, 10, 8, 8, 10, 28, 10, 6, 18, 17, 12], freeze="C2")  # fmt: skip
        order = ["quality_enterprises", "activities", "investment_channels",
                 "innovation_carriers", "service_centers", "sub_sectors", "amenities"]  # fmt: skip
        for key in order:
            _write_sheet(wb, title=fields.get(key, {}).get("name_zh", key),
                         headers=list_headers[key], rows=lists.get(key, []),
                         widths=[10, 26, 30, 22], freeze="A2")  # fmt: skip
    return wb


def workbook_bytes(*, campaign: Campaign) -> bytes:
    buffer = io.BytesIO()
    workbook_build(campaign=campaign).save(buffer)
    return buffer.getvalue()


def csv_text(*, campaign: Campaign) -> str:
    """The main sheet as CSV, with a byte-order mark so that Excel reads it as UTF-8."""
    with translation.override("zh-hans"):
        headers, rows, _lists = main_table(campaign)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(
            [
                v.strftime("%Y-%m-%d %H:%M") if isinstance(v, dt.datetime)
                else v.isoformat() if isinstance(v, dt.date)
                else "" if v is None else v
                for v in row
            ]
        )  # fmt: skip
    return out.getvalue()


def export_filename(campaign: Campaign, ext: str) -> str:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return f"assessment-{campaign.year}-{stamp}.{ext}"
