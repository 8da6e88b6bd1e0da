"""Small display helpers for the association's pages."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

INDICATOR_STATUS = {
    "met": (_("Met"), "success"),
    "not_met": (_("Not met"), "danger"),
    "not_applicable": (_("Not applicable"), "secondary"),
    "missing": (_("Missing"), "warning"),
}
VERDICTS = {"pass": (_("Pass"), "success"), "fail": (_("Fail"), "danger")}
SUBMISSION_STATUS_CLASS = {
    "draft": "secondary",
    "submitted": "primary",
    "returned": "warning",
    "accepted": "success",
}
OUTCOME_CLASS = {
    "pass": "success",
    "rectification": "warning",
    "revocation_recommended": "danger",
    "tracking": "info",
}


@register.filter
def status_label(code):
    return INDICATOR_STATUS.get(code, (code, "secondary"))[0]


@register.filter
def status_class(code):
    return INDICATOR_STATUS.get(code, ("", "secondary"))[1]


@register.filter
def verdict_label(code):
    return VERDICTS.get(code, (code or "—", "secondary"))[0]


@register.filter
def verdict_class(code):
    return VERDICTS.get(code, ("", "secondary"))[1]


@register.filter
def submission_class(code):
    return SUBMISSION_STATUS_CLASS.get(code, "secondary")


@register.filter
def outcome_class(code):
    return OUTCOME_CLASS.get(code, "secondary")


@register.filter
def lookup(mapping, key):
    if not mapping:
        return ""
    return mapping.get(key, key)


@register.filter
def number(value):
    """Numbers with thousands separators; integers without decimals."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return value
    try:
        d = Decimal(str(value))
    except Exception:  # noqa: BLE001 — text values are shown as they are
        return value
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d:,.2f}".rstrip("0").rstrip(".")
