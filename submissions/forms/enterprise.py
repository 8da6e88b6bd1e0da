"""(三) 企业育引: occupancy, policies, investment department; carriers and channels lists."""

from __future__ import annotations

from submissions.forms.base import SectionForm, yes_no_field
from submissions.models import Submission


class EnterpriseForm(SectionForm):
    qualitative = ("policies", "investment_department")
    policies = yes_no_field(Submission._meta.get_field("policies").verbose_name)
    investment_department = yes_no_field(
        Submission._meta.get_field("investment_department").verbose_name
    )

    class Meta:
        model = Submission
        fields = [
            "occupancy_rate", "policies", "policies_desc", "investment_department",
            "investment_department_desc",
        ]  # fmt: skip
