import pytest
from django.core import mail

from evaluation.models import EvaluationResult
from submissions.demo_data import fill_submission
from submissions.enums import SubmissionStatus
from submissions.exceptions import SubmissionError, TransitionNotAllowed
from submissions.services.submit import (
    submission_accept,
    submission_get_or_create,
    submission_return,
    submission_submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(base_a, campaign, operator_a):
    return fill_submission(submission_get_or_create(base=base_a, campaign=campaign))


def test_submit_freezes_scores_and_mails(draft, operator_a, django_capture_on_commit_callbacks):
    """Submitting freezes version 1, stores its evaluation, and e-mails after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        version = submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.SUBMITTED
    assert version.number == 1
    assert version.receipt_number == "2024-AA-01-V1"
    result = EvaluationResult.objects.get(version=version)
    assert result.verdict == "pass", result.output
    assert result.met == result.applicable == 25
    assert version.snapshot["data"]["revenue_total"] == 1250000
    subjects = sorted(m.subject for m in mail.outbox)
    assert any("甲基地" in s for s in subjects)
    assert len(mail.outbox) == 2


def test_second_submit_returns_the_same_version(draft, operator_a):
    first = submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    again = submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    assert first.pk == again.pk
    assert draft.versions.count() == 1


def test_incomplete_submission_lists_sections(base_a, campaign, operator_a):
    empty = submission_get_or_create(base=base_a, campaign=campaign)
    with pytest.raises(SubmissionError) as excinfo:
        submission_submit(submission_id=empty.pk, user=operator_a, declaration=True)
    sections = {section for section, _ in excinfo.value.details}
    assert {"industry", "development", "enterprise", "service", "green"} <= sections


def test_return_needs_a_reason_and_resubmission_makes_version_two(draft, operator_a, reviewer_user):
    submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    with pytest.raises(TransitionNotAllowed):
        submission_return(submission=draft, user=reviewer_user, comment="  ")
    submission_return(submission=draft, user=reviewer_user, comment="请补充入驻率证明")
    v2 = submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    assert v2.number == 2
    submission_accept(submission=draft, user=reviewer_user)
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.ACCEPTED
    assert EvaluationResult.objects.filter(version__submission=draft).count() == 2
    assert EvaluationResult.objects.get(version=v2).is_final
    assert list(draft.events.values_list("to_status", flat=True)) == [
        "submitted",
        "returned",
        "submitted",
        "accepted",
    ]


def test_operator_cannot_accept(draft, operator_a):
    submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    with pytest.raises(TransitionNotAllowed):
        submission_accept(submission=draft, user=operator_a)
