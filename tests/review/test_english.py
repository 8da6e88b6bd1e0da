"""The association's pages also work in English (the language switch)."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_review_pages_render_in_english(client, reviewer_user, submitted_a):
    client.force_login(reviewer_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("review_detail", args=[submitted_a.pk])).content.decode()
    assert "Return for revision" in html and "Indicators" in html
    assert "Submissions found: 1" in client.get(reverse("review_list")).content.decode()
    assert "Association dashboard" in client.get(reverse("dashboard")).content.decode()
