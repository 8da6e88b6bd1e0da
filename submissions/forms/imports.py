"""A draft in the interchange format (JSON import) as the POST data of each section's form.

Going through the section forms means an import is validated by exactly the rules of the pages.
"""

from __future__ import annotations

from django.http import QueryDict

from submissions.enums import AmenityKind, Section, SubSectorName
from submissions.forms import SECTIONS, SectionForms
from submissions.forms.lists import ACTIVITY_FORMS, CARRIER_TYPES, OTHER, SERVICE_CENTER_TYPES
from submissions.models.submission import QUALITATIVE_FIELDS


def _text(value) -> str:
    if value is None:
        return ""
    if value is True:
        return "True"
    if value is False:
        return "False"
    return str(value)


def _rows(relation: str, items: list) -> list[dict]:
    rows = []
    for item in items or []:
        if relation == "sub_sectors":
            name = str(item).strip()
            known = name in SubSectorName.values and name != OTHER
            rows.append({"name": name if known else OTHER, "other_name": "" if known else name})
        elif relation == "amenities":
            label = str(item).strip()
            known = label in AmenityKind.values and label != OTHER
            rows.append({"kind": label if known else OTHER, "description": "" if known else label})
        elif relation == "quality_enterprises":
            rows.append({"name": item.get("name"), "credit_code": item.get("credit_code"),
                         "revenue": item.get("revenue"),
                         "categories": list(item.get("categories") or [])})  # fmt: skip
        elif relation in ("innovation_carriers", "service_centers"):
            kinds = CARRIER_TYPES if relation == "innovation_carriers" else SERVICE_CENTER_TYPES
            kind = item.get("type") or ""
            description = item.get("description") or ""
            if kind not in kinds:
                description = " ".join(p for p in (kind, description) if p)
                kind = OTHER
            rows.append({"name": item.get("name"), "type": kind, "description": description})
        elif relation == "investment_channels":
            rows.append({"name": item.get("name"), "description": item.get("description")})
        elif relation == "activities":
            form = item.get("form") or ""
            rows.append({"title": item.get("title"), "date": item.get("date"),
                         "form": form if form in ACTIVITY_FORMS else (OTHER if form else "")})  # fmt: skip
    return rows


def section_data(section: str, data: dict, *, lock_version: int) -> QueryDict:
    """The POST a person would send on `section` to enter `data` (the interchange `data`)."""
    spec = SECTIONS[section]
    post = QueryDict(mutable=True)
    post["lock_version"] = str(lock_version)
    qualitative = data.get("qualitative") or {}
    descriptions = data.get("qualitative_descriptions") or {}
    for name in spec.form_class.base_fields:
        if name in QUALITATIVE_FIELDS:
            post[name] = _text(qualitative.get(name))
        elif name.endswith("_desc"):
            post[name] = _text(descriptions.get(name.removesuffix("_desc")))
        else:
            post[name] = _text(data.get(name))
    for formset in spec.formsets:
        rows = _rows(formset.relation, data.get(formset.relation))
        post[f"{formset.relation}-TOTAL_FORMS"] = str(len(rows))
        post[f"{formset.relation}-INITIAL_FORMS"] = "0"
        for i, row in enumerate(rows):
            for key, value in row.items():
                if key == "categories":
                    post.setlist(f"{formset.relation}-{i}-categories", value)
                else:
                    post[f"{formset.relation}-{i}-{key}"] = _text(value)
    return post


def import_forms(submission, data: dict) -> dict[str, SectionForms]:
    """Bound, validated section forms for every section the interchange format carries."""
    result = {}
    for key, spec in SECTIONS.items():
        if key == Section.BASIC:
            continue
        forms = SectionForms.build(
            spec, submission, section_data(key, data, lock_version=submission.lock_version)
        )
        forms.is_valid()
        result[key] = forms
    return result


def import_diff(submission, forms_by_section: dict[str, SectionForms]) -> list[dict]:
    """What applying the import would change: per section, field, current and new value."""
    from submissions.forms.answers import _display, _row_text
    from submissions.forms.base import UNITS
    from submissions.services.drafts import _comparable, _stored_rows

    changes = []
    for forms in forms_by_section.values():
        values = forms.values()
        for name, new in values.items():
            current = getattr(submission, name)
            if _comparable(current) != _comparable(new):
                unit = "" if name in QUALITATIVE_FIELDS or name.endswith("_desc") else (
                    UNITS.get(name, ""))  # fmt: skip
                changes.append({
                    "section": forms.spec.title, "label": forms.form.fields[name].label,
                    "current": _display(current, unit) or "—", "new": _display(new, unit) or "—",
                })  # fmt: skip
        for relation, rows in forms.list_rows().items():
            mine = [{k: _comparable(v) for k, v in row.items()} for row in rows]
            if _stored_rows(submission, relation) != mine:
                title = next(fs.title for fs in forms.formsets if fs.relation == relation)
                current = [_row_text(relation, i) for i in getattr(submission, relation).all()]
                changes.append({
                    "section": forms.spec.title, "label": title,
                    "current": f"{len(current)}", "new": f"{len(rows)}",
                })  # fmt: skip
    return changes
