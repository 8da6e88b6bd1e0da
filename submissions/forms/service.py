"""(四) 园区服务: operations management; lists of service centres and activities."""

from __future__ import annotations

from submissions.forms.base import SectionForm, yes_no_field
from submissions.models import Submission


class ServiceForm(SectionForm):
    qualitative = ("operations_management",)
    operations_management = yes_no_field(
        Submission._meta.get_field("operations_management").verbose_name
    )

    class Meta:
        model = Submission
        fields = ["operations_management", "operations_management_desc"]
