"""An operator fills the whole assessment in Chromium, like a person, and submits it."""

import re

import pytest
from playwright.sync_api import expect

from submissions.models import Evidence, Submission
from tests import factories
from tests.factories import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DESC = "基地设有专门团队，制度健全，全年按计划推进并有完整记录和台账可查。"


@pytest.fixture
def operator(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    factories.CampaignFactory()
    base = factories.BaseFactory(name="浏览器基地", code="BR-01", address="上海市徐汇区示例路8号",
                                 contact_name="王五", contact_phone="021-87654321")  # fmt: skip
    return factories.operator_of(base, "op-browser")


def fill(page, values: dict):
    for name, value in values.items():
        page.locator(f'[name="{name}"]').fill(value)


def add_row(page, relation: str, values: dict):
    rows = page.locator(f"#list-{relation} tbody tr[data-row]")
    index = rows.count()
    page.locator(f"#list-{relation} [data-add-row]").click()
    for key, value in values.items():
        target = page.locator(f'[name="{relation}-{index}-{key}"]')
        if key == "categories":
            page.locator(f'[name="{relation}-{index}-categories"][value="{value}"]').check()
        elif target.evaluate("el => el.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)


def status_of(page, code: str):
    return page.locator(f'#preview [data-code="{code}"]')


def settle(page):
    """Let the debounced preview request start and finish (SQLite's in-memory test database
    refuses a read that overlaps a write, which a person's slower clicking never provokes)."""
    page.wait_for_timeout(800)
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def save_and_continue(page):
    settle(page)
    page.get_by_role("button", name="保存并继续").click()
    page.wait_for_load_state("load")
    expect(page.locator(".alert-success")).to_contain_text("已保存")


def test_operator_fills_every_section_and_submits(page, live_server, operator):
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/")
    page.get_by_label("用户名").fill("op-browser")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="填写评估表").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("评估填报")
    expect(page.locator("#progress-count")).to_contain_text("已完成 0 / 7 个部分")

    page.get_by_role("link", name="基地基本情况").click()
    fill(page, {"contact_email": "wangwu@example.org"})
    save_and_continue(page)

    # (一) 产业能级: figures with live 亿元 and shares, lists, and the preview changing.
    expect(page.get_by_role("heading", level=1)).to_have_text("（一）产业能级")
    expect(status_of(page, "2")).to_have_attribute("data-status", "missing")
    fill(page, {"revenue_total": "1250000", "revenue_main_industry": "900000",
                "revenue_software": "900000", "revenue_software_prev": "780000",
                "enterprises_total": "520", "enterprises_with_ip": "286",
                "enterprises_total_prev": "500", "enterprises_with_ip_prev": "250",
                "employees_software": "5600"})  # fmt: skip
    expect(page.locator(".yi-hint").first).to_contain_text("125.0000 亿元")
    expect(page.locator('[data-compute="share"]').first).to_have_text("72.00 %")
    expect(status_of(page, "2")).to_have_attribute("data-status", "met")
    for name in ("软件", "人工智能", "云计算"):
        add_row(page, "sub_sectors", {"name": name})
    expect(status_of(page, "1")).to_have_attribute("data-status", "met")
    add_row(page, "quality_enterprises", {"name": "示例软件有限公司", "revenue": "12000",
                                          "categories": "listed"})  # fmt: skip
    add_row(page, "quality_enterprises", {"name": "待删除企业", "categories": "listed"})
    page.locator("#list-quality_enterprises tbody tr[data-row]").nth(1).locator(
        "[data-remove-row]").click()  # fmt: skip
    expect(page.locator("#list-quality_enterprises tbody tr[data-row]")).to_have_count(1)
    # Move 云计算 to the top.
    page.locator("#list-sub_sectors tbody tr[data-row]").nth(2).locator('[data-move="up"]').click()
    page.locator("#list-sub_sectors tbody tr[data-row]").nth(1).locator('[data-move="up"]').click()
    save_and_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("（二）开发规模")
    fill(page, {"land_area_ha": "25", "office_area_m2": "90000", "industrial_land_ratio": "64.5",
                "public_space_ratio": "18", "road_density": "9.2"})  # fmt: skip
    add_row(page, "amenities", {"kind": "餐饮"})
    add_row(page, "amenities", {"kind": "停车场"})
    save_and_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("（三）企业育引")
    fill(page, {"occupancy_rate": "60"})
    expect(status_of(page, "17")).to_have_attribute("data-status", "not_met")
    fill(page, {"occupancy_rate": "88"})
    expect(status_of(page, "17")).to_have_attribute("data-status", "met")
    for name in ("policies", "investment_department"):
        page.locator(f'[name="{name}"][value="True"]').check()
        fill(page, {f"{name}_desc": DESC})
    add_row(page, "innovation_carriers", {"name": "园区孵化器", "type": "孵化器"})
    for i in range(5):
        add_row(page, "investment_channels", {"name": f"招商渠道{i + 1}"})
    save_and_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("（四）园区服务")
    page.locator('[name="operations_management"][value="True"]').check()
    fill(page, {"operations_management_desc": DESC})
    add_row(page, "service_centers", {"name": "知识产权服务中心", "type": "知识产权服务中心"})
    add_row(page, "activities", {"title": "产业论坛", "date": "2024-05-10", "form": "产业论坛"})
    save_and_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("（五）绿色智慧")
    for name in ("smart_infrastructure", "smart_platform", "green_measures"):
        page.locator(f'[name="{name}"][value="True"]').check()
        fill(page, {f"{name}_desc": DESC})
    save_and_continue(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("证明材料")
    page.locator('[name="indicator"]').select_option("13")
    page.locator('[name="file"]').set_input_files(
        {"name": "政策文件.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="上传", exact=True).click()
    expect(page.locator("#evidence-files")).to_contain_text("政策文件.pdf")

    # Everything typed is still there after a reload.
    page.goto(f"{live_server.url}/form/section/industry/")
    page.reload()
    expect(page.locator('[name="revenue_total"]')).to_have_value("1250000.00")
    expect(page.locator('[name="sub_sectors-0-name"]')).to_have_value("云计算")
    expect(page.locator('[name="quality_enterprises-0-name"]')).to_have_value("示例软件有限公司")

    page.goto(f"{live_server.url}/form/")
    expect(page.locator("#progress-count")).to_contain_text("已完成 7 / 7 个部分")
    page.get_by_role("link", name="核对并提交").click()
    expect(page.locator("#answers-industry")).to_contain_text("1250000 万元")
    page.get_by_label("本单位承诺所填报信息真实、准确、完整").check()
    page.get_by_role("button", name="提交").click()
    expect(page.locator("#receipt-number")).to_have_text("2024-BR-01-V1")
    submission = Submission.objects.get(base__code="BR-01")
    assert submission.status == "submitted"
    assert [s.display_name for s in submission.sub_sectors.all()] == ["云计算", "软件", "人工智能"]
    assert Evidence.objects.filter(submission=submission).count() == 1
    assert re.search(r"2024-BR-01-V1", page.content())


def test_unsaved_changes_warn_and_are_autosaved_when_leaving(page, live_server, operator):
    """Typing marks the page dirty (leaving asks first); leaving the page autosaves it."""
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/accounts/login/?next=/form/section/industry/")
    page.get_by_label("用户名").fill("op-browser")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("（一）产业能级")
    leave = (
        "() => { const e = new Event('beforeunload', {cancelable: true});"
        " window.dispatchEvent(e); return e.defaultPrevented; }"
    )
    assert page.evaluate(leave) is False
    fill(page, {"revenue_total": "654321", "employees_software": "abc"})
    expect(page.locator("[data-autosave-status]")).to_have_text("有尚未保存的修改。")
    assert page.evaluate(leave) is True
    with page.expect_response(lambda r: r.url.endswith("/autosave/")) as reply:
        page.evaluate("() => window.dispatchEvent(new Event('pagehide'))")
    assert reply.value.json()["ok"] is True
    expect(page.locator("[data-autosave-status]")).to_contain_text("草稿已自动保存于")
    expect(page.locator("[data-lock-version]")).to_have_value("2")
    draft = Submission.objects.get(base__code="BR-01")
    assert str(draft.revenue_total) == "654321.00"
    assert draft.employees_software is None
    assert page.evaluate(leave) is False
