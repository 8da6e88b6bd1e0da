"""Security headers on every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_headers(client):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_scripts_in_pages(client, operator_a, campaign):
    """Every <script> has a src: the CSP would block inline code."""
    client.force_login(operator_a)
    for url in (reverse("login"), reverse("operator_home")):
        html = client.get(url).content.decode()
        for chunk in html.split("<script")[1:]:
            assert chunk.lstrip().startswith("src="), chunk[:80]


def test_session_keepalive_renews(client, operator_a):
    client.force_login(operator_a)
    response = client.get(reverse("session_keepalive"))
    assert response.json()["expires_in"] == 7200
