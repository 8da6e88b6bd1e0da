import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from submissions.enums import profile_code
from submissions.models import Base, Campaign, Membership
from submissions.rules import user_role

pytestmark = pytest.mark.django_db


def snapshot():
    user_model = get_user_model()
    return (
        list(Base.objects.values_list("code", "name", "kind", "level", "batch")),
        list(Campaign.objects.values_list("year", "deadline", "shanghai_growth_avg")),
        list(user_model.objects.order_by("username").values_list("username", "password")),
        list(Membership.objects.values_list("user__username", "base__code")),
    )


def test_seed_demo_twice_changes_nothing(capsys):
    call_command("seed_demo")
    first = snapshot()
    out = capsys.readouterr().out
    assert "demo-operator-2024" in out
    call_command("seed_demo")
    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out


def test_seed_demo_covers_every_profile_and_batch():
    call_command("seed_demo")
    bases = list(Base.objects.all())
    assert len(bases) == 12
    assert {profile_code(b.kind, b.level) for b in bases} == {"CD", "CC", "SD", "SC"}
    assert {b.batch for b in bases} == {2021, 2022, 2023}
    campaign = Campaign.objects.get(year=2024)
    assert campaign.deadline.date().isoformat() == "2025-01-27"
    assert campaign.growth_avg_is_provisional
    roles = {u.username: user_role(u) for u in get_user_model().objects.all()}
    assert roles["reviewer1"] == "reviewer"
    assert roles["viewer"] == "viewer"
    assert roles["admin"] == "administrator"
    assert sum(1 for r in roles.values() if r == "operator") == 12
