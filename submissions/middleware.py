"""Chinese first: the UI language is 简体中文 unless the person picked another with the switch."""


class ChineseFirstMiddleware:
    """Ignore the browser's Accept-Language so LocaleMiddleware falls back to LANGUAGE_CODE.

    Operators' browsers are often set up in English; the assessment is a Chinese process, so the
    language changes only through the explicit switch (its cookie is still honoured).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy (no inline scripts) and a restrictive Permissions-Policy."""

    def __init__(self, get_response):
        from django.conf import settings

        self.policy = settings.CONTENT_SECURITY_POLICY
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        return response
