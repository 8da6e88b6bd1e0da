"""Stored results: explained later, re-scored after a benchmark change, feeding next year."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from evaluation.models import EvaluationResult
from evaluation.selectors import base_previous_outcome
from submissions.demo_data import fill_submission
from submissions.services.submit import (
    submission_accept,
    submission_get_or_create,
    submission_submit,
)
from tests import factories

pytestmark = pytest.mark.django_db


def submitted(base, campaign, user, **fill):
    submission = fill_submission(submission_get_or_create(base=base, campaign=campaign), **fill)
    return submission_submit(submission_id=submission.pk, user=user, declaration=True)


def test_result_keeps_input_and_criteria_version(base_a, campaign, operator_a):
    version = submitted(base_a, campaign, operator_a)
    result = EvaluationResult.objects.get(version=version)
    assert result.criteria_version == campaign.criteria_set.version
    assert result.input["data"]["occupancy_rate"] == 86.5
    codes = [row["code"] for row in result.output["indicators"]]
    assert codes[:3] == ["1", "S1", "2"] and len(codes) == 25


def test_rescore_after_benchmark_correction_flips_indicator_4(base_a, campaign, operator_a):
    """Software revenue grew 20 %: met at a 10 % benchmark, not met once staff correct it to 25 %."""
    version = submitted(base_a, campaign, operator_a)
    row4 = next(r for r in version.evaluation.output["indicators"] if r["code"] == "4")
    assert row4["status"] == "met"
    campaign.shanghai_growth_avg = Decimal("25.00")
    campaign.save()
    assert campaign_rescore_count(campaign) == 1
    result = EvaluationResult.objects.get(version=version)
    row4 = next(r for r in result.output["indicators"] if r["code"] == "4")
    assert row4["status"] == "not_met"
    assert result.verdict == "fail"
    assert result.outcome == "rectification"
    assert result.input["campaign"]["shanghai_growth_avg"] == 25.0


def campaign_rescore_count(campaign):
    from evaluation.services import campaign_rescore

    return campaign_rescore(campaign=campaign)


def test_admin_action_rescores(client, admin_user, base_a, campaign, operator_a):
    submitted(base_a, campaign, operator_a)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:submissions_campaign_changelist"),
        {"action": "rescore", "_selected_action": [campaign.pk]},
        follow=True,
    )
    assert "1 条结果已重新评分" in response.content.decode()


def test_last_years_accepted_outcome_becomes_previous_outcome(
    base_a, campaign, operator_a, reviewer_user
):
    """A demonstration base that failed last year (整改) and fails again: 建议撤销."""
    last_year = factories.CampaignFactory(
        year=2023, title="2023年度评估", deadline=dt.datetime(2099, 1, 1, tzinfo=factories.SHANGHAI)
    )
    old = submitted(base_a, last_year, operator_a, occupancy=Decimal("60"))
    assert old.evaluation.outcome == "rectification"
    submission_accept(submission=old.submission, user=reviewer_user)
    assert base_previous_outcome(base_id=base_a.pk, year=2024) == "rectification"
    version = submitted(base_a, campaign, operator_a, occupancy=Decimal("60"))
    assert version.snapshot["base"]["previous_outcome"] == "rectification"
    assert version.evaluation.outcome == "revocation_recommended"


def test_unaccepted_results_do_not_become_history(base_a, campaign, operator_a):
    last_year = factories.CampaignFactory(year=2023, title="2023年度评估")
    submitted(base_a, last_year, operator_a, occupancy=Decimal("60"))
    assert base_previous_outcome(base_id=base_a.pk, year=2024) is None
