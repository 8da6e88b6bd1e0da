"""The printable copy's content as plain data: built from a frozen snapshot (or a draft's case).

Everything printed comes from the snapshot and the evaluation output stored with the version, so
the paper copy shows exactly what was submitted and judged. Only the base's registry details that
the snapshot does not carry (batch, operating company, credit code) are read from the Base row.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from submissions.enums import QualityCategory, Section

# The data fields of each section, in the form's order; labels and units come from the criteria
# file's `fields` (name_zh, unit), so the paper copy uses the notice's own terms.
SECTION_FIELDS: list[tuple[str, list[str], list[str], list[str]]] = [
    # (section, number fields, qualitative rows, list tables)
    (
        Section.INDUSTRY,
        [
            "revenue_total", "revenue_main_industry", "revenue_software",
            "revenue_software_prev", "enterprises_total", "enterprises_with_ip",
            "enterprises_total_prev", "enterprises_with_ip_prev", "employees_software",
        ],
        [],
        ["sub_sectors", "quality_enterprises"],
    ),
    (
        Section.DEVELOPMENT,
        ["land_area_ha", "office_area_m2", "sub_parks", "industrial_land_ratio",
         "public_space_ratio", "road_density"],
        [],
        ["amenities"],
    ),
    (
        Section.ENTERPRISE,
        ["occupancy_rate"],
        ["policies", "investment_department"],
        ["innovation_carriers", "investment_channels"],
    ),
    (Section.SERVICE, [], ["operations_management"], ["service_centers", "activities"]),
    (Section.GREEN, [], ["smart_infrastructure", "smart_platform", "green_measures"], []),
]  # fmt: skip

STATUS_LABELS = {
    "met": "Met",
    "not_met": "Not met",
    "not_applicable": "Not applicable",
    "missing": "Missing",
}


def format_number(value: Any) -> str:
    """Digits grouped by thousands, decimals kept as entered; an absent value is a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{Decimal(str(value)):,f}"
    if isinstance(value, Decimal):
        return f"{value:,f}"
    return str(value)


def format_size(size: int | None) -> str:
    if size is None:
        return "—"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _status_labels() -> dict[str, str]:
    return {key: _(label) for key, label in STATUS_LABELS.items()}


def _field(fields: dict, name: str) -> tuple[str, str]:
    meta = fields.get(name, {})
    return meta.get("name_zh", name), meta.get("unit", "")


def _tables(data: dict, fields: dict) -> dict[str, dict]:
    """The seven editable lists as printable tables (caption, headers, rows of text)."""
    category_labels = {value: str(label) for value, label in QualityCategory.choices}
    n = _("No.")
    tables = {
        "sub_sectors": {
            "widths": [10, 90],
            "headers": [n, _("Sub-sector")],
            "rows": [[name] for name in data.get("sub_sectors") or []],
        },
        "quality_enterprises": {
            "widths": [7, 30, 25, 13, 25],
            "headers": [n, _("Enterprise name"), _("Unified social credit code"),
                        _("Revenue (10,000 yuan)"), _("Categories")],
            "rows": [
                [e.get("name", ""), e.get("credit_code", ""), format_number(e.get("revenue")),
                 "、".join(category_labels.get(c, c) for c in e.get("categories") or [])]
                for e in data.get("quality_enterprises") or []
            ],
        },
        "amenities": {
            "widths": [10, 90],
            "headers": [n, _("Amenity")],
            "rows": [[label] for label in data.get("amenities") or []],
        },
        "innovation_carriers": {
            "widths": [7, 28, 20, 45],
            "headers": [n, _("Name"), _("Type"), _("Description")],
            "rows": [[c.get("name", ""), c.get("type", ""), c.get("description", "")]
                     for c in data.get("innovation_carriers") or []],
        },
        "investment_channels": {
            "widths": [7, 38, 55],
            "headers": [n, _("Channel or platform"), _("Description")],
            "rows": [[c.get("name", ""), c.get("description", "")]
                     for c in data.get("investment_channels") or []],
        },
        "service_centers": {
            "widths": [7, 28, 20, 45],
            "headers": [n, _("Name"), _("Type"), _("Description")],
            "rows": [[c.get("name", ""), c.get("type", ""), c.get("description", "")]
                     for c in data.get("service_centers") or []],
        },
        "activities": {
            "widths": [7, 53, 20, 20],
            "headers": [n, _("Title"), _("Date"), _("Form")],
            "rows": [[a.get("title", ""), a.get("date", ""), a.get("form", "")]
                     for a in data.get("activities") or []],
        },
    }  # fmt: skip
    for key, table in tables.items():
        name, unit = _field(fields, key)
        table["caption"] = name
        table["count"] = f"{len(table['rows'])} {unit}".strip()
    return tables


def _sections(data: dict, fields: dict) -> list[dict]:
    tables = _tables(data, fields)
    descriptions = data.get("qualitative_descriptions") or {}
    qualitative = data.get("qualitative") or {}
    sections = []
    for section, numbers, declared, lists in SECTION_FIELDS:
        rows = []
        for name in numbers:
            label, unit = _field(fields, name)
            rows.append({"label": label, "unit": unit, "value": format_number(data.get(name))})
        declared_rows = []
        for name in declared:
            label, _unit = _field(fields, f"qualitative.{name}")
            answer = qualitative.get(name)
            declared_rows.append(
                {
                    "label": label,
                    "answer": "—" if answer is None else (_("Yes") if answer else _("No")),
                    "description": descriptions.get(name, "") or "",
                }
            )
        sections.append(
            {
                "title": Section(section).label,
                "rows": rows,
                "declared": declared_rows,
                "tables": [tables[key] for key in lists],
            }
        )
    return sections


def _indicator_value(value: Any, fields: dict) -> str:
    if isinstance(value, dict):
        return "；".join(
            f"{_field(fields, key)[0]} {format_number(item)}" for key, item in value.items()
        )
    if isinstance(value, list):
        return "、".join(format_number(item) for item in value)
    return format_number(value)


def _evaluation(output: dict | None, definition: dict, profile: str) -> dict | None:
    """The evaluation table in the criteria file's order, with the notice's original wording."""
    if not output:
        return None
    fields = definition.get("fields", {})
    labels = _status_labels()
    by_code = {row["code"]: row for row in output.get("indicators", [])}
    rows = []
    for indicator in definition.get("indicators", []):
        result = by_code.get(indicator["code"])
        if result is None:
            continue
        unit = indicator.get("unit", "")
        value = _indicator_value(result.get("value"), fields)
        if unit and value not in ("—", _("Yes"), _("No")) and unit not in value:
            value = f"{value} {unit}"
        rows.append(
            {
                "code": indicator["code"],
                "name": indicator.get("name_zh", result.get("name", "")),
                "original": (indicator.get("original") or {}).get(profile, ""),
                "value": value,
                "status": result["status"],
                "result": labels.get(result["status"], result["status"]),
                "provisional": result.get("provisional", False),
            }
        )
    outcome_labels = definition.get("outcomes", {}).get("labels", {})
    score = output.get("score", {})
    return {
        "rows": rows,
        "verdict": _("Met") if output.get("verdict") == "pass" else _("Not met"),
        "outcome": outcome_labels.get(output.get("outcome"), output.get("outcome", "")),
        "met": score.get("met"),
        "applicable": score.get("applicable"),
    }


def verification_url(code: str) -> str:
    return f"{settings.SITE_URL}{reverse('verify')}?code={code}"


def build_document(
    *,
    snapshot: dict,
    evaluation_output: dict | None,
    criteria_definition: dict,
    base,
    campaign,
    version=None,
) -> dict[str, Any]:
    """The template context of the printable copy; `version` None means a draft preview."""
    data = snapshot.get("data", {})
    fields = criteria_definition.get("fields", {})
    profile = base.profile
    profile_names = {p["code"]: p["name_zh"] for p in criteria_definition.get("profiles", [])}
    year = (snapshot.get("campaign") or {}).get("year") or campaign.year
    title = _("%(year)s Shanghai software and information service industry base assessment") % {
        "year": year
    }
    if version is not None:
        submitted_at = timezone.localtime(version.submitted_at)
        created = version.submitted_at
    else:
        submitted_at = None
        created = timezone.now()
    evidence = [
        {
            "name": item.get("name", ""),
            "indicator": item.get("indicator", "") or "—",
            "size": format_size(item.get("size")),
            "sha": (item.get("sha256") or "")[:12],
        }
        for item in snapshot.get("evidence") or []
    ]
    return {
        "is_draft": version is None,
        "title": title,
        "base": base,
        "base_name": (snapshot.get("base") or {}).get("name") or base.name,
        "profile_name": profile_names.get(profile, ""),
        "campaign": campaign,
        "version": version,
        "receipt_number": version.receipt_number if version else "",
        "verification_code": version.verification_code if version else "",
        "verify_url": verification_url(version.verification_code) if version else "",
        "submitted_at": submitted_at,
        "created_iso": created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "sub_parks": format_number(data.get("sub_parks")),
        "sections": _sections(data, fields),
        "evaluation": _evaluation(evaluation_output, criteria_definition, profile),
        "evidence": evidence,
    }
