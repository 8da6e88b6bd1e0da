"""The dashboard's counts, the list of bases that have not submitted, reminders and extensions."""

import datetime as dt
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from submissions.enums import SubmissionStatus
from submissions.models import Base, Campaign, Submission
from submissions.services.review import reminders_send
from submissions.services.submit import submission_get_or_create, submission_return
from tests import factories

pytestmark = pytest.mark.django_db


class FailingBackend:
    """An e-mail backend whose every send raises, like an unreachable SMTP server."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")


def _count(html: str, name: str) -> int:
    return int(re.search(rf'data-count="{name}">(\d+)<', html).group(1))


@pytest.fixture
def mixed(make_submission, campaign, reviewer_user):
    """Six bases: submitted (paper in), accepted, returned, drafting, empty draft, no draft."""
    submitted = make_submission("submitted")
    Submission.objects.filter(pk=submitted.pk).update(paper_received_on=timezone.localdate())
    make_submission("accepted")
    returned = make_submission("returned")
    drafting = make_submission("draft")
    Submission.objects.filter(pk=drafting.pk).update(lock_version=4)
    empty = submission_get_or_create(base=factories.BaseFactory(), campaign=campaign)
    lonely = factories.BaseFactory(name="无人基地")
    factories.operator_of(lonely, "op-lonely")
    factories.operator_of(empty.base, "op-empty")
    return {"returned": returned, "drafting": drafting, "empty": empty, "lonely": lonely}


def test_dashboard_counts_by_state(client, reviewer_user, mixed):
    client.force_login(reviewer_user)
    html = client.get(reverse("dashboard")).content.decode()
    assert "促进会工作台" in html
    counts = {n: _count(html, n) for n in ["total", "not_started", "drafting", "submitted",
                                           "returned", "accepted", "late", "paper"]}  # fmt: skip
    assert counts == {"total": 6, "not_started": 2, "drafting": 1, "submitted": 1,
                      "returned": 1, "accepted": 1, "late": 0, "paper": 1}  # fmt: skip
    assert "尚未提交的基地" in html and "无人基地" in html
    assert "向所选基地发送催报邮件" in html


def test_late_bases_are_counted_after_the_deadline(client, reviewer_user, mixed, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_at=timezone.now() - dt.timedelta(days=30),
        deadline=timezone.now() - dt.timedelta(days=1),
    )
    client.force_login(reviewer_user)
    html = client.get(reverse("dashboard")).content.decode()
    assert _count(html, "late") == 4  # returned, drafting, empty draft, no draft
    assert html.count('<span class="badge text-bg-danger">逾期</span>') == 4


def test_viewer_sees_the_dashboard_without_buttons(client, viewer_user, mixed):
    client.force_login(viewer_user)
    html = client.get(reverse("dashboard")).content.decode()
    assert "无人基地" in html
    assert "发送催报邮件" not in html
    assert client.post(reverse("send_reminders"), {"base": [mixed["lonely"].pk]}).status_code == 403


def test_reminder_button_mails_the_chosen_bases_operators_in_chinese(client, reviewer_user, mixed):
    client.force_login(reviewer_user)
    mail.outbox.clear()
    chosen = [mixed["lonely"].pk, mixed["returned"].base_id]
    response = client.post(reverse("send_reminders"), {"base": chosen}, follow=True)
    html = response.content.decode()
    assert "已向 2 个基地发送催报邮件" in html
    assert len(mail.outbox) == 2
    lonely_mail = next(m for m in mail.outbox if m.to == ["op-lonely@example.org"])
    assert lonely_mail.subject == "催报提醒：无人基地 2024年度评估材料尚未提交"
    assert "截止时间为 2099-01-27 23:59（北京时间）" in lonely_mail.body
    returned_mail = next(m for m in mail.outbox if m is not lonely_mail)
    assert "材料已被退回修改" in returned_mail.body


def test_reminders_skip_bases_that_submitted(campaign, make_submission):
    submitted = make_submission("submitted")
    mail.outbox.clear()
    report = reminders_send(campaign=campaign, base_ids=[submitted.base_id])
    assert report.sent == [] and mail.outbox == []


def test_send_reminders_command_reaches_every_base_not_handed_in(mixed, capsys):
    mail.outbox.clear()
    call_command("send_reminders", "--campaign", "2024")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert "op-lonely@example.org" in recipients and "op-empty@example.org" in recipients
    assert len(recipients) == 4  # returned, drafting, empty, lonely
    assert "sent: 4" in capsys.readouterr().out


def test_failing_mail_backend_breaks_neither_a_reminder_nor_a_transition(
    client, reviewer_user, mixed, make_submission, settings, django_capture_on_commit_callbacks
):
    """A failed send is logged and shown; the return still happens."""
    settings.EMAIL_BACKEND = "tests.review.test_dashboard.FailingBackend"
    client.force_login(reviewer_user)
    response = client.post(reverse("send_reminders"), {"base": [mixed["lonely"].pk]}, follow=True)
    assert "以下基地的邮件发送失败" in response.content.decode()
    submitted = make_submission("submitted")
    with django_capture_on_commit_callbacks(execute=True):
        submission_return(submission=submitted, user=reviewer_user, comment="请补充")
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.RETURNED
    assert submitted.events.filter(to_status="returned").exists()


def test_extension_lets_a_late_base_submit_and_is_in_the_history(client, reviewer_user, mixed,
                                                                 campaign):  # fmt: skip
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_at=timezone.now() - dt.timedelta(days=30),
        deadline=timezone.now() - dt.timedelta(days=1),
    )
    base = mixed["lonely"]
    client.force_login(reviewer_user)
    day = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = client.post(reverse("grant_extension", args=[base.pk]), {"until": day}, follow=True)
    html = response.content.decode()
    assert f"无人基地的提交截止日期已延至 {day}" in html
    submission = Submission.objects.get(base=base)
    assert timezone.localtime(submission.effective_deadline).strftime("%Y-%m-%d %H:%M") == (
        f"{day} 23:59"
    )
    assert submission.events.get().comment.startswith("截止时间延至")
    early = client.post(reverse("grant_extension", args=[base.pk]), {"until": "2020-01-01"},
                        follow=True)  # fmt: skip
    assert "延期日期须晚于本次评估的截止日期" in early.content.decode()


def test_admin_history_lists_changes_to_bases(client, viewer_user, admin_user):
    base = factories.BaseFactory(name="改名基地")
    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=Base.objects.filter(pk=base.pk), action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Contact phone"]}}]',
    ) if hasattr(LogEntry.objects, "log_actions") else LogEntry.objects.log_action(
        user_id=admin_user.pk, content_type_id=ContentType.objects.get_for_model(Base).pk,
        object_id=base.pk, object_repr=str(base), action_flag=CHANGE,
    )  # fmt: skip
    client.force_login(viewer_user)
    html = client.get(reverse("admin_history")).content.decode()
    assert "改名基地" in html and "修改" in html
