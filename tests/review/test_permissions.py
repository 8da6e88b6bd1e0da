"""Who may do what on the association's pages, in which state: everything else is refused."""

import pytest
from django.urls import reverse

from submissions.enums import SubmissionStatus
from submissions.models import IndicatorDecision, ReviewComment

pytestmark = pytest.mark.django_db

ROLES = ["operator_own", "operator_other", "reviewer_user", "viewer_user", "admin_user"]
ACTIONS = ["return", "accept", "comment", "confirm", "export"]
STATES = ["draft", "submitted", "returned", "accepted"]
# (action, state) pairs a reviewer or administrator may perform.
ALLOWED = {
    ("return", "submitted"), ("accept", "submitted"),
    ("comment", "submitted"), ("comment", "returned"),
    ("confirm", "submitted"),
    *(("export", s) for s in STATES),
}  # fmt: skip


def _act(client, action, submission):
    if action == "return":
        return client.post(reverse("review_return", args=[submission.pk]),
                           {"reason": "入驻率需核实"}, follow=True)  # fmt: skip
    if action == "accept":
        return client.post(reverse("review_accept", args=[submission.pk]), follow=True)
    if action == "comment":
        return client.post(reverse("review_comment", args=[submission.pk]),
                           {"indicator": "17", "text": "请附入驻企业名单"}, follow=True)  # fmt: skip
    if action == "confirm":
        return client.post(reverse("review_decision", args=[submission.pk]),
                           {"indicator": "13", "decision": "confirm"}, follow=True)  # fmt: skip
    return client.get(reverse("export_xlsx"))


def _effect(action, submission) -> bool:
    submission.refresh_from_db()
    if action == "return":
        return submission.status == SubmissionStatus.RETURNED
    if action == "accept":
        return submission.status == SubmissionStatus.ACCEPTED
    if action == "comment":
        return ReviewComment.objects.filter(submission=submission, indicator="17",
                                            text="请附入驻企业名单").exists()  # fmt: skip
    if action == "confirm":
        return IndicatorDecision.objects.filter(submission=submission, indicator="13").exists()
    return True


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_action_state_matrix(client, request, make_submission, base_a, operator_a,
                                  operator_b, role, action, state):  # fmt: skip
    """Reviewers and administrators act only where the workflow allows; a viewer reads and
    exports but every action is 403; operators get 404 (not even the existence is revealed)."""
    submission = make_submission(state, base=base_a, operator=operator_a)
    before = submission.status
    user = {"operator_own": operator_a, "operator_other": operator_b}.get(role) or (
        request.getfixturevalue(role)
    )
    client.force_login(user)
    response = _act(client, action, submission)
    if role.startswith("operator"):
        assert response.status_code == 404
        submission.refresh_from_db()
        assert submission.status == before
        assert not ReviewComment.objects.filter(submission=submission).exists()
        assert not IndicatorDecision.objects.exists()
        return
    if role == "viewer_user":
        if action == "export":
            assert response.status_code == 200
            assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        else:
            assert response.status_code == 403
            submission.refresh_from_db()
            assert submission.status == before
            assert not ReviewComment.objects.filter(submission=submission).exists()
            assert not IndicatorDecision.objects.exists()
        return
    assert response.status_code == 200
    if action == "export":
        assert response.content[:2] == b"PK"  # a zip: the xlsx file
        return
    html = response.content.decode()
    if (action, state) in ALLOWED:
        assert _effect(action, submission), html
        assert "alert-success" in html
    else:
        submission.refresh_from_db()
        assert submission.status == before
        assert not ReviewComment.objects.filter(submission=submission, text="请附入驻企业名单")
        assert not IndicatorDecision.objects.exists()
        assert "alert-danger" in html
        assert "无法进行此操作" in html


@pytest.mark.parametrize(
    "name", ["dashboard", "review_list", "results", "statistics", "export_csv", "admin_history"]
)
def test_viewer_reads_every_page(client, viewer_user, submitted_a, name):
    """The commission's viewer opens every association page."""
    client.force_login(viewer_user)
    response = client.get(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "name", ["review_list", "results", "statistics", "export_csv", "export_xlsx", "admin_history"]
)
def test_operator_gets_404_on_association_pages(client, operator_a, submitted_a, name):
    client.force_login(operator_a)
    assert client.get(reverse(name)).status_code == 404


def test_operator_gets_404_on_its_own_review_page_too(client, operator_a, submitted_a):
    """Even its own submission's review page (and the diff) is the association's, not the base's."""
    client.force_login(operator_a)
    assert client.get(reverse("review_detail", args=[submitted_a.pk])).status_code == 404
    assert client.get(reverse("review_version_diff", args=[submitted_a.pk])).status_code == 404


def test_viewer_sees_no_action_buttons(client, viewer_user, submitted_a):
    client.force_login(viewer_user)
    html = client.get(reverse("review_detail", args=[submitted_a.pk])).content.decode()
    assert "只有审核人员可以进行操作" in html
    assert 'id="return-button"' not in html
    assert 'id="accept-button"' not in html


def test_unknown_submission_is_404(client, reviewer_user, campaign):
    client.force_login(reviewer_user)
    assert client.get(reverse("review_detail", args=[999999])).status_code == 404
