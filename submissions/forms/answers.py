"""Every stored value of a section as label/text pairs, for the check-your-answers page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from submissions.enums import Section
from submissions.forms.base import UNITS
from submissions.models.submission import QUALITATIVE_FIELDS
from submissions.selectors import plain_number


def _display(value, unit: str = "") -> str:
    if value is None or value == "":
        return ""
    if value is True:
        return _("Yes, we have this")
    if value is False:
        return _("No")
    if unit:
        return f"{plain_number(value)} {unit}"
    return str(value)


def _row_text(relation: str, item) -> str:
    if relation == "sub_sectors":
        return item.display_name
    if relation == "quality_enterprises":
        parts = [item.name, item.credit_code]
        if item.revenue is not None:
            parts.append(f"{plain_number(item.revenue)} 万元")
        labels = [str(f.verbose_name) for f in type(item)._meta.fields if f.name in item.categories]
        return " · ".join(p for p in [*parts, "、".join(labels)] if p)
    if relation == "amenities":
        return item.label
    if relation == "activities":
        return " · ".join(p for p in (item.date.isoformat(), item.title, item.form) if p)
    return " · ".join(p for p in (item.name, getattr(item, "type", ""), item.description) if p)


def section_answers(spec, submission) -> dict:
    """{"spec", "items": [(field, label, text)], "lists": [(relation, title, [text])]}."""
    form = spec.form_class(instance=submission.base if spec.key == Section.BASIC else submission)
    target = form.instance
    items = []
    for name, field in form.fields.items():
        value = getattr(target, name)
        if name in QUALITATIVE_FIELDS or name.endswith("_desc"):
            items.append((name, field.label, _display(value)))
        else:
            items.append((name, field.label, _display(value, UNITS.get(name, ""))))
    rows = [
        (fs.relation, fs.title, [_row_text(fs.relation, i) for i in getattr(submission,
                                                                             fs.relation).all()])
        for fs in spec.formsets
    ]  # fmt: skip
    return {"spec": spec, "items": items, "lists": rows}
