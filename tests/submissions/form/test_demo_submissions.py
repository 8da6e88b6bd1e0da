"""seed_demo gains drafts and submissions in every state, once."""

import pytest
from django.core.management import call_command

from submissions.models import Submission, SubmissionVersion

pytestmark = pytest.mark.django_db


def states():
    return dict(Submission.objects.filter(campaign__year=2024).values_list("base__code", "status"))


def test_seed_demo_creates_every_state_once():
    call_command("seed_demo")
    first = states()
    assert first["JD-01"] == "draft"
    assert first["CN-01"] == "draft"
    assert first["BS-01"] == "submitted"
    assert first["QP-01"] == "returned"
    assert first["HK-01"] == "accepted"
    half = Submission.objects.get(base__code="CN-01")
    assert half.section_state["industry"] == "completed"
    assert half.revenue_total is not None and half.occupancy_rate is None
    returned = Submission.objects.get(base__code="QP-01")
    assert "入驻率" in returned.events.get(to_status="returned").comment
    versions = SubmissionVersion.objects.count()
    call_command("seed_demo")
    assert states() == first
    assert SubmissionVersion.objects.count() == versions
