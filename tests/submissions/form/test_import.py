"""JSON import of a draft: validated like the pages, a diff shown first, applied on request."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


def exported(client):
    return json.loads(client.get(reverse("draft_export")).content)


def send(client, case):
    payload = json.dumps(case, ensure_ascii=False).encode()
    return client.post(reverse("draft_import"), {"file": SimpleUploadedFile("d.json", payload)})


def test_import_shows_the_changes_then_applies_them(op_client, filled):
    """Export, edit two figures and a list, import: the diff names them; applying saves them."""
    case = exported(op_client)
    case["data"]["revenue_total"] = 1300000
    case["data"]["occupancy_rate"] = 91.5
    case["data"]["investment_channels"] = case["data"]["investment_channels"][:5]
    preview = send(op_client, case)
    html = preview.content.decode()
    assert "导入后将发生的变化" in html
    assert "年度经营收入" in html and "1300000 万元" in html
    assert "入驻率" in html and "91.5 %" in html
    assert "招商引资平台及渠道" in html
    filled.refresh_from_db()
    assert filled.revenue_total == Decimal("1250000")
    applied = op_client.post(
        reverse("draft_import"), {"apply": "", "lock_version": filled.lock_version}, follow=True
    )
    assert "导入的草稿已保存" in applied.content.decode()
    filled.refresh_from_db()
    assert filled.revenue_total == Decimal("1300000")
    assert filled.occupancy_rate == Decimal("91.5")
    assert filled.investment_channels.count() == 5
    assert filled.quality_enterprises.count() == 30


def test_import_with_invalid_values_lists_the_problems(op_client, filled):
    case = exported(op_client)
    case["data"]["revenue_software"] = 99999999
    response = send(op_client, case)
    html = response.content.decode()
    assert response.status_code == 400
    assert "该文件无法按原样导入" in html
    assert "软件和信息服务业经营收入不能大于年度经营收入" in html
    assert "确认导入" not in html


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"{not json", "不是有效的 JSON"), (b'{"base": {}}', "不符合交换格式")],
    ids=["broken", "not-interchange"],
)
def test_unreadable_files_are_refused(op_client, draft, payload, message):
    response = op_client.post(
        reverse("draft_import"), {"file": SimpleUploadedFile("d.json", payload)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_stale_import_is_refused(op_client, filled):
    case = exported(op_client)
    case["data"]["revenue_total"] = 1300000
    send(op_client, case)
    response = op_client.post(
        reverse("draft_import"), {"apply": "", "lock_version": filled.lock_version - 1}
    )
    assert response.status_code == 409
    assert "在您打开本页之后" in response.content.decode()
