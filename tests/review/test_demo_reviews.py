"""The demo review activity: realistic states for a reviewer's first look, created once."""

import pytest
from django.urls import reverse

from submissions.demo import seed_demo
from submissions.demo_reviews import seed_demo_reviews
from submissions.models import ReviewComment, Submission

pytestmark = pytest.mark.django_db


def test_seed_demo_reviews_creates_each_state_once(client):
    created = seed_demo().created
    assert (
        sum(
            1
            for line in created
            if line.split()[0] in {"PD-01", "XH-01", "MH-01", "YP-01", "JA-01", "SJ-01"}
        )
        >= 6
    ), created
    states = dict(Submission.objects.values_list("base__code", "status"))
    assert states["PD-01"] == "submitted"
    assert states["XH-01"] == "returned"
    assert states["MH-01"] == "accepted"
    assert states["YP-01"] == "submitted"
    assert states["SJ-01"] == "draft"
    assert Submission.objects.get(base__code="YP-01").versions.count() == 2
    assert ReviewComment.objects.filter(submission__base__code="XH-01").count() == 2
    assert seed_demo_reviews() == []  # idempotent
    assert Submission.objects.get(base__code="YP-01").versions.count() == 2

    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="reviewer1"))
    html = client.get(reverse("dashboard")).content.decode()
    returned = Submission.objects.filter(status="returned").count()
    accepted = Submission.objects.filter(status="accepted").count()
    assert returned >= 1 and accepted >= 1
    assert f'data-count="returned">{returned}<' in html
    assert f'data-count="accepted">{accepted}<' in html
    returned = Submission.objects.get(base__code="XH-01")
    page = client.get(reverse("review_detail", args=[returned.pk])).content.decode()
    assert "创服活动场次不足" in page and "已驳回" in page
