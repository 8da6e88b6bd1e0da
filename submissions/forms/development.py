"""(二) 开发规模: areas, land shares, road density; the list of amenities."""

from __future__ import annotations

from submissions.forms.base import SectionForm
from submissions.models import Submission


class DevelopmentForm(SectionForm):
    class Meta:
        model = Submission
        fields = [
            "land_area_ha", "office_area_m2", "industrial_land_ratio", "public_space_ratio",
            "road_density",
        ]  # fmt: skip
