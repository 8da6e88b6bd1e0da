"""The operator's section forms: one module per section, the list formsets in `lists`.

`SECTIONS` is the task list's order; `SectionForms` binds a section's form and formsets together.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from submissions.enums import Section
from submissions.forms import lists
from submissions.forms.basic import BasicForm
from submissions.forms.development import DevelopmentForm
from submissions.forms.enterprise import EnterpriseForm
from submissions.forms.green import GreenForm
from submissions.forms.industry import IndustryForm
from submissions.forms.service import ServiceForm
from submissions.models.submission import QUALITATIVE_FIELDS


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: object
    form_class: type
    formsets: tuple = ()
    indicators: tuple[str, ...] = ()
    intro: object = ""


SECTIONS: dict[str, SectionSpec] = {
    s.key: s
    for s in (
        SectionSpec(Section.BASIC, _("Basic information"), BasicForm, (), ("S2",),
                    _("Check the base's details; the association keeps its profile and sub-parks.")),
        SectionSpec(Section.INDUSTRY, _("(1) Industry level"), IndustryForm,
                    (lists.SubSectorFormSet, lists.QualityEnterpriseFormSet),
                    ("1", "S1", "2", "3", "4", "5", "6", "7")),
        SectionSpec(Section.DEVELOPMENT, _("(2) Development scale"), DevelopmentForm,
                    (lists.AmenityFormSet,), ("8", "S2", "9", "10", "11", "12")),
        SectionSpec(Section.ENTERPRISE, _("(3) Enterprise cultivation and attraction"),
                    EnterpriseForm, (lists.InnovationCarrierFormSet, lists.InvestmentChannelFormSet),
                    ("13", "14", "15", "16", "17")),
        SectionSpec(Section.SERVICE, _("(4) Park services"), ServiceForm,
                    (lists.ServiceCenterFormSet, lists.ActivityFormSet), ("18", "19", "20")),
        SectionSpec(Section.GREEN, _("(5) Green and smart"), GreenForm, (), ("21", "22", "23")),
    )
}  # fmt: skip
SECTION_ORDER = [*SECTIONS, Section.EVIDENCE]


def next_section(key: str) -> str | None:
    index = SECTION_ORDER.index(key)
    return SECTION_ORDER[index + 1] if index + 1 < len(SECTION_ORDER) else None


def _interchange_number(value):
    if isinstance(value, Decimal):
        normalized = value.normalize()
        return (
            int(normalized) if normalized == normalized.to_integral_value() else float(normalized)
        )
    return value


@dataclass
class SectionForms:
    """A section's main form and its list formsets, bound or unbound, validated together."""

    spec: SectionSpec
    form: object
    formsets: list = field(default_factory=list)

    @classmethod
    def build(cls, spec: SectionSpec, submission, data=None, *, readonly: bool = False):
        instance = submission.base if spec.key == Section.BASIC else submission
        if data is not None:
            # A bound ModelForm writes the posted values onto its instance while validating;
            # the page still needs the stored draft (diffs, warnings), so the form gets a copy.
            instance = copy.copy(instance)
        form = spec.form_class(data, instance=instance, readonly=readonly)
        formsets = []
        for formset_class in spec.formsets:
            relation = formset_class.relation
            initial = None
            if data is None:
                initial = [lists.row_initial(relation, item)
                           for item in getattr(submission, relation).all()]  # fmt: skip
            formsets.append(
                formset_class(data, initial=initial, prefix=relation, readonly=readonly)
            )
        return cls(spec, form, formsets)

    def is_valid(self) -> bool:
        results = [self.form.is_valid(), *(fs.is_valid() for fs in self.formsets)]
        return all(results)

    def values(self) -> dict:
        """Fields of the main form that passed validation."""
        return self.form.valid_values()

    def list_rows(self, *, only_valid: bool = True) -> dict[str, list[dict]]:
        """Rows of each list whose whole table is valid (a table with an error is left out)."""
        rows = {}
        for formset in self.formsets:
            if formset.is_valid() or not only_valid:
                rows[formset.relation] = formset.rows()
        return rows

    def overrides(self) -> dict:
        """The unsaved values in the interchange format, for the live preview."""
        data = {}
        qualitative = {}
        for name, value in self.values().items():
            if name in QUALITATIVE_FIELDS:
                qualitative[name] = value
            elif not name.endswith("_desc"):
                data[name] = _interchange_number(value)
        if qualitative:
            data["qualitative"] = qualitative
        for relation, rows in self.list_rows().items():
            data[relation] = [lists.row_interchange(relation, row) for row in rows]
        return data

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor id, message) for every error, in page order (the GOV.UK error summary)."""
        items: list[tuple[str, str]] = []
        form = self.form
        if form.is_bound:
            for name, errors in form.errors.items():
                if name == "__all__":
                    items += [("section-form", str(e)) for e in errors]
                    continue
                label = form.fields[name].label
                items += [(form[name].auto_id, f"{label}：{e}") for e in errors]
        for formset in self.formsets:
            if not formset.is_bound:
                continue
            items += [(f"list-{formset.relation}", f"{formset.title}：{e}")
                      for e in formset.non_form_errors()]  # fmt: skip
            for number, row in enumerate(formset.forms, start=1):
                for name, errors in row.errors.items():
                    label = row.fields[name].label if name in row.fields else ""
                    anchor = row[name].auto_id if name in row.fields else f"list-{formset.relation}"
                    for e in errors:
                        items.append((
                            anchor,
                            _("%(list)s, row %(n)s, %(field)s: %(error)s")
                            % {"list": formset.title, "n": number, "field": label, "error": e},
                        ))  # fmt: skip
        return items
