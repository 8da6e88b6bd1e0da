import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, user):
    return client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
    )


def test_login_page_is_chinese_and_public(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "登录" in html
    assert "忘记密码" in html


def test_every_other_page_requires_login(client, campaign):
    response = client.get(reverse("operator_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_wrong_password_gives_chinese_message_without_account_hint(client, operator_a):
    """The same message for a wrong password and an unknown user."""
    wrong = client.post(reverse("login"), {"username": "op-a", "password": "nope-nope-nope"})
    unknown = client.post(reverse("login"), {"username": "ghost", "password": "nope-nope-nope"})
    for response in (wrong, unknown):
        text = response.content.decode()
        assert "请输入一个正确的" in text or "用户名和密码" in text
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_operator_lands_on_its_base_home(client, operator_a, campaign):
    response = login(client, operator_a)
    assert response.redirect_chain[-1][0] == reverse("operator_home")
    html = response.content.decode()
    assert "甲基地" in html
    assert "2024年度上海市软件和信息服务产业基地评估" in html
    assert "乙基地" not in html


@pytest.mark.parametrize("who", ["reviewer_user", "viewer_user", "admin_user"])
def test_association_staff_land_on_the_dashboard(client, request, who, campaign):
    user = request.getfixturevalue(who)
    response = login(client, user)
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "促进会工作台" in response.content.decode()


def test_operator_cannot_open_the_admin(client, operator_a):
    client.force_login(operator_a)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_operator_cannot_open_the_dashboard(client, operator_a):
    client.force_login(operator_a)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()


def test_logout_ends_the_session(client, operator_a, campaign):
    client.force_login(operator_a)
    client.post(reverse("logout"))
    response = client.get(reverse("operator_home"))
    assert response.status_code == 302


def test_password_change(client, operator_a):
    client.force_login(operator_a)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Another-long-pass-42",
            "new_password2": "Another-long-pass-42",
        },
        follow=True,
    )
    assert "密码已修改" in response.content.decode()
    operator_a.refresh_from_db()
    assert operator_a.check_password("Another-long-pass-42")


def test_short_password_is_refused_in_chinese(client, operator_a):
    client.force_login(operator_a)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "short1", "new_password2": "short1"},
    )
    assert "10" in response.content.decode()
    assert "密码太短" in response.content.decode()


def test_password_reset_by_email_in_chinese(client, operator_a):
    response = client.post(reverse("password_reset"), {"email": operator_a.email}, follow=True)
    assert "请查收邮件" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "重置" in message.subject
    link = re.search(r"http://testserver(/accounts/reset/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "设置新密码" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Fresh-password-2025", "new_password2": "Fresh-password-2025"},
        follow=True,
    )
    assert "新密码已设置" in done.content.decode()
    operator_a.refresh_from_db()
    assert operator_a.check_password("Fresh-password-2025")


def test_language_switch_offers_english(client, operator_a, campaign):
    client.force_login(operator_a)
    assert "我的基地" in client.get(reverse("operator_home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": reverse("operator_home")})
    html = client.get(reverse("operator_home")).content.decode()
    assert "My base" in html
    assert '<html lang="en">' in html


def test_browser_language_does_not_override_chinese(client, campaign):
    """An English browser still gets Chinese until the person switches."""
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "登录" in html


def test_404_page_is_chinese(client, operator_a):
    client.force_login(operator_a)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_operator_home_shows_state_and_printable_copy_links(client, operator_a, campaign):
    """After submitting, the home page shows the state, the receipt, the PDF and the scan upload."""
    from submissions.demo_data import fill_submission
    from submissions.services.submit import submission_get_or_create, submission_submit

    draft = fill_submission(submission_get_or_create(base=operator_a.membership.base,
                                                     campaign=campaign))  # fmt: skip
    version = submission_submit(submission_id=draft.pk, user=operator_a, declaration=True)
    client.force_login(operator_a)
    html = client.get(reverse("operator_home")).content.decode()
    assert "已提交" in html
    assert version.receipt_number in html
    assert reverse("version_pdf", args=[version.pk]) in html
    assert reverse("scan_upload", args=[version.pk]) in html
    assert "纸质材料尚未收到" in html or "未收到" in html
