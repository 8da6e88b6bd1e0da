"""The editable tables: one row form per list, and their formsets."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from submissions.enums import AmenityKind, QualityCategory, SubSectorName
from submissions.forms.base import RowForm, row_formset
from submissions.forms.base import money as money_field
from submissions.validators import validate_credit_code

OTHER = "其他"
CARRIER_TYPES = ["孵化器", "加速器", "众创空间", "技术研发中心", "实验室", "联合体", "工作站",
                 "协同攻关与体验推广中心", "产业联盟", OTHER]  # fmt: skip
SERVICE_CENTER_TYPES = ["投融资服务中心", "知识产权服务中心", "人才综合服务中心", "政策服务中心",
                        "技术交易中心", "市场对接中心", OTHER]  # fmt: skip
ACTIVITY_FORMS = ["产业论坛", "资本对接", "创业辅导", "技术交流", "政策宣讲", OTHER]


def _choices(values):
    return [("", "—"), *((v, v) for v in values)]


def _norm(value: str) -> str:
    return (value or "").replace("\u3000", " ").strip()


class SubSectorForm(RowForm):
    name = forms.ChoiceField(label=_("sub-sector"), choices=[("", "—"), *SubSectorName.choices])
    other_name = forms.CharField(label=_("name (for other)"), max_length=50, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") == SubSectorName.OTHER and not _norm(cleaned.get("other_name")):
            self.add_error("other_name", _("Give the name of this other sub-sector."))
        return cleaned

    def identity(self):
        name = self.cleaned_data.get("name")
        if name == SubSectorName.OTHER:
            return [_norm(self.cleaned_data.get("other_name"))]
        return [name or ""]

    def to_row(self):
        row = dict(self.cleaned_data)
        if row["name"] != SubSectorName.OTHER:
            row["other_name"] = ""
        return row


class QualityEnterpriseForm(RowForm):
    name = forms.CharField(label=_("enterprise name"), max_length=100)
    credit_code = forms.CharField(
        label=_("unified social credit code"), max_length=18, required=False
    )
    revenue = money_field(_("revenue"))
    categories = forms.MultipleChoiceField(
        label=_("categories"),
        choices=QualityCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one category.")},
    )

    def clean_credit_code(self):
        code = _norm(self.cleaned_data.get("credit_code")).upper()
        if code:
            validate_credit_code(code)
        return code

    def identity(self):
        code = self.cleaned_data.get("credit_code") or ""
        return [f"code:{code}" if code else "", "name:" + _norm(self.cleaned_data.get("name"))]

    def to_row(self):
        row = {k: self.cleaned_data[k] for k in ("name", "credit_code", "revenue")}
        row["name"] = _norm(row["name"])
        for category in QualityCategory.values:
            row[category] = category in self.cleaned_data["categories"]
        return row


class AmenityForm(RowForm):
    kind = forms.ChoiceField(label=_("kind"), choices=[("", "—"), *AmenityKind.choices])
    description = forms.CharField(label=_("description"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == AmenityKind.OTHER and not _norm(cleaned.get("description")):
            self.add_error("description", _("Name this other amenity in the description."))
        return cleaned

    def identity(self):
        kind = self.cleaned_data.get("kind")
        if kind == AmenityKind.OTHER:
            return ["other:" + _norm(self.cleaned_data.get("description"))]
        return [kind or ""]


class NamedTypeForm(RowForm):
    name = forms.CharField(label=_("name"), max_length=100)
    type = forms.ChoiceField(label=_("type"))
    description = forms.CharField(label=_("description"), max_length=300, required=False)

    def identity(self):
        return [_norm(self.cleaned_data.get("name"))]


class InnovationCarrierForm(NamedTypeForm):
    type = forms.ChoiceField(label=_("type"), choices=_choices(CARRIER_TYPES))


class ServiceCenterForm(NamedTypeForm):
    type = forms.ChoiceField(label=_("type"), choices=_choices(SERVICE_CENTER_TYPES))


class InvestmentChannelForm(RowForm):
    name = forms.CharField(label=_("channel or platform"), max_length=100)
    description = forms.CharField(label=_("description"), max_length=300, required=False)

    def identity(self):
        return [_norm(self.cleaned_data.get("name"))]


class ActivityForm(RowForm):
    title = forms.CharField(label=_("title"), max_length=150)
    date = forms.DateField(
        label=_("date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"],
    )
    form = forms.ChoiceField(label=_("form"), choices=_choices(ACTIVITY_FORMS), required=False)

    def identity(self):
        date = self.cleaned_data.get("date")
        return [f"{_norm(self.cleaned_data.get('title'))}@{date}"]


SubSectorFormSet = row_formset(
    SubSectorForm, relation="sub_sectors", title=_("Sub-sectors"), duplicate_field="name"
)
QualityEnterpriseFormSet = row_formset(
    QualityEnterpriseForm,
    relation="quality_enterprises",
    title=_("Quality enterprises"),
    duplicate_field="name",
)
AmenityFormSet = row_formset(
    AmenityForm, relation="amenities", title=_("Public amenities"), duplicate_field="kind"
)
InnovationCarrierFormSet = row_formset(
    InnovationCarrierForm,
    relation="innovation_carriers",
    title=_("Innovation carriers"),
    duplicate_field="name",
)
InvestmentChannelFormSet = row_formset(
    InvestmentChannelForm,
    relation="investment_channels",
    title=_("Investment platforms and channels"),
    duplicate_field="name",
)
ServiceCenterFormSet = row_formset(
    ServiceCenterForm,
    relation="service_centers",
    title=_("Enterprise service centres"),
    duplicate_field="name",
)
ActivityFormSet = row_formset(
    ActivityForm, relation="activities", title=_("Activities"), duplicate_field="title"
)


def row_initial(relation: str, item) -> dict:
    """A stored list row as the initial data of its row form."""
    if relation == "sub_sectors":
        return {"name": item.name, "other_name": item.other_name}
    if relation == "quality_enterprises":
        return {"name": item.name, "credit_code": item.credit_code, "revenue": item.revenue,
                "categories": item.categories}  # fmt: skip
    if relation == "amenities":
        return {"kind": item.kind, "description": item.description}
    if relation in ("innovation_carriers", "service_centers"):
        return {"name": item.name, "type": item.type, "description": item.description}
    if relation == "investment_channels":
        return {"name": item.name, "description": item.description}
    if relation == "activities":
        return {"title": item.title, "date": item.date, "form": item.form}
    raise KeyError(relation)


def row_interchange(relation: str, row: dict):
    """A cleaned row in the interchange format (for the live preview)."""
    if relation == "sub_sectors":
        return row["other_name"].strip() if row["name"] == SubSectorName.OTHER else row["name"]
    if relation == "quality_enterprises":
        return {"name": row["name"], "credit_code": row["credit_code"],
                "categories": [c for c in QualityCategory.values if row.get(c)]}  # fmt: skip
    if relation == "amenities":
        return row["description"].strip() if row["kind"] == AmenityKind.OTHER else row["kind"]
    if relation == "activities":
        return {"title": row["title"], "date": row["date"].isoformat(), "form": row["form"]}
    return {k: v for k, v in row.items()}
