"""A session that ends while a section has unsaved input: nothing typed is lost."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.factories import PASSWORD


@pytest.fixture
def short_session_operator(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SESSION_COOKIE_AGE = 6  # seconds: the whole expiry happens within the test
    factories.CampaignFactory()
    base = factories.BaseFactory(name="会话基地", code="SE-01")
    return factories.operator_of(base, "op-session")


def log_in(page, live_server, username):
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_typed_values_survive_an_expired_session(page, live_server, short_session_operator):
    page.goto(f"{live_server.url}/form/section/industry/")
    log_in(page, live_server, "op-session")
    page.wait_for_url("**/form/section/industry/")
    # The warning offers 继续 before the end (here at once: the session is shorter than 2 minutes).
    expect(page.locator("#session-warning")).to_be_visible()
    expect(page.locator("#session-warning button")).to_have_text("继续")
    page.locator('[name="employees_software"]').fill("4321")
    page.locator('[name="revenue_total"]').fill("350000")
    # No request is made: the session ends, the page says so and hands the input to the server.
    expect(page.locator("#session-expired")).to_be_visible(timeout=15_000)
    page.wait_for_timeout(1000)
    page.locator("#session-expired a").click()
    log_in(page, live_server, "op-session")
    page.wait_for_url("**/form/section/industry/")
    expect(page.locator("#rescued")).to_be_visible()
    expect(page.locator('[name="employees_software"]')).to_have_value("4321")
    expect(page.locator('[name="revenue_total"]')).to_have_value("350000")
    # The autosave that met the expired session answered 401 on purpose; nothing else failed.
    page.problems[:] = [p for p in page.problems if "401" not in p]
