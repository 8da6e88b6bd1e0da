"""(一) 产业能级: revenues, enterprises, employment; lists of sub-sectors and quality enterprises."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from submissions.forms.base import SectionForm, not_greater
from submissions.models import Submission


class IndustryForm(SectionForm):
    class Meta:
        model = Submission
        fields = [
            "revenue_total", "revenue_main_industry", "revenue_software", "revenue_software_prev",
            "enterprises_total", "enterprises_with_ip", "enterprises_total_prev",
            "enterprises_with_ip_prev", "employees_software",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        not_greater(
            self,
            "revenue_software",
            "revenue_total",
            _("Software revenue cannot be more than the total revenue."),
        )
        not_greater(
            self,
            "revenue_main_industry",
            "revenue_total",
            _("Main-industry revenue cannot be more than the total revenue."),
        )
        not_greater(
            self,
            "enterprises_with_ip",
            "enterprises_total",
            _("Enterprises with intellectual property cannot outnumber all enterprises."),
        )
        not_greater(
            self,
            "enterprises_with_ip_prev",
            "enterprises_total_prev",
            _("Enterprises with intellectual property cannot outnumber all enterprises."),
        )
        return cleaned  # fmt: skip
