"""(五) 绿色智慧: the three declared rows with their descriptions."""

from __future__ import annotations

from submissions.forms.base import SectionForm, yes_no_field
from submissions.models import Submission


class GreenForm(SectionForm):
    qualitative = ("smart_infrastructure", "smart_platform", "green_measures")
    smart_infrastructure = yes_no_field(
        Submission._meta.get_field("smart_infrastructure").verbose_name
    )
    smart_platform = yes_no_field(Submission._meta.get_field("smart_platform").verbose_name)
    green_measures = yes_no_field(Submission._meta.get_field("green_measures").verbose_name)

    class Meta:
        model = Submission
        fields = [
            "smart_infrastructure", "smart_infrastructure_desc", "smart_platform",
            "smart_platform_desc", "green_measures", "green_measures_desc",
        ]  # fmt: skip
