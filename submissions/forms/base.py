"""Shared pieces of the section forms: units, number widgets, the row formsets, the error summary."""

from __future__ import annotations

from decimal import Decimal

from crispy_forms.bootstrap import AppendedText
from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

# The unit shown beside every number (input-group addon), by Submission field.
UNITS = {
    "revenue_total": "万元",
    "revenue_main_industry": "万元",
    "revenue_software": "万元",
    "revenue_software_prev": "万元",
    "enterprises_total": "家",
    "enterprises_with_ip": "家",
    "enterprises_total_prev": "家",
    "enterprises_with_ip_prev": "家",
    "employees_software": "人",
    "land_area_ha": "公顷",
    "office_area_m2": "m²",
    "industrial_land_ratio": "%",
    "public_space_ratio": "%",
    "road_density": "km/km²",
    "occupancy_rate": "%",
    "revenue": "万元",
}
WAN_YUAN = "万元"
MIN_DESCRIPTION = 20

YES_NO = [("True", _("Yes, we have this")), ("False", _("No"))]


NUMBER_MESSAGES = {
    "invalid": _("Enter a number using digits only, e.g. 1250.5."),
    "max_decimal_places": _("Use at most %(max)s decimal places."),
    "max_digits": _("The number is too long (at most %(max)s digits)."),
    "max_whole_digits": _("The number is too long (at most %(max)s digits before the point)."),
    "min_value": _("The value cannot be less than %(limit_value)s."),
    "max_value": _("The value cannot be more than %(limit_value)s."),
}
WHOLE_NUMBER_MESSAGES = {**NUMBER_MESSAGES, "invalid": _("Enter a whole number, e.g. 520.")}


def number_messages(field: forms.Field) -> None:
    """Clear Chinese messages for numbers (Django's own read awkwardly in Chinese)."""
    if isinstance(field, forms.DecimalField):
        field.error_messages.update(NUMBER_MESSAGES)
    elif isinstance(field, forms.IntegerField):
        field.error_messages.update(WHOLE_NUMBER_MESSAGES)


def number_widget(name: str, *, decimal: bool) -> forms.TextInput:
    """A text input (never type=number: the browser would drop what it cannot parse)."""
    attrs = {
        "inputmode": "decimal" if decimal else "numeric",
        "autocomplete": "off",
        "class": "form-control text-end",
        "data-number": name,
    }
    if UNITS.get(name) == WAN_YUAN:
        attrs["data-wan"] = "1"
    return forms.TextInput(attrs=attrs)


def yes_no_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "True",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def _skip_constraints(*args, **kwargs) -> None:
    return None


class SectionForm(forms.ModelForm):
    """A section's own fields of the Submission; numbers get units and text inputs."""

    qualitative: tuple[str, ...] = ()

    def __init__(self, *args, readonly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.DecimalField | forms.IntegerField):
                field.widget = number_widget(name, decimal=isinstance(field, forms.DecimalField))
                field.localize = False
                number_messages(field)
            if readonly:
                field.disabled = True
        for name in self.qualitative:
            self.fields[f"{name}_desc"].widget = forms.Textarea(attrs={"rows": 3})
            self.fields[f"{name}_desc"].label = _("Description (at least 20 characters)")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self.build_layout()

    def build_layout(self):
        from crispy_forms.layout import Layout

        parts = []
        for name in self.fields:
            if name in UNITS:
                parts.append(AppendedText(name, UNITS[name]))
            else:
                parts.append(name)
        return Layout(*parts)

    def clean(self):
        cleaned = super().clean()
        for name in self.qualitative:
            value = cleaned.get(name)
            desc = (cleaned.get(f"{name}_desc") or "").strip()
            if value and len(desc) < MIN_DESCRIPTION:
                self.add_error(
                    f"{name}_desc",
                    _("Describe it in at least %(n)s characters (now %(count)s).")
                    % {"n": MIN_DESCRIPTION, "count": len(desc)},
                )
        return cleaned

    def _post_clean(self):
        # The cross-field rules are checked in clean() with their own messages; the model's check
        # constraints would repeat them with one query each (the database still enforces them).
        self.instance.validate_constraints = _skip_constraints
        try:
            super()._post_clean()
        finally:
            del self.instance.validate_constraints

    def valid_values(self) -> dict:
        """The fields that passed validation (all of them when the form is valid)."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name in self.cleaned_data and name not in self.errors
        }


def not_greater(form: forms.Form, part: str, whole: str, message) -> None:
    """Cross-field rule: `part` ≤ `whole` when both were given; the error goes beside `part`."""
    a, b = form.cleaned_data.get(part), form.cleaned_data.get(whole)
    if a is not None and b is not None and a > b:
        form.add_error(part, message)


class RowForm(forms.Form):
    """One row of an editable table; a row left wholly blank is ignored, not an error."""

    def __init__(self, *args, readonly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False
        for field in self.fields.values():
            css = "form-check-input" if isinstance(field.widget, forms.CheckboxSelectMultiple) else (
                "form-select form-select-sm" if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm"
            )  # fmt: skip
            field.widget.attrs.setdefault("class", css)
            if readonly:
                field.disabled = True

    def has_changed(self) -> bool:
        if not self.is_bound:
            return False
        for name in self.fields:
            value = self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else (
                self.data.get(self.add_prefix(name))
            )  # fmt: skip
            if isinstance(value, list):
                if any(str(v).strip() for v in value):
                    return True
            elif value is not None and str(value).strip():
                return True
        return False

    def identity(self) -> list[str]:
        """Values that make two rows the same entry (duplicates are flagged)."""
        return []

    def to_row(self) -> dict:
        """The model fields of this row (cleaned)."""
        return dict(self.cleaned_data)


class RowFormSet(forms.BaseFormSet):
    """Rows kept in the order they were posted (the page reorders them by renumbering)."""

    relation: str = ""
    title = ""
    duplicate_field = ""

    def __init__(self, *args, readonly: bool = False, **kwargs):
        self.readonly = readonly
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"readonly": self.readonly}

    def filled_forms(self) -> list[RowForm]:
        return [f for f in self.forms if f.has_changed()]

    def clean(self):
        seen: dict[str, int] = {}
        for number, form in enumerate(self.forms, start=1):
            if not form.has_changed() or not hasattr(form, "cleaned_data"):
                continue
            for key in form.identity():
                if not key:
                    continue
                if key in seen:
                    form.add_error(
                        self.duplicate_field,
                        _("Same as row %(n)s: each entry may appear only once.") % {"n": seen[key]},
                    )
                    break
                seen[key] = number

    def rows(self) -> list[dict]:
        """The cleaned rows in posted order, blank rows dropped; call after is_valid()."""
        return [f.to_row() for f in self.forms if f.has_changed() and f.is_valid()]


def row_formset(form_class, formset_class=RowFormSet, **attrs):
    cls = forms.formset_factory(form_class, formset=formset_class, extra=0, max_num=200,
                                absolute_max=300, validate_max=True)  # fmt: skip
    for key, value in attrs.items():
        setattr(cls, key, value)
    return cls


def money(label, required: bool = False) -> forms.DecimalField:
    field = forms.DecimalField(
        label=label, required=required, min_value=Decimal(0), max_digits=14, decimal_places=2,
        widget=number_widget("revenue", decimal=True),
    )  # fmt: skip
    number_messages(field)
    return field
