from django.conf import settings

from submissions.rules import user_base, user_role


def roles(request):
    """The signed-in person's role and base, for the navigation."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"role": None, "user_base": None}
    return {
        "role": user_role(user),
        "user_base": user_base(user),
        "session_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": settings.SESSION_WARNING_SECONDS,
    }
