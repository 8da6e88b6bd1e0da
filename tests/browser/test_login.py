import pytest
from django.core.management import call_command


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo")


def test_operator_logs_in_and_sees_its_base_in_chinese(page, live_server, demo):
    """A demo operator logs in and lands on its base's home, in Chinese, with styles loaded."""
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    page.get_by_label("用户名").fill("op-pd-01")
    page.get_by_label("密码").fill("demo-operator-2024")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{live_server.url}/base/")
    assert page.get_by_role("heading", level=1).inner_text() == "浦江数智软件产业基地"
    assert "沪经信软〔2025〕11号" in page.content()
    # Bootstrap is served locally and applied: the navbar has its background colour.
    background = page.locator("nav.navbar").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"
