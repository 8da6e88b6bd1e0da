"""The review loop through the association's pages, and what each party sees."""

from decimal import Decimal

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from evaluation.models import EvaluationResult
from submissions.enums import SubmissionStatus
from submissions.models import Evidence, Submission, SubmissionEvent
from submissions.selectors_review import review_comments_for_operator
from submissions.services.submit import submission_submit

pytestmark = pytest.mark.django_db


def test_full_loop_submit_return_with_comments_resubmit_accept(
    client, submitted_a, operator_a, reviewer_user, django_capture_on_commit_callbacks
):
    """Submit → comments + return → the operator sees the comments → version 2 → accept; the
    stored results of both versions remain and the second is final."""
    client.force_login(reviewer_user)
    client.post(reverse("review_comment", args=[submitted_a.pk]),
                {"indicator": "17", "text": "入驻率请附物业台账"})  # fmt: skip
    client.post(reverse("review_comment", args=[submitted_a.pk]), {"text": "总体材料需补充盖章页"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("review_return", args=[submitted_a.pk]),
                               {"reason": "入驻率证明不足"}, follow=True)  # fmt: skip
    assert "已退回基地修改" in response.content.decode()
    submitted_a.refresh_from_db()
    assert submitted_a.status == SubmissionStatus.RETURNED

    # The operator is e-mailed, in Chinese, with the reason and the comments.
    assert [m.to for m in mail.outbox] == [[operator_a.email]]
    body = mail.outbox[0].body
    assert "入驻率证明不足" in body and "指标 17：入驻率请附物业台账" in body
    assert "退回修改" in mail.outbox[0].subject

    # The operator's form gets the comments beside the fields (selector + include).
    comments = review_comments_for_operator(submitted_a)
    assert [c.text for c in comments["17"]] == ["入驻率请附物业台账"]
    assert [c.text for c in comments[""]] == ["总体材料需补充盖章页"]
    html = render_to_string("review/includes/_operator_comments.html",
                            {"comments": comments["17"]})  # fmt: skip
    assert "审核意见" in html and "入驻率请附物业台账" in html

    Submission.objects.filter(pk=submitted_a.pk).update(occupancy_rate=Decimal("90.5"))
    v2 = submission_submit(submission_id=submitted_a.pk, user=operator_a, declaration=True)
    assert v2.number == 2
    assert review_comments_for_operator(submitted_a) == {}  # the comments concerned version 1

    response = client.post(reverse("review_accept", args=[submitted_a.pk]), follow=True)
    assert "已受理" in response.content.decode()
    results = EvaluationResult.objects.filter(version__submission=submitted_a).order_by(
        "version__number"
    )
    assert [(r.version.number, r.is_final) for r in results] == [(1, False), (2, True)]
    assert results[0].input["data"]["occupancy_rate"] == 86.5
    assert results[1].input["data"]["occupancy_rate"] == 90.5
    page = client.get(reverse("review_detail", args=[submitted_a.pk])).content.decode()
    assert "已提交 → 已退回修改：入驻率证明不足" in page
    assert "最终结果" in page


def test_return_needs_a_reason(client, submitted_a, reviewer_user):
    """Returning without a reason is refused with a message; nothing changes."""
    client.force_login(reviewer_user)
    response = client.post(reverse("review_return", args=[submitted_a.pk]), {"reason": "  "},
                           follow=True)  # fmt: skip
    assert "请填写原因" in response.content.decode()
    submitted_a.refresh_from_db()
    assert submitted_a.status == SubmissionStatus.SUBMITTED


def test_rejecting_a_declared_row_rescores_the_stored_result(client, submitted_a, reviewer_user):
    """Rejecting 有 on row 13 makes it not met and the demonstration base fails (整改);
    confirming it again restores the pass."""
    client.force_login(reviewer_user)
    url = reverse("review_decision", args=[submitted_a.pk])
    response = client.post(url, {"indicator": "13", "decision": "reject"}, follow=True)
    assert "请填写驳回理由" in response.content.decode()
    response = client.post(url, {"indicator": "13", "decision": "reject",
                                 "comment": "政策文件未见"}, follow=True)  # fmt: skip
    html = response.content.decode()
    result = EvaluationResult.objects.get(version__submission=submitted_a)
    assert result.decisions == {"13": False}
    assert (result.verdict, result.outcome, result.met) == ("fail", "rectification", 24)
    assert "已驳回" in html and "24/25" in html and "整改" in html
    client.post(url, {"indicator": "13", "decision": "confirm"})
    result.refresh_from_db()
    assert (result.verdict, result.met, result.decisions) == ("pass", 25, {"13": True})
    row13 = next(i for i in result.output["indicators"] if i["code"] == "13")
    assert row13["provisional"] is False


def test_only_declared_rows_can_be_decided(client, submitted_a, reviewer_user):
    client.force_login(reviewer_user)
    response = client.post(reverse("review_decision", args=[submitted_a.pk]),
                           {"indicator": "2", "decision": "confirm"}, follow=True)  # fmt: skip
    assert "只有申报为“有”的定性指标可以确认或驳回" in response.content.decode()


def test_review_page_shows_values_bars_wording_lists_evidence_and_history(
    client, submitted_a, reviewer_user
):
    """Every indicator with the notice's wording, values with units, lists, descriptions,
    evidence and the history in Beijing time with the IP."""
    Evidence.objects.create(
        submission=submitted_a, indicator="17", token="tok-1", file="evidence/x/tok-1",
        original_name="入驻台账.pdf", size=1024, sha256="ab" * 32, content_type="application/pdf",
    )  # fmt: skip
    client.force_login(reviewer_user)
    html = client.get(reverse("review_detail", args=[submitted_a.pk])).content.decode()
    for text in [
        "甲基地", "第 1 版", "2024-AA-01-V1",
        "≧3 个",  # the notice's wording for row 1
        "年度经营收入：1,250,000 万元",
        "入驻率：86.5 %",
        "设立招商中心",  # an operator's description
        "园区孵化器",  # a list row
        "主体产业营收比重", "78.00 %",  # computed share
        "入驻台账.pdf",
        "10.1.2.3",  # the submitter's IP
        "草稿 → 已提交",
        "25/25",
    ]:  # fmt: skip
        assert text in html, text
    assert html.count('class="review-row ') == 25
    event = SubmissionEvent.objects.get(submission=submitted_a)
    from zoneinfo import ZoneInfo

    assert event.at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M:%S") in html


def test_version_diff_lists_changed_fields_and_rows(client, submitted_a, operator_a,
                                                    reviewer_user):  # fmt: skip
    client.force_login(reviewer_user)
    client.post(reverse("review_return", args=[submitted_a.pk]), {"reason": "请核实"})
    Submission.objects.filter(pk=submitted_a.pk).update(occupancy_rate=Decimal("91.0"))
    submitted_a.activities.filter(position=0).delete()
    submission_submit(submission_id=submitted_a.pk, user=operator_a, declaration=True)
    html = client.get(reverse("review_version_diff", args=[submitted_a.pk])).content.decode()
    assert "入驻率（%）" in html
    assert "86.5" in html and "91" in html
    assert "− 产业论坛活动第1期" in html
    assert "年度经营收入" not in html  # unchanged fields are not listed
    same = client.get(reverse("review_version_diff", args=[submitted_a.pk]), {"a": 2, "b": 2})
    assert "第 2 版与第 2 版数据相同" in same.content.decode()


def test_comment_on_unknown_indicator_is_refused(client, submitted_a, reviewer_user):
    client.force_login(reviewer_user)
    response = client.post(reverse("review_comment", args=[submitted_a.pk]),
                           {"indicator": "99", "text": "?"}, follow=True)  # fmt: skip
    assert "未知的指标" in response.content.decode()


def test_paper_copy_received_is_recorded(client, submitted_a, reviewer_user):
    client.force_login(reviewer_user)
    response = client.post(reverse("review_paper", args=[submitted_a.pk]),
                           {"received_on": "2025-01-20"}, follow=True)  # fmt: skip
    assert "纸质材料记录已保存" in response.content.decode()
    submitted_a.refresh_from_db()
    assert str(submitted_a.paper_received_on) == "2025-01-20"
    assert submitted_a.paper_received_by == reviewer_user
    bad = client.post(reverse("review_paper", args=[submitted_a.pk]), {"received_on": "20/1"},
                      follow=True)  # fmt: skip
    assert "请输入日期" in bad.content.decode()


def test_staff_download_evidence_of_any_base(client, submitted_a, reviewer_user, settings,
                                             tmp_path):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "f1").write_bytes(b"%PDF-1.4 demo")
    item = Evidence.objects.create(
        submission=submitted_a, indicator="17", token="f1", file="evidence/f1",
        original_name="台账.pdf", size=13, sha256="cd" * 32, content_type="application/pdf",
    )  # fmt: skip
    client.force_login(reviewer_user)
    response = client.get(reverse("review_evidence", args=[submitted_a.pk, item.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"
    assert (
        client.get(reverse("review_evidence", args=[submitted_a.pk + 1, item.pk])).status_code
        == 404
    )


def test_review_page_queries_do_not_grow_with_comments_versions_and_events(
    client, submitted_a, operator_a, reviewer_user
):
    """The review page reads comments, decisions, versions and history in fixed queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(reviewer_user)
    url = reverse("review_detail", args=[submitted_a.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for code in ["1", "7", "17"]:
        client.post(reverse("review_comment", args=[submitted_a.pk]),
                    {"indicator": code, "text": f"意见{code}"})  # fmt: skip
    client.post(reverse("review_decision", args=[submitted_a.pk]),
                {"indicator": "21", "decision": "confirm"})  # fmt: skip
    client.post(reverse("review_return", args=[submitted_a.pk]), {"reason": "请修改"})
    submission_submit(submission_id=submitted_a.pk, user=operator_a, declaration=True)
    with CaptureQueriesContext(connection) as after:
        html = client.get(url).content.decode()
    assert "意见17" in html and "第 2 版" in html
    assert len(after.captured_queries) == len(before.captured_queries)


def test_operator_task_list_can_highlight_sections_with_comments(client, submitted_a,
                                                                 reviewer_user):  # fmt: skip
    """Comments on indicators 17 and 20 fall in sections (3) and (4) of the form."""
    from submissions.selectors_review import review_comment_sections

    client.force_login(reviewer_user)
    for code, text in [("17", "入驻率"), ("20", "活动"), ("20", "日期"), ("", "总体")]:
        client.post(reverse("review_comment", args=[submitted_a.pk]),
                    {"indicator": code, "text": text})  # fmt: skip
    assert review_comment_sections(submitted_a) == {"enterprise": 1, "service": 2, "": 1}
