"""The association's dashboard for the current campaign (replaces the foundation placeholder)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from submissions.rules import can_review, is_association_staff
from submissions.selectors import campaign_get_current
from submissions.selectors_review import dashboard_get


@require_GET
def dashboard(request):
    if not is_association_staff(request.user):
        raise PermissionDenied
    campaign = campaign_get_current()
    board = dashboard_get(campaign=campaign) if campaign else None
    return render(
        request,
        "review/dashboard.html",
        {"campaign": campaign, "board": board, "can_act": can_review(request.user)},
    )
