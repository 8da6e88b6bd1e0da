import pytest

from submissions.demo_data import fill_submission
from submissions.services.submit import (
    submission_accept,
    submission_get_or_create,
    submission_return,
    submission_submit,
)
from tests import factories


@pytest.fixture
def make_submission(campaign, reviewer_user):
    """A base's submission in the given state: draft (filled), submitted, returned, accepted."""

    def make(state: str, base=None, operator=None, **fill):
        base = base or factories.BaseFactory()
        operator = operator or factories.operator_of(base)
        submission = fill_submission(submission_get_or_create(base=base, campaign=campaign), **fill)
        if state == "draft":
            return submission
        submission_submit(submission_id=submission.pk, user=operator, declaration=True,
                          ip="10.1.2.3")  # fmt: skip
        if state == "returned":
            submission_return(submission=submission, user=reviewer_user, comment="请补充材料")
        elif state == "accepted":
            submission_accept(submission=submission, user=reviewer_user)
        submission.refresh_from_db()
        return submission

    return make


@pytest.fixture
def submitted_a(make_submission, base_a, operator_a):
    return make_submission("submitted", base=base_a, operator=operator_a)
