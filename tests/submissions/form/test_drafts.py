"""Drafts that never lose data: stale saves, autosave, session expiry, the live preview."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from submissions.enums import SectionStatus
from tests import factories
from tests.factories import PASSWORD
from tests.form_factories import section_post

pytestmark = pytest.mark.django_db


def url(section, name="section"):
    return reverse(name, kwargs={"section": section})


def test_stale_save_is_refused_naming_who_and_what(client, filled, operator_a, base_a):
    """Two colleagues open the page; the second save is refused, names the first and the field,
    and keeps the second person's input in the form."""
    colleague = factories.operator_of(base_a, "op-a2")
    colleague.first_name = "李四"
    colleague.save()
    opened = section_post(filled, "industry")
    client.force_login(colleague)
    first = client.post(url("industry"), {**opened, "revenue_total": "1300000"})
    assert first.status_code == 302
    client.force_login(operator_a)
    second = client.post(url("industry"), {**opened, "revenue_total": "1400000"})
    assert second.status_code == 409
    html = second.content.decode()
    assert "同事已保存了更新的版本" in html
    assert "李四" in html
    assert "年度经营收入" in html
    assert "已保存的值 1300000.00" in html
    assert 'value="1400000"' in html
    filled.refresh_from_db()
    assert filled.revenue_total == Decimal("1300000")
    # The re-rendered form carries the current edit version: saving again is a deliberate choice.
    assert f'name="lock_version" value="{filled.lock_version}"' in html
    third = client.post(url("industry"), {**opened, "revenue_total": "1400000",
                                          "lock_version": str(filled.lock_version)})  # fmt: skip
    assert third.status_code == 302
    filled.refresh_from_db()
    assert filled.revenue_total == Decimal("1400000")


def test_autosave_keeps_valid_fields_without_completing(op_client, draft):
    """Autosave stores what is valid, skips what is not, and returns the new edit version."""
    data = section_post(draft, "industry", {"revenue_total": "500000", "employees_software": "x"})
    response = op_client.post(url("industry", "section_autosave"), data)
    assert response.status_code == 200
    reply = response.json()
    assert reply["ok"] is True
    assert reply["lock_version"] == 2
    assert reply["invalid"] == 1
    draft.refresh_from_db()
    assert draft.revenue_total == Decimal("500000")
    assert draft.employees_software is None
    assert draft.section_state["industry"] == SectionStatus.IN_PROGRESS
    html = op_client.get(reverse("task_list")).content.decode()
    assert "填写中" in html


def test_autosave_respects_the_edit_version(op_client, draft):
    data = section_post(draft, "industry", {"revenue_total": "500000"})
    assert op_client.post(url("industry", "section_autosave"), data).status_code == 200
    stale = op_client.post(url("industry", "section_autosave"), {**data, "revenue_total": "1"})
    assert stale.status_code == 409
    assert "在您打开本页之后" in stale.json()["error"]
    draft.refresh_from_db()
    assert draft.revenue_total == Decimal("500000")


def test_autosave_after_submit_is_refused(op_client, filled, operator_a):
    from submissions.services.submit import submission_submit

    submission_submit(submission_id=filled.pk, user=operator_a, declaration=True)
    response = op_client.post(url("industry", "section_autosave"), section_post(filled, "industry"))
    assert response.status_code == 400
    assert "不能再修改" in response.json()["error"]


def test_save_after_session_expiry_is_restored_after_login(client, draft, operator_a):
    """A save posted after the session expired is kept; after logging in again the section
    shows what was typed, unsaved, with an explanation."""
    data = section_post(draft, "industry", {"revenue_total": "777777", "employees_software": "42"})
    response = client.post(url("industry"), data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "next=/form/section/industry/" in response["Location"]
    login = client.post(
        response["Location"], {"username": operator_a.username, "password": PASSWORD}
    )
    assert login.status_code == 302
    page = client.get(url("industry")).content.decode()
    assert "您保存时登录已过期" in page
    assert 'value="777777"' in page
    assert 'value="42"' in page
    draft.refresh_from_db()
    assert draft.revenue_total is None
    # Shown once: the next visit shows the stored draft.
    assert "您保存时登录已过期" not in client.get(url("industry")).content.decode()


def test_autosave_after_session_expiry_answers_401_and_keeps_the_data(client, draft, operator_a):
    data = section_post(draft, "development", {"land_area_ha": "12.5"})
    response = client.post(url("development", "section_autosave"), data)
    assert response.status_code == 401
    assert "登录已过期" in response.json()["error"]
    client.post(reverse("login"), {"username": operator_a.username, "password": PASSWORD})
    assert 'value="12.5"' in client.get(url("development")).content.decode()


def test_rescued_input_is_never_shown_to_another_base(client, draft, operator_b, campaign):
    """Typed data rescued on a shared browser is not shown to another base's operator."""
    data = section_post(draft, "industry", {"revenue_total": "777777"})
    client.post(url("industry"), data)
    client.post(reverse("login"), {"username": operator_b.username, "password": PASSWORD})
    page = client.get(url("industry")).content.decode()
    assert "777777" not in page
    assert "您保存时登录已过期" not in page


def test_unsigned_posts_are_not_rescued(client, draft, operator_a):
    data = section_post(draft, "industry", {"revenue_total": "777777"}, draft_token="forged")
    client.post(url("industry"), data)
    client.post(reverse("login"), {"username": operator_a.username, "password": PASSWORD})
    assert "777777" not in client.get(url("industry")).content.decode()


def test_preview_reflects_unsaved_values(op_client, filled):
    """The preview partial judges the typed values, not only the stored ones."""
    stored = op_client.get(url("enterprise", "preview")).content.decode()
    assert 'data-code="17" data-status="met"' in stored
    data = section_post(filled, "enterprise", {"occupancy_rate": "60"})
    changed = op_client.post(url("enterprise", "preview"), data).content.decode()
    assert 'data-code="17" data-status="not_met"' in changed
    assert "未全部达标" in changed
    filled.refresh_from_db()
    assert filled.occupancy_rate == Decimal("86.5")


def test_preview_shows_missing_for_an_empty_draft(op_client, draft):
    html = op_client.post(url("industry", "preview"), section_post(draft, "industry")).content
    html = html.decode()
    assert 'data-code="2" data-status="missing"' in html
    assert "缺数据" in html


def test_preview_of_a_list_change(op_client, filled):
    """Removing all channels in the form (unsaved) turns indicator 16 to not met."""
    data = section_post(filled, "enterprise", lists={"investment_channels": []})
    html = op_client.post(url("enterprise", "preview"), data).content.decode()
    assert 'data-code="16" data-status="not_met"' in html


def test_draft_export_is_the_interchange_format(op_client, filled):
    response = op_client.get(reverse("draft_export"))
    assert response["Content-Disposition"].startswith("attachment")
    case = json.loads(response.content)
    assert case["data"]["revenue_total"] == 1250000
    assert case["campaign"]["year"] == 2024
    assert len(case["data"]["quality_enterprises"]) == 30
