"""Landing pages: everyone starts at `home`, which sends each role where its work is."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render

from submissions.enums import Role
from submissions.models import Submission
from submissions.rules import user_base, user_role
from submissions.selectors import campaign_get_current


def session_keepalive(request):
    """Renew the session (SESSION_SAVE_EVERY_REQUEST) and say how long it now lasts."""
    request.session["keepalive"] = True
    return JsonResponse({"expires_in": settings.SESSION_COOKIE_AGE})


def home(request):
    role = user_role(request.user)
    if role == Role.OPERATOR:
        return redirect("operator_home")
    if role in (Role.REVIEWER, Role.VIEWER, Role.ADMINISTRATOR):
        return redirect("dashboard")
    return render(request, "submissions/no_role.html", status=403)


def operator_home(request):
    base = user_base(request.user)
    if base is None:
        raise PermissionDenied
    campaign = campaign_get_current()
    submission = latest_version = None
    if campaign is not None:
        submission = Submission.objects.filter(base=base, campaign=campaign).first()
        if submission is not None:
            latest_version = submission.versions.order_by("-number").first()
    return render(
        request,
        "submissions/operator_home.html",
        {"base": base, "campaign": campaign, "submission": submission,
         "latest_version": latest_version},
    )  # fmt: skip
