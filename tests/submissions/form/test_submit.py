"""Check your answers, submit, receipt, deadline and extension, and base isolation."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from submissions.enums import SubmissionStatus
from submissions.models import Campaign, Submission, SubmissionVersion
from submissions.services.evidence import evidence_upload
from submissions.services.submit import submission_get_or_create, submission_submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_check_answers_lists_values_with_change_links(op_client, filled):
    """Every section's values appear with a 修改 link that returns here."""
    html = op_client.get(reverse("check_answers")).content.decode()
    assert "提交前请核对填报内容" in html
    assert "年度经营收入" in html and "1250000 万元" in html
    assert "甲基地优质企业01有限公司" in html
    assert f'href="{reverse("section", args=["industry"])}?next={reverse("check_answers")}"' in html
    assert "本单位承诺所填报信息真实、准确、完整" in html
    assert "全部达标" in html


def test_submit_without_declaration_is_refused(op_client, filled):
    response = op_client.post(reverse("submit"), {})
    assert response.status_code == 400
    assert "请勾选承诺" in response.content.decode()
    filled.refresh_from_db()
    assert filled.status == SubmissionStatus.DRAFT


def test_incomplete_submission_lists_sections_with_links(op_client, draft):
    response = op_client.post(reverse("submit"), {"declaration": "on"})
    html = response.content.decode()
    assert "有部分内容尚未填写完整" in html
    assert f'href="{reverse("section", args=["industry"])}?next=' in html
    assert "（二）开发规模" in html
    assert "未填写：" in html


def test_submit_lands_on_receipt_and_a_replay_on_the_same_one(op_client, filled):
    """Submitting shows a receipt number and next steps; posting again shows the same receipt."""
    first = op_client.post(reverse("submit"), {"declaration": "on"}, follow=True)
    html = first.content.decode()
    assert "填报已提交" in html
    assert "2024-AA-01-V1" in html
    assert "加盖运营公司公章" in html
    again = op_client.post(reverse("submit"), {"declaration": "on"})
    assert again["Location"] == first.redirect_chain[-1][0]
    assert SubmissionVersion.objects.filter(submission=filled).count() == 1
    filled.refresh_from_db()
    assert filled.status == SubmissionStatus.SUBMITTED
    task = op_client.get(reverse("task_list")).content.decode()
    assert "查看回执" in task


def test_deadline_passed_refuses_unless_extended(op_client, filled):
    """After the deadline submitting is refused with the date; a later extension allows it."""
    Campaign.objects.filter(pk=filled.campaign_id).update(
        deadline=timezone.now() - dt.timedelta(hours=1),
        opens_at=timezone.now() - dt.timedelta(days=30),
    )
    response = op_client.post(reverse("submit"), {"declaration": "on"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "截止时间" in html and "已过" in html
    assert "已过截止时间" in op_client.get(reverse("task_list")).content.decode()
    Submission.objects.filter(pk=filled.pk).update(
        deadline_extension=timezone.now() + dt.timedelta(days=3)
    )
    response = op_client.post(reverse("submit"), {"declaration": "on"}, follow=True)
    assert "填报已提交" in response.content.decode()
    assert "本基地已获延期" not in response.content.decode()


def test_extension_is_shown_on_the_task_list(op_client, draft):
    Submission.objects.filter(pk=draft.pk).update(
        deadline_extension=timezone.now() + dt.timedelta(days=40)
    )
    assert "本基地已获延期" in op_client.get(reverse("task_list")).content.decode()


@pytest.fixture
def other_base_objects(base_b, campaign, operator_b):
    """Base B's submitted version and an evidence file."""
    from submissions.demo_data import fill_submission

    theirs = fill_submission(submission_get_or_create(base=base_b, campaign=campaign))
    evidence = evidence_upload(
        submission_id=theirs.pk, indicator="2",
        upload=SimpleUploadedFile("乙.pdf", PDF), user=operator_b,
    )  # fmt: skip
    version = submission_submit(submission_id=theirs.pk, user=operator_b, declaration=True)
    return {"version": version, "evidence": evidence, "submission": theirs}


def test_another_base_gets_404_on_every_object_url(op_client, draft, other_base_objects):
    """Operator A walks every URL with an id of base B: all answer 404, nothing leaks."""
    version, evidence = other_base_objects["version"], other_base_objects["evidence"]
    gets = [reverse("receipt", args=[version.pk]), reverse("evidence_download", args=[evidence.pk])]
    for target in gets:
        response = op_client.get(target)
        assert response.status_code == 404, target
        assert "乙基地" not in response.content.decode()
    assert op_client.post(reverse("evidence_delete", args=[evidence.pk])).status_code == 404
    assert type(evidence).objects.filter(pk=evidence.pk).exists()
    # The id-less pages show A's own draft only.
    for name in ("task_list", "check_answers", "evidence"):
        html = op_client.get(reverse(name)).content.decode()
        assert "乙基地" not in html and "乙.pdf" not in html
    exported = op_client.get(reverse("draft_export")).content.decode()
    assert "AA-01" in exported and "BB-01" not in exported


def test_own_receipt_is_visible(client, operator_b, other_base_objects):
    client.force_login(operator_b)
    html = client.get(reverse("receipt", args=[other_base_objects["version"].pk])).content
    assert "2024-BB-01-V1" in html.decode()
