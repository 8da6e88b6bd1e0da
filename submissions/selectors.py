"""Reads of the submissions domain."""

from __future__ import annotations

from django.utils import timezone

from submissions.enums import CampaignStatus
from submissions.models import Campaign


def campaign_get_current() -> Campaign | None:
    """The open campaign, or else the most recent one that has opened."""
    campaign = (
        Campaign.objects.filter(status=CampaignStatus.OPEN).select_related("criteria_set").first()
    )
    if campaign is None:
        campaign = (
            Campaign.objects.filter(opens_at__lte=timezone.now())
            .select_related("criteria_set")
            .order_by("-year")
            .first()
        )
    return campaign
