"""Helpers for the form tests: a filled draft and the POST data a section page would send."""

from __future__ import annotations

from decimal import Decimal

from submissions.enums import QualityCategory
from submissions.forms import SECTIONS
from submissions.forms.lists import row_initial
from submissions.models import Submission


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def section_post(
    submission: Submission,
    section: str,
    values: dict | None = None,
    lists: dict[str, list[dict]] | None = None,
    **extra,
) -> dict:
    """What the browser posts for `section`: the stored values, with `values`/`lists` replacing."""
    spec = SECTIONS[section]
    target = submission.base if section == "basic" else submission
    form = spec.form_class(instance=target)
    from submissions.views.form import draft_token

    data = {"lock_version": str(submission.lock_version), "draft_token": draft_token(submission)}
    for name in form.fields:
        data[name] = _text(getattr(target, name))
    for name, value in (values or {}).items():
        data[name] = _text(value) if not isinstance(value, str) else value
    for formset in spec.formsets:
        relation = formset.relation
        if lists and relation in lists:
            rows = lists[relation]
        else:
            rows = [row_initial(relation, item) for item in getattr(submission, relation).all()]
        data[f"{relation}-TOTAL_FORMS"] = str(len(rows))
        data[f"{relation}-INITIAL_FORMS"] = "0"
        for i, row in enumerate(rows):
            for key, value in row.items():
                if key == "categories":
                    data[f"{relation}-{i}-categories"] = list(value)
                else:
                    data[f"{relation}-{i}-{key}"] = _text(value)
    data.update(extra)
    return data


def enterprise_row(n: int, **kw) -> dict:
    from submissions.demo_data import enterprise_code

    row = {"name": f"测试优质企业{n:02d}有限公司", "credit_code": enterprise_code(9000 + n),
           "revenue": "2500.5", "categories": [QualityCategory.LISTED]}  # fmt: skip
    row.update(kw)
    return row
