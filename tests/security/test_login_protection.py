"""Login protection: lockout per (username, IP), password rules, sessions that really end."""

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]


@pytest.fixture
def axes_on():
    with override_settings(AXES_ENABLED=True):
        yield


def attempt(client, username, password, ip="10.1.1.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_failures_lock_the_pair_with_a_chinese_message(client, operator_a):
    for _ in range(5):
        attempt(client, "op-a", "wrong-password-x")
    response = attempt(client, "op-a", PASSWORD)
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_users_on_the_same_ip_are_unaffected(client, operator_a, operator_b):
    for _ in range(5):
        attempt(client, "op-a", "wrong-password-x")
    response = attempt(client, "op-b", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_same_user_from_another_ip_is_unaffected(client, operator_a):
    for _ in range(5):
        attempt(client, "op-a", "wrong-password-x", ip="10.1.1.1")
    assert attempt(client, "op-a", PASSWORD, ip="10.2.2.2").status_code == 302


def test_an_administrator_unlocks(client, operator_a, admin_user):
    for _ in range(5):
        attempt(client, "op-a", "wrong-password-x")
    assert AccessAttempt.objects.filter(username="op-a").exists()
    staff = client.__class__()
    staff.force_login(admin_user)
    attempt_row = AccessAttempt.objects.get(username="op-a")
    staff.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt_row.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.filter(username="op-a").exists()
    assert attempt(client, "op-a", PASSWORD).status_code == 302


def test_deactivated_account_loses_its_sessions(client, operator_a, campaign):
    client.force_login(operator_a)
    assert client.get(reverse("operator_home")).status_code == 200
    operator_a.is_active = False
    operator_a.save()
    response = client.get(reverse("operator_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_logout_deletes_the_server_side_session(client, operator_a):
    client.force_login(operator_a)
    key = client.session.session_key
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [("short-1", "密码太短"), ("password1234", "太常见"), ("op-a@example.org1", "相似")],
    ids=["too-short", "common", "like-username"],
)
def test_password_rules(client, operator_a, password, message):
    client.force_login(operator_a)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert message in response.content.decode()
